package io.github.springmidtrans.payment;

/**
 * Midtrans already holds a transaction under a payment's order id that is not the
 * recorded intent (another amount, currency or payment method): the payment was not
 * charged, is marked {@link PaymentStatus#FAILED} and flagged for a person. Nothing was
 * adopted and no settled event is published. Charge again under a new order id.
 *
 * @since 0.1.0
 */
public class PaymentConflictException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String orderId;

	private final PaymentFlag flag;

	/**
	 * Create an exception.
	 * @param orderId the order id
	 * @param flag what did not match
	 * @param message the explanation
	 */
	public PaymentConflictException(String orderId, PaymentFlag flag, String message) {
		super(message);
		this.orderId = orderId;
		this.flag = flag;
	}

	/**
	 * The order id in conflict.
	 * @return the order id
	 */
	public String getOrderId() {
		return this.orderId;
	}

	/**
	 * What did not match.
	 * @return the flag
	 */
	public PaymentFlag getFlag() {
		return this.flag;
	}

}
