package io.github.springmidtrans.sample.shop;

/**
 * Where a shop order stands. Moves only forward: an order that is paid stays paid.
 */
public enum OrderStatus {

	/** Placed; the customer has not paid yet. */
	AWAITING_PAYMENT("Awaiting payment"),

	/** The money is received. */
	PAID("Paid"),

	/** Paid and handed over to the customer. */
	FULFILLED("Paid and fulfilled"),

	/** Not paid in time. */
	EXPIRED("Expired"),

	/** Cancelled before payment. */
	CANCELLED("Cancelled"),

	/** The payment was refused or failed. */
	PAYMENT_FAILED("Payment failed"),

	/** The money went back to the customer. */
	REFUNDED("Refunded");

	private final String label;

	OrderStatus(String label) {
		this.label = label;
	}

	/**
	 * How the status reads on a page.
	 * @return the label
	 */
	public String getLabel() {
		return this.label;
	}

	/**
	 * Whether the customer has paid.
	 * @return {@code true} for paid and fulfilled
	 */
	public boolean isPaid() {
		return this == PAID || this == FULFILLED;
	}

}
