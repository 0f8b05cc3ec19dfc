package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * The transaction, subscription, invoice, pay account or payment link does not exist
 * (404). For a Snap order this can also mean the customer has not chosen a payment method
 * yet.
 *
 * @since 0.1.0
 */
public class MidtransNotFoundException extends MidtransApiException {

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
	public MidtransNotFoundException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
	}

}
