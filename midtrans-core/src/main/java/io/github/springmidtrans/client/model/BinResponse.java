package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans' answer to a BIN lookup ({@code GET /v1/bins/{bin}}).
 *
 * @param data the BIN details; an answer without them is rejected as invalid
 * @param raw the complete body
 * @since 0.1.0
 */
public record BinResponse(BinInfo data, @JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
		optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public BinResponse {
		if (data == null) {
			throw new IllegalArgumentException("BIN answer has no data");
		}
	}

}
