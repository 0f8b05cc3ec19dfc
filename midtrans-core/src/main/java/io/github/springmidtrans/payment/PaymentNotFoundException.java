package io.github.springmidtrans.payment;

/**
 * No payment with this order id (or refund with this key) is stored locally.
 *
 * @since 0.1.0
 */
public class PaymentNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what was not found
	 */
	public PaymentNotFoundException(String message) {
		super(message);
	}

}
