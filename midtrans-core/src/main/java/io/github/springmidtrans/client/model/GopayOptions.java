package io.github.springmidtrans.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * GoPay options ({@code gopay}): deeplink callback, a linked account for tokenized Core
 * API payments, or Snap's GoPay tokenization (Snap links the customer's account, named by
 * the request's {@code user_id}, and later checkouts pay from it). Its
 * {@link #toString()} never shows the payment option token or the phone number.
 *
 * @param enableCallback whether to redirect back after payment in the Gojek app
 * @param callbackUrl where to redirect; Midtrans appends {@code order_id} and
 * {@code result} (never trust {@code result} to change state)
 * @param accountId a linked pay account, for tokenized payments
 * @param paymentOptionToken the {@code payment_options[].token} of that account
 * @param preAuth whether to reserve the balance and capture later
 * @param recurring whether this is a recurring charge
 * @param promotionIds promotions to apply
 * @param tokenization Snap only: whether to offer linking the customer's GoPay account
 * (and paying from it once linked)
 * @param enforceTokenization Snap only: whether to drop the QRIS and deeplink fallback
 * for customers who do not want to link
 * @param phoneNumber Snap only: the phone number to link, without country code or leading
 * 0; the customer cannot change it
 * @param countryCode Snap only: that number's country code, such as {@code "62"}
 * @since 0.1.0
 */
public record GopayOptions(@Nullable Boolean enableCallback, @Nullable String callbackUrl, @Nullable String accountId,
		@Nullable String paymentOptionToken, @Nullable Boolean preAuth, @Nullable Boolean recurring,
		List<String> promotionIds, @Nullable Boolean tokenization, @Nullable Boolean enforceTokenization,
		@Nullable String phoneNumber, @Nullable String countryCode) {

	public GopayOptions {
		promotionIds = (promotionIds != null) ? List.copyOf(promotionIds) : List.of();
		if ((phoneNumber == null) != (countryCode == null)) {
			throw new IllegalArgumentException("GoPay phone_number and country_code go together");
		}
	}

	/**
	 * Options without Snap's tokenization fields.
	 * @param enableCallback whether to redirect back after payment in the Gojek app
	 * @param callbackUrl where to redirect
	 * @param accountId a linked pay account, for tokenized payments
	 * @param paymentOptionToken the {@code payment_options[].token} of that account
	 * @param preAuth whether to reserve the balance and capture later
	 * @param recurring whether this is a recurring charge
	 * @param promotionIds promotions to apply
	 */
	public GopayOptions(@Nullable Boolean enableCallback, @Nullable String callbackUrl, @Nullable String accountId,
			@Nullable String paymentOptionToken, @Nullable Boolean preAuth, @Nullable Boolean recurring,
			List<String> promotionIds) {
		this(enableCallback, callbackUrl, accountId, paymentOptionToken, preAuth, recurring, promotionIds, null, null,
				null, null);
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

	/**
	 * Snap's GoPay tokenization ({@code gopay.tokenization}): Snap offers to link the
	 * GoPay account of the customer named by the request's {@code user_id}
	 * ({@link SnapRequest.Builder#userId}) and pays from it once linked. Needs the
	 * feature activated for the merchant.
	 * @return the options
	 */
	public static GopayOptions snapTokenization() {
		return new GopayOptions(null, null, null, null, null, null, List.of(), true, null, null, null);
	}

	/**
	 * Snap's GoPay tokenization locked to one phone number: the customer sees it and
	 * cannot change it.
	 * @param phoneNumber the number without country code or leading 0, such as
	 * {@code "8123456789"}
	 * @param countryCode its country code, such as {@code "62"}
	 * @return the options
	 */
	public static GopayOptions snapTokenization(String phoneNumber, String countryCode) {
		return new GopayOptions(null, null, null, null, null, null, List.of(), true, null, phoneNumber, countryCode);
	}

	/**
	 * These options with Snap's fallback (QRIS on desktop, deeplink on mobile) switched
	 * off: a customer who does not link cannot pay with GoPay
	 * ({@code gopay.enforce_tokenization}).
	 * @return new options
	 */
	public GopayOptions withEnforcedTokenization() {
		return new GopayOptions(this.enableCallback, this.callbackUrl, this.accountId, this.paymentOptionToken,
				this.preAuth, this.recurring, this.promotionIds, this.tokenization, true, this.phoneNumber,
				this.countryCode);
	}

	@Override
	public String toString() {
		return "GopayOptions[enableCallback=" + this.enableCallback + ", callbackUrl=" + this.callbackUrl
				+ ", accountId=" + this.accountId + ", paymentOptionToken="
				+ ((this.paymentOptionToken != null) ? "(hidden)" : null) + ", preAuth=" + this.preAuth + ", recurring="
				+ this.recurring + ", promotionIds=" + this.promotionIds + ", tokenization=" + this.tokenization
				+ ", enforceTokenization=" + this.enforceTokenization + ", phoneNumber="
				+ ((this.phoneNumber != null) ? "(hidden)" : null) + "]";
	}

}
