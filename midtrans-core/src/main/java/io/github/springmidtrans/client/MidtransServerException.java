package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans or a bank behind it failed (5xx, or {@code 900}); retryable, but the call may
 * have taken effect, so reuse the same order id or idempotency key.
 *
 * @since 0.1.0
 */
public class MidtransServerException extends MidtransApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param midtransStatusCode the body's {@code status_code}, if any
	 * @param statusMessage Midtrans' own message, if any
	 */
	public MidtransServerException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
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
