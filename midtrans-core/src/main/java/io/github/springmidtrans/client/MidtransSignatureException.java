package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * A notification failed verification: its {@code signature_key} does not match, or a
 * field the signature covers is missing. The notification must not be applied.
 *
 * @since 0.1.0
 */
public class MidtransSignatureException extends MidtransException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log (never the signature values)
	 * @param orderId the notification's order id, if it had one
	 */
	public MidtransSignatureException(String message, @Nullable String orderId) {
		super(message, MidtransOperation.NOTIFICATION, orderId, 0, null, null, null);
	}

}
