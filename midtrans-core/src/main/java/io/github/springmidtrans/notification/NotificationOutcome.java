package io.github.springmidtrans.notification;

/**
 * What became of a notification, and the HTTP status to answer Midtrans with. Midtrans
 * re-delivers after any non-2xx answer, so 2xx is used for everything that a re-delivery
 * would not change, and 5xx only for failures that may pass.
 *
 * @since 0.1.0
 */
public enum NotificationOutcome {

	/** Verified and applied: the payment moved. */
	PROCESSED(200),

	/** Verified; the payment already had this state. */
	DUPLICATE(200),

	/** Verified, but older than what is stored (out of order): ignored. */
	STALE(200),

	/**
	 * Verified, but no payment with this order id (or, for subscription and pay account
	 * notifications, no subscription or pay account with this id) is stored here.
	 */
	UNKNOWN_ORDER(200),

	/**
	 * Verified, but the amount differs from the stored payment: not applied, logged as an
	 * error for a person to look at.
	 */
	AMOUNT_MISMATCH(200),

	/**
	 * Verified, but Midtrans' answer does not match the recorded payment (another
	 * currency, order id, payment method or refund): not applied, the payment is flagged
	 * for a person. Answered 200: a re-delivery would not change it.
	 */
	FLAGGED(200),

	/**
	 * Kept in the audit log only: a shape the handler was not given a service for
	 * (subscription or pay account notifications), an unknown transaction status, or a
	 * subscription notification naming a transaction that is not its renewal.
	 */
	IGNORED(200),

	/**
	 * The signature does not match this application's server key. Answered with 401 so
	 * that Midtrans keeps re-delivering for a while: a genuine notification signed with
	 * another key usually means a misconfigured key, which can then be fixed in time.
	 */
	INVALID_SIGNATURE(401),

	/** Not JSON, or required fields missing or of the wrong type. */
	MALFORMED(400),

	/**
	 * An internal failure (such as the database) that may pass: Midtrans will re-deliver.
	 */
	FAILED(500);

	private final int httpStatus;

	NotificationOutcome(int httpStatus) {
		this.httpStatus = httpStatus;
	}

	/**
	 * The HTTP status to answer Midtrans with.
	 * @return the status
	 */
	public int httpStatus() {
		return this.httpStatus;
	}

}
