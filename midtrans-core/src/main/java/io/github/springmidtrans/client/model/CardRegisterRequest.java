package io.github.springmidtrans.client.model;

/**
 * A card to register for one-click and two-click payments ({@code GET
 * /v2/card/register}). Its {@link #toString()} never shows card data.
 *
 * @param cardNumber the card number, 12 to 19 digits (spaces are removed)
 * @param cardExpMonth expiry month, two digits {@code 01} to {@code 12}
 * @param cardExpYear expiry year, four digits
 * @since 0.1.0
 */
public record CardRegisterRequest(String cardNumber, String cardExpMonth, String cardExpYear) {

	private static final String WHAT = "Card register request";

	public CardRegisterRequest {
		cardNumber = CardChecks.cardNumber(cardNumber, WHAT);
		cardExpMonth = CardChecks.expiryMonth(cardExpMonth, WHAT);
		cardExpYear = CardChecks.expiryYear(cardExpYear, WHAT);
	}

	/**
	 * A card to register.
	 * @param cardNumber the card number, digits with optional spaces
	 * @param cardExpMonth expiry month, {@code 01} to {@code 12}
	 * @param cardExpYear expiry year, four digits
	 * @return the request
	 */
	public static CardRegisterRequest of(String cardNumber, String cardExpMonth, String cardExpYear) {
		return new CardRegisterRequest(cardNumber, cardExpMonth, cardExpYear);
	}

	@Override
	public String toString() {
		return "CardRegisterRequest[cardNumber=(hidden), cardExpMonth=(hidden), cardExpYear=(hidden)]";
	}

}
