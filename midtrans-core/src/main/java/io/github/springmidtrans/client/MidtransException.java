package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Base of every failure the client reports; unchecked.
 *
 * <p>
 * {@link #isRetryable()} is the single answer to "may this call be repeated": it is
 * {@code true} for network errors, timeouts, 5xx answers, 429 rate limits and "still
 * processing" answers, and {@code false} for validation, authentication, not-found and
 * duplicate answers. A retry must reuse the same {@code order_id}, {@code refund_key} or
 * idempotency key. Messages name the operation and the order id and carry Midtrans'
 * status message; they never contain the server key, headers or request bodies.
 *
 * @since 0.1.0
 */
public class MidtransException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final MidtransOperation operation;

	private final @Nullable String orderId;

	private final int httpStatus;

	private final @Nullable String midtransStatusCode;

	private final @Nullable String statusMessage;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order id (or other resource id) involved, if any
	 * @param httpStatus the HTTP status, or {@code 0} when no response arrived
	 * @param midtransStatusCode the body's {@code status_code}, if any
	 * @param statusMessage Midtrans' own message, if any
	 * @param cause the cause, if any
	 */
	public MidtransException(String message, MidtransOperation operation, @Nullable String orderId, int httpStatus,
			@Nullable String midtransStatusCode, @Nullable String statusMessage, @Nullable Throwable cause) {
		super(message, cause);
		this.operation = operation;
		this.orderId = orderId;
		this.httpStatus = httpStatus;
		this.midtransStatusCode = midtransStatusCode;
		this.statusMessage = statusMessage;
	}

	/**
	 * The call that failed.
	 * @return the operation
	 */
	public MidtransOperation getOperation() {
		return this.operation;
	}

	/**
	 * The order id, or the id of the subscription, invoice, pay account or payment link
	 * the call was about.
	 * @return the id, or {@code null} when the call has none (a card token request)
	 */
	public @Nullable String getOrderId() {
		return this.orderId;
	}

	/**
	 * The HTTP status of the answer.
	 * @return the status, or {@code 0} when no answer arrived
	 */
	public int getHttpStatus() {
		return this.httpStatus;
	}

	/**
	 * The {@code status_code} field of Midtrans' answer, which for the Core API decides
	 * the outcome even under HTTP 200.
	 * @return the code, or {@code null} when the body carried none
	 */
	public @Nullable String getMidtransStatusCode() {
		return this.midtransStatusCode;
	}

	/**
	 * Midtrans' own explanation ({@code status_message}, {@code error_messages} ...).
	 * @return the message, or {@code null} when the answer carried none
	 */
	public @Nullable String getStatusMessage() {
		return this.statusMessage;
	}

	/**
	 * Whether repeating the same call (same order id, refund key and idempotency key) may
	 * succeed. Point retry policies at this method rather than at exception classes.
	 * @return {@code true} for transient failures
	 */
	public boolean isRetryable() {
		return false;
	}

}
