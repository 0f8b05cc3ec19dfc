package io.github.springmidtrans.payment;

/**
 * Why a payment was set aside for a person: Midtrans reported something about its order
 * id that does not match the intent this application recorded. A flagged payment is never
 * moved towards paid or refunded by that answer; it keeps its status until a person looks
 * at it (see {@link PaymentService#clearFlag(String, String)}).
 *
 * @since 0.1.0
 */
public enum PaymentFlag {

	/** Midtrans reported another gross amount than the one recorded. */
	AMOUNT_MISMATCH,

	/** Midtrans reported another currency than the one recorded. */
	CURRENCY_MISMATCH,

	/** Midtrans' answer named another order id than the one asked about. */
	ORDER_ID_MISMATCH,

	/**
	 * Midtrans already held a transaction under this order id made with another payment
	 * method than the one recorded.
	 */
	PAYMENT_TYPE_MISMATCH,

	/**
	 * Midtrans reported a refund that does not match the recorded refund (another key or
	 * amount), or a refunded total above the gross amount.
	 */
	REFUND_MISMATCH

}
