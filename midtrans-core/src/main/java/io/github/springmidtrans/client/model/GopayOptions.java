package io.github.springmidtrans.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * GoPay options ({@code gopay}): deeplink callback, or a linked account for tokenized
 * payments. Its {@link #toString()} never shows the payment option token.
 *
 * @param enableCallback whether to redirect back after payment in the Gojek app
 * @param callbackUrl where to redirect; Midtrans appends {@code order_id} and
 * {@code result} (never trust {@code result} to change state)
 * @param accountId a linked pay account, for tokenized payments
 * @param paymentOptionToken the {@code payment_options[].token} of that account
 * @param preAuth whether to reserve the balance and capture later
 * @param recurring whether this is a recurring charge
 * @param promotionIds promotions to apply
 * @since 0.1.0
 */
public record GopayOptions(@Nullable Boolean enableCallback, @Nullable String callbackUrl, @Nullable String accountId,
		@Nullable String paymentOptionToken, @Nullable Boolean preAuth, @Nullable Boolean recurring,
		List<String> promotionIds) {

	public GopayOptions {
		promotionIds = (promotionIds != null) ? List.copyOf(promotionIds) : List.of();
	}

	/**
	 * QR and deeplink payment that returns to a URL afterwards.
	 * @param callbackUrl the app deeplink or https URL
	 * @return the options
	 */
	public static GopayOptions callback(String callbackUrl) {
		return new GopayOptions(true, callbackUrl, null, null, null, null, List.of());
	}

	/**
	 * Tokenized payment from a linked GoPay account.
	 * @param accountId the pay account id
	 * @param paymentOptionToken the token of the chosen payment option
	 * @return the options
	 */
	public static GopayOptions linkedAccount(String accountId, String paymentOptionToken) {
		return new GopayOptions(null, null, accountId, paymentOptionToken, null, null, List.of());
	}

	@Override
	public String toString() {
		return "GopayOptions[enableCallback=" + this.enableCallback + ", callbackUrl=" + this.callbackUrl
				+ ", accountId=" + this.accountId + ", paymentOptionToken="
				+ ((this.paymentOptionToken != null) ? "(hidden)" : null) + ", preAuth=" + this.preAuth + ", recurring="
				+ this.recurring + ", promotionIds=" + this.promotionIds + "]";
	}

}
