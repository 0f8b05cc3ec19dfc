package io.github.springmidtrans.client.model;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A refund ({@code POST /v2/{id}/refund}).
 *
 * <p>
 * The refund key is required here although Midtrans would generate one: without it a
 * retried refund becomes a second refund. Persist the key before calling and reuse it on
 * every retry (Midtrans accepts a retry with the same key for seven days).
 *
 * @param refundKey the merchant's refund id: {@code A-Z a-z 0-9 _ -}
 * @param amount amount to refund in whole rupiah; {@code null} refunds the remaining
 * amount
 * @param reason why, at most 255 characters; shown in GoPay history
 * @since 0.1.0
 */
public record RefundRequest(String refundKey, @Nullable Long amount, @Nullable String reason) {

	private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

	public RefundRequest {
		if (refundKey == null || !REFUND_KEY.matcher(refundKey).matches()) {
			throw new IllegalArgumentException(
					"Refund key must be 1 to 100 characters of A-Z a-z 0-9 _ - but was '" + refundKey + "'");
		}
		if (amount != null && amount <= 0) {
			throw new IllegalArgumentException("Refund amount must be positive, got " + amount);
		}
		if (reason != null && reason.length() > 255) {
			throw new IllegalArgumentException("Refund reason must be at most 255 characters");
		}
	}

	/**
	 * Refund part of a transaction.
	 * @param refundKey the refund key
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @return the request
	 */
	public static RefundRequest of(String refundKey, long amount, @Nullable String reason) {
		return new RefundRequest(refundKey, amount, reason);
	}

	/**
	 * Refund everything not yet refunded.
	 * @param refundKey the refund key
	 * @param reason why, may be {@code null}
	 * @return the request
	 */
	public static RefundRequest full(String refundKey, @Nullable String reason) {
		return new RefundRequest(refundKey, null, reason);
	}

}
