package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The GoPay account to link ({@code gopay_partner}).
 *
 * @param phoneNumber the phone number registered with GoPay, digits without the country
 * code, such as {@code 81212345678}
 * @param countryCode the country calling code, digits only, such as {@code 62}
 * @param redirectUrl where GoPay sends the customer after linking
 * @since 0.1.0
 */
public record GopayPartner(String phoneNumber, String countryCode, @Nullable String redirectUrl) {

	public GopayPartner {
		if (phoneNumber == null || phoneNumber.length() < 5 || phoneNumber.length() > 15
				|| !CardChecks.isDigits(phoneNumber)) {
			throw new IllegalArgumentException(
					"GoPay partner: phone_number must be 5 to 15 digits without the country code or '+'");
		}
		if (countryCode == null || countryCode.length() > 3 || !CardChecks.isDigits(countryCode)) {
			throw new IllegalArgumentException("GoPay partner: country_code must be 1 to 3 digits, such as 62");
		}
		if (redirectUrl != null && redirectUrl.isBlank()) {
			throw new IllegalArgumentException("GoPay partner: redirect_url must not be blank");
		}
	}

}
