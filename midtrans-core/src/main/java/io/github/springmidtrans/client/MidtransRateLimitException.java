package io.github.springmidtrans.client;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Too many requests (HTTP 429, or 409 from the BIN API); retryable after a back-off, at
 * the earliest after {@link #getRetryAfter()} when Midtrans said so.
 *
 * @since 0.1.0
 */
public class MidtransRateLimitException extends MidtransApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param midtransStatusCode the body's {@code status_code}, if any
	 * @param statusMessage Midtrans' own message, if any
	 * @param retryAfter the wait the {@code Retry-After} header asked for, if any
	 */
	public MidtransRateLimitException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage,
			@Nullable Duration retryAfter) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
		this.retryAfter = retryAfter;
	}

	/**
	 * The wait Midtrans asked for in its {@code Retry-After} header.
	 * @return the wait, or {@code null} when the answer did not say
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
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
