package io.github.springmidtrans.payment;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/**
 * What applying an update to a payment changed.
 *
 * @param outcome whether it moved, stayed or was stale
 * @param previous the status before
 * @param status the status after (the rejected target for a stale update)
 * @param becamePaid whether this update made the payment paid for the first time
 * @param refundedIncrease how much the refunded amount grew
 * @since 0.1.0
 */
public record StatusChange(Outcome outcome, PaymentStatus previous, @Nullable PaymentStatus status, boolean becamePaid,
		BigDecimal refundedIncrease) {

	static StatusChange applied(PaymentStatus previous, PaymentStatus status, boolean becamePaid,
			BigDecimal refundedIncrease) {
		return new StatusChange(Outcome.APPLIED, previous, status, becamePaid, refundedIncrease);
	}

	static StatusChange unchanged(PaymentStatus status) {
		return new StatusChange(Outcome.UNCHANGED, status, status, false, BigDecimal.ZERO);
	}

	static StatusChange stale(PaymentStatus previous, PaymentStatus rejected) {
		return new StatusChange(Outcome.STALE, previous, rejected, false, BigDecimal.ZERO);
	}

	static StatusChange flagged(PaymentStatus status) {
		return new StatusChange(Outcome.FLAGGED, status, status, false, BigDecimal.ZERO);
	}

	static StatusChange unknown(PaymentStatus previous) {
		return new StatusChange(Outcome.UNKNOWN_STATUS, previous, null, false, BigDecimal.ZERO);
	}

	/**
	 * Whether the update changed the payment.
	 * @return {@code true} when applied
	 */
	public boolean applied() {
		return this.outcome == Outcome.APPLIED;
	}

	/**
	 * Kinds of result.
	 */
	public enum Outcome {

		/** The payment moved forward, or its fraud verdict or refunded amount changed. */
		APPLIED,

		/** Nothing new: a repeated update. */
		UNCHANGED,

		/**
		 * The update would move the status backwards or out of a final state: ignored.
		 */
		STALE,

		/** Midtrans reported a status this version does not know: ignored. */
		UNKNOWN_STATUS,

		/**
		 * The answer does not match the recorded intent (amount, currency, order id,
		 * payment method or refund): not applied, and the payment is flagged for a person
		 * ({@link MidtransPayment#getFlag()}).
		 */
		FLAGGED

	}

}
