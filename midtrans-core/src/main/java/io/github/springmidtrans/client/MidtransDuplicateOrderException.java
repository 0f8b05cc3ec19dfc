package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans already knows this order id or refund key: Core 406, Invoicing and Payment
 * Link 409, and a Snap (or Core) 400 whose message names the order id as used ("order_id
 * has already been taken", "order_id sudah digunakan", "order_id has been paid and
 * utilized, please use another order ID"). After a retried charge this usually means the
 * first attempt succeeded: reconcile through a status check instead of charging again.
 *
 * @since 0.1.0
 */
public class MidtransDuplicateOrderException extends MidtransApiException {

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
	public MidtransDuplicateOrderException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
	}

}
