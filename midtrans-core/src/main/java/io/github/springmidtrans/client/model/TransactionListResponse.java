package io.github.springmidtrans.client.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One page of the payments made to a multi-use virtual account ({@code GET
 * /v2/{id}/status/b2b}), newest first.
 *
 * @param statusCode Midtrans' {@code status_code}
 * @param statusMessage Midtrans' explanation
 * @param transactions the transactions on this page
 * @param raw the complete body
 * @since 0.1.0
 */
public record TransactionListResponse(@Nullable String statusCode, @Nullable String statusMessage,
		List<TransactionResponse> transactions, @JsonIgnore @JacksonInject(value = "midtrans.raw",
				useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public TransactionListResponse {
		transactions = (transactions != null) ? List.copyOf(transactions) : List.of();
	}

}
