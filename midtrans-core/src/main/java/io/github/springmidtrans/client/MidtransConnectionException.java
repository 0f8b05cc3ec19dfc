package io.github.springmidtrans.client;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * No usable answer arrived: connection refused or reset, TLS failure, or a timeout.
 * Retryable; for a POST the outcome is unknown (Midtrans may have acted), so retry with
 * the same order id, refund key or idempotency key, or reconcile through a status check.
 *
 * @since 0.1.0
 */
public class MidtransConnectionException extends MidtransException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param cause the I/O failure
	 */
	public MidtransConnectionException(String message, MidtransOperation operation, @Nullable String orderId,
			IOException cause) {
		super(message, operation, orderId, 0, null, null, cause);
	}

	/**
	 * Always {@code true}.
	 * @return {@code true}
	 */
	@Override
	public boolean isRetryable() {
		return true;
	}

}
