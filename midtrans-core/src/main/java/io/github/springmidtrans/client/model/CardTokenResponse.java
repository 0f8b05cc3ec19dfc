package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans' answer to card tokenization ({@code GET /v2/token}). The token is single-use:
 * charge it once with {@link CreditCardOptions#token(String)}. Its {@link #toString()}
 * never shows the token or hash.
 *
 * @param statusCode Midtrans' {@code status_code}, {@code "200"}
 * @param statusMessage Midtrans' explanation
 * @param tokenId the card token: 8-digit BIN, last four digits and a UUID
 * @param hash Midtrans' hash of the token
 * @param redirectUrl the 3DS page, when Midtrans answers one
 * @param raw the complete body
 * @since 0.1.0
 */
public record CardTokenResponse(@Nullable String statusCode, @Nullable String statusMessage, @Nullable String tokenId,
		@Nullable String hash, @Nullable String redirectUrl, @JsonIgnore @JacksonInject(value = "midtrans.raw",
				useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	@Override
	public String toString() {
		return "CardTokenResponse[statusCode=" + this.statusCode + ", statusMessage=" + this.statusMessage
				+ ", tokenId=" + CardChecks.hidden(this.tokenId) + ", hash=" + CardChecks.hidden(this.hash) + "]";
	}

}
