package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A request to link a customer's GoPay account ({@code POST /v2/pay/account}).
 *
 * <pre>{@code
 * PayAccountRequest request = PayAccountRequest.gopay("81212345678", "62", "https://shop.example/linked");
 * }</pre>
 *
 * @param paymentType the provider; Midtrans supports {@link PaymentType#GOPAY} only
 * @param gopayPartner the account to link
 * @since 0.1.0
 */
public record PayAccountRequest(PaymentType paymentType, GopayPartner gopayPartner) {

	public PayAccountRequest {
		if (paymentType != PaymentType.GOPAY) {
			throw new IllegalArgumentException("Pay account request: payment_type must be gopay, got "
					+ ((paymentType != null) ? paymentType.wireValue() : null));
		}
		if (gopayPartner == null) {
			throw new IllegalArgumentException("Pay account request: gopay_partner is required");
		}
	}

	/**
	 * Link a GoPay account.
	 * @param phoneNumber the phone number without the country code, such as
	 * {@code 81212345678}
	 * @param countryCode the country calling code, such as {@code 62}
	 * @param redirectUrl where GoPay sends the customer after linking
	 * @return the request
	 */
	public static PayAccountRequest gopay(String phoneNumber, String countryCode, @Nullable String redirectUrl) {
		return new PayAccountRequest(PaymentType.GOPAY, new GopayPartner(phoneNumber, countryCode, redirectUrl));
	}

}
