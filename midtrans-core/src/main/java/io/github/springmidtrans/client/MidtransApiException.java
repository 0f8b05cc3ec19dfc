package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans answered, and the answer is an error: an HTTP error status, or an error
 * {@code status_code} inside an HTTP 200 body. Codes without a more specific subclass
 * (such as {@code 412} "cannot modify the status", {@code 402} payment type not activated
 * or a refund refused by the bank) arrive as this type.
 *
 * @since 0.1.0
 */
public class MidtransApiException extends MidtransException {

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
	public MidtransApiException(String message, MidtransOperation operation, @Nullable String orderId, int httpStatus,
			@Nullable String midtransStatusCode, @Nullable String statusMessage) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage, null);
	}

	/**
	 * Create a new exception with a cause.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param midtransStatusCode the body's {@code status_code}, if any
	 * @param statusMessage Midtrans' own message, if any
	 * @param cause the cause
	 */
	protected MidtransApiException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage,
			@Nullable Throwable cause) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage, cause);
	}

}
