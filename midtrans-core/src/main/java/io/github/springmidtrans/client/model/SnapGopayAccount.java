package io.github.springmidtrans.client.model;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The GoPay account Snap linked for a customer of the shop (Snap's GoPay tokenization):
 * the answer of {@code GET /snap/v3/users/{user_id}/gopay}. A different shape from the
 * Core API's pay account ({@link PayAccountResponse}): no payment option tokens, one
 * balance. Its {@link #toString()} never shows the phone number or the balance.
 *
 * @param userId the shop's id of the customer, as sent in the Snap request's
 * {@code user_id}
 * @param accountStatus the account's state; Snap reports only linked ({@code ENABLED})
 * accounts
 * @param balance the GoPay balance
 * @param phoneNumber the linked phone number, without country code
 * @param countryCode its country code
 * @param accountId the pay account id, usable with the Pay Account API and for GoPay
 * subscriptions
 * @param raw the complete body
 * @since 0.1.0
 */
public record SnapGopayAccount(@Nullable String userId, @Nullable PayAccountStatus accountStatus,
		@Nullable BigDecimal balance, @Nullable String phoneNumber, @Nullable String countryCode,
		@Nullable String accountId, @JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	/**
	 * Whether the account is linked and can pay.
	 * @return {@code true} when {@code ENABLED}
	 */
	@JsonIgnore
	public boolean isEnabled() {
		return this.accountStatus == PayAccountStatus.ENABLED;
	}

	@Override
	public String toString() {
		return "SnapGopayAccount[userId=" + this.userId + ", accountStatus=" + this.accountStatus + ", accountId="
				+ this.accountId + ", phoneNumber=" + ((this.phoneNumber != null) ? "(hidden)" : null) + "]";
	}

}
