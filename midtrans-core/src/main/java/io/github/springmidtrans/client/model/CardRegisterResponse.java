package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans' answer to card registration ({@code GET /v2/card/register}). Its
 * {@link #toString()} never shows the saved token id or the card.
 *
 * @param statusCode Midtrans' {@code status_code}, {@code "200"}
 * @param statusMessage Midtrans' explanation
 * @param savedTokenId the token to charge the card again: 8-digit BIN, 20 random
 * characters and the last four digits; store it like a password
 * @param transactionId Midtrans' id of the registration
 * @param maskedCard the card number as first digits and last four
 * @param raw the complete body
 * @since 0.1.0
 */
public record CardRegisterResponse(@Nullable String statusCode, @Nullable String statusMessage,
		@Nullable String savedTokenId, @Nullable String transactionId, @Nullable String maskedCard,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	@Override
	public String toString() {
		return "CardRegisterResponse[statusCode=" + this.statusCode + ", statusMessage=" + this.statusMessage
				+ ", savedTokenId=" + CardChecks.hidden(this.savedTokenId) + ", transactionId=" + this.transactionId
				+ ", maskedCard=" + CardChecks.hidden(this.maskedCard) + "]";
	}

}
