package io.github.springmidtrans.client.model;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Order id, amount and link slug of a payment link ({@code transaction_details}).
 *
 * @param orderId the link's order id, unique: at most 50 characters of
 * {@code A-Z a-z 0-9 - _ ~ .}
 * @param grossAmount the amount in whole rupiah; required and positive for a fixed
 * amount, ignored for a dynamic amount
 * @param paymentLinkId the URL slug, at most 50 characters of {@code a-z 0-9 -}; make it
 * hard to guess. {@code null} lets Midtrans choose
 * @since 0.1.0
 */
public record PaymentLinkTransactionDetails(String orderId, @Nullable Long grossAmount,
		@Nullable String paymentLinkId) {

	private static final Pattern LINK_ID = Pattern.compile("[a-z0-9\\-]{1,50}");

	public PaymentLinkTransactionDetails {
		TransactionDetails.checkOrderId(orderId);
		if (grossAmount != null && grossAmount <= 0) {
			throw new IllegalArgumentException(
					"Gross amount of payment link '" + orderId + "' must be positive, got " + grossAmount);
		}
		if (paymentLinkId != null && !LINK_ID.matcher(paymentLinkId).matches()) {
			throw new IllegalArgumentException("payment_link_id of payment link '" + orderId
					+ "' must be 1 to 50 characters of a-z 0-9 - but was '" + paymentLinkId + "'");
		}
	}

}
