package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A notification Midtrans posts to the Pay Account Notification URL when a GoPay account
 * is linked ({@code account_status} {@code ENABLED}, {@code status_code} {@code 200}) or
 * unbound ({@code DISABLED}, {@code 204}). It has no {@code order_id} or
 * {@code gross_amount}, and the formula of its {@code signature_key} is not published: it
 * cannot be verified, so apply only what {@code GET /v2/pay/account/{account_id}}
 * answers. Its {@link #toString()} never shows the signature.
 *
 * @param accountId the pay account id
 * @param merchantId the merchant id
 * @param paymentType the provider, {@code gopay}
 * @param signatureKey a signature whose formula is not published
 * @param statusCode {@code 200} linked, {@code 204} unbound
 * @param accountStatus the state the notification claims
 * @param statusMessage such as {@code Midtrans account_linked notification}
 * @param raw the complete body
 * @since 0.1.0
 */
public record PayAccountNotification(@Nullable String accountId, @Nullable String merchantId,
		@Nullable PaymentType paymentType, @Nullable String signatureKey, @Nullable String statusCode,
		@Nullable PayAccountStatus accountStatus, @Nullable String statusMessage,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	@Override
	public String toString() {
		return "PayAccountNotification[accountId=" + this.accountId + ", accountStatus=" + this.accountStatus
				+ ", statusCode=" + this.statusCode + ", statusMessage=" + this.statusMessage + "]";
	}

}
