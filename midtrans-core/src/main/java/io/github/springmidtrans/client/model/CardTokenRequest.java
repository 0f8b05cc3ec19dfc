package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Card data to exchange for a single-use card token ({@code GET /v2/token}): either a
 * full card (number, expiry, CVV) or, for two-click payments, a {@code saved_token_id}
 * with the CVV. Its {@link #toString()} never shows card data or tokens.
 *
 * <pre>{@code
 * CardTokenRequest card = CardTokenRequest.of("4811 1111 1111 1114", "12", "2030", "123").withGrossAmount(150_000);
 * CardTokenRequest twoClick = CardTokenRequest.savedToken(savedTokenId, "123");
 * }</pre>
 *
 * @param cardNumber the card number, 12 to 19 digits (spaces are removed); {@code null}
 * only with a saved token
 * @param cardExpMonth expiry month, two digits {@code 01} to {@code 12}; {@code null}
 * only with a saved token
 * @param cardExpYear expiry year, four digits; {@code null} only with a saved token
 * @param cardCvv the CVV, 3 or 4 digits
 * @param tokenId a {@code saved_token_id} from an earlier charge or card registration,
 * for two-click payments
 * @param bankOneTimeToken one-time token from the bank (KKI cards)
 * @param grossAmount the amount the token will be charged for, in whole rupiah
 * @since 0.1.0
 */
public record CardTokenRequest(@Nullable String cardNumber, @Nullable String cardExpMonth, @Nullable String cardExpYear,
		String cardCvv, @Nullable String tokenId, @Nullable String bankOneTimeToken, @Nullable Long grossAmount) {

	private static final String WHAT = "Card token request";

	public CardTokenRequest {
		boolean saved = tokenId != null;
		if (saved && tokenId.isBlank()) {
			throw new IllegalArgumentException(WHAT + ": token_id (saved token id) must not be blank");
		}
		if (!saved || cardNumber != null) {
			cardNumber = CardChecks.cardNumber(cardNumber, WHAT);
		}
		if (!saved || cardExpMonth != null || cardExpYear != null) {
			cardExpMonth = CardChecks.expiryMonth(cardExpMonth, WHAT);
			cardExpYear = CardChecks.expiryYear(cardExpYear, WHAT);
		}
		cardCvv = CardChecks.cvv(cardCvv, WHAT);
		if (bankOneTimeToken != null && bankOneTimeToken.isBlank()) {
			throw new IllegalArgumentException(WHAT + ": bank_one_time_token must not be blank");
		}
		if (grossAmount != null && grossAmount <= 0) {
			throw new IllegalArgumentException(WHAT + ": gross_amount must be positive, got " + grossAmount);
		}
	}

	/**
	 * A full card.
	 * @param cardNumber the card number, digits with optional spaces
	 * @param cardExpMonth expiry month, {@code 01} to {@code 12}
	 * @param cardExpYear expiry year, four digits
	 * @param cardCvv the CVV
	 * @return the request
	 */
	public static CardTokenRequest of(String cardNumber, String cardExpMonth, String cardExpYear, String cardCvv) {
		return new CardTokenRequest(cardNumber, cardExpMonth, cardExpYear, cardCvv, null, null, null);
	}

	/**
	 * A saved card (two-click): the {@code saved_token_id} and the CVV the customer
	 * enters again.
	 * @param savedTokenId the saved token id
	 * @param cardCvv the CVV
	 * @return the request
	 */
	public static CardTokenRequest savedToken(String savedTokenId, String cardCvv) {
		return new CardTokenRequest(null, null, null, cardCvv, savedTokenId, null, null);
	}

	/**
	 * Copy with the amount the token will be charged for.
	 * @param grossAmount the amount in whole rupiah
	 * @return a new request
	 */
	public CardTokenRequest withGrossAmount(long grossAmount) {
		return new CardTokenRequest(this.cardNumber, this.cardExpMonth, this.cardExpYear, this.cardCvv, this.tokenId,
				this.bankOneTimeToken, grossAmount);
	}

	/**
	 * Copy with the bank's one-time token (KKI cards).
	 * @param bankOneTimeToken the one-time token
	 * @return a new request
	 */
	public CardTokenRequest withBankOneTimeToken(String bankOneTimeToken) {
		return new CardTokenRequest(this.cardNumber, this.cardExpMonth, this.cardExpYear, this.cardCvv, this.tokenId,
				bankOneTimeToken, this.grossAmount);
	}

	@Override
	public String toString() {
		return "CardTokenRequest[cardNumber=" + CardChecks.hidden(this.cardNumber) + ", cardExpMonth="
				+ CardChecks.hidden(this.cardExpMonth) + ", cardExpYear=" + CardChecks.hidden(this.cardExpYear)
				+ ", cardCvv=(hidden), tokenId=" + CardChecks.hidden(this.tokenId) + ", bankOneTimeToken="
				+ CardChecks.hidden(this.bankOneTimeToken) + ", grossAmount=" + this.grossAmount + "]";
	}

}
