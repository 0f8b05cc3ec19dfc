package io.github.springmidtrans.client.model;

import java.util.regex.Pattern;

/**
 * Order id and amount of a transaction ({@code transaction_details}).
 *
 * @param orderId the merchant's order id: at most 50 characters of
 * {@code A-Z a-z 0-9 - _ ~ .}
 * @param grossAmount the amount in whole rupiah (Midtrans rejects decimals), positive
 * @since 0.1.0
 */
public record TransactionDetails(String orderId, long grossAmount) {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");

	public TransactionDetails {
		checkOrderId(orderId);
		if (grossAmount <= 0) {
			throw new IllegalArgumentException(
					"Gross amount of order '" + orderId + "' must be positive, got " + grossAmount);
		}
	}

	static void checkOrderId(String orderId) {
		if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
			throw new IllegalArgumentException(
					"Order id must be 1 to 50 characters of A-Z a-z 0-9 - _ ~ . but was '" + orderId + "'");
		}
	}

}
