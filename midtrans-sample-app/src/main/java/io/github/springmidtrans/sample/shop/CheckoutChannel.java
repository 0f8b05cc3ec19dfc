package io.github.springmidtrans.sample.shop;

/**
 * How the customer pays an order: the shop's own payment pages over the Core API, or
 * Midtrans' hosted Snap page. Each channel has its own section on the checkout page and
 * its own way of starting the payment; the order page and fulfilment are shared.
 */
public enum CheckoutChannel {

	/** The shop picks the method and shows what the customer needs (Core API charge). */
	CORE_API,

	/**
	 * The customer picks the method on Midtrans' hosted page (Snap, redirect mode); the
	 * order has no payment option of its own.
	 */
	SNAP

}
