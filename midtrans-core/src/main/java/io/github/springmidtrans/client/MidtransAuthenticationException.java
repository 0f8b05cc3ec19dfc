package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * The server key was refused (401): wrong key, or a sandbox key used against production
 * or the other way round.
 *
 * @since 0.1.0
 */
public class MidtransAuthenticationException extends MidtransApiException {

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
	public MidtransAuthenticationException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
	}

}
