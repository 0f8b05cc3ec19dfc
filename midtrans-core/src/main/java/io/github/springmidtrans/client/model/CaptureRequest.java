package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Capture of a pre-authorised transaction ({@code POST /v2/capture}).
 *
 * @param transactionId Midtrans' transaction id (not the order id)
 * @param grossAmount amount to capture in whole rupiah; {@code null} captures the full
 * amount
 * @since 0.1.0
 */
public record CaptureRequest(String transactionId, @Nullable Long grossAmount) {

	public CaptureRequest {
		if (transactionId == null || transactionId.isBlank()) {
			throw new IllegalArgumentException("Capture needs the transaction id");
		}
		if (grossAmount != null && grossAmount <= 0) {
			throw new IllegalArgumentException("Capture amount must be positive, got " + grossAmount);
		}
	}

	/**
	 * Capture the full authorised amount.
	 * @param transactionId the transaction id
	 * @return the request
	 */
	public static CaptureRequest full(String transactionId) {
		return new CaptureRequest(transactionId, null);
	}

}
