package io.github.springmidtrans.subscription;

import io.github.springmidtrans.payment.MidtransPayment;
import org.jspecify.annotations.Nullable;

/**
 * What applying a subscription notification did, after Midtrans confirmed it.
 *
 * @param subscription the subscription afterwards
 * @param changed whether the subscription's status moved or a renewal was newly recorded
 * @param renewalPayment the renewal payment the notification's transaction was recorded
 * as, if any
 * @param renewal what became of the notification's charge
 * @param message a short explanation for the audit log, if any
 * @since 0.1.0
 */
public record SubscriptionNotificationResult(MidtransSubscription subscription, boolean changed,
		@Nullable MidtransPayment renewalPayment, Renewal renewal, @Nullable String message) {

	/** What became of the charge a subscription notification reported. */
	public enum Renewal {

		/** The notification reported no charge (a created subscription). */
		NONE,

		/** Midtrans confirmed the renewal paid. */
		PAID,

		/** Midtrans confirmed the renewal failed (denied, cancelled, expired). */
		FAILED,

		/** Midtrans reports the renewal still waiting. */
		PENDING,

		/**
		 * Midtrans reported another amount than the subscription's: not recorded as
		 * charged, the payment is flagged for a person.
		 */
		FLAGGED,

		/**
		 * The charge created no transaction, so nothing could be read back: only the
		 * subscription's state was applied.
		 */
		UNCONFIRMED,

		/**
		 * The transaction the notification named is not a renewal of this subscription:
		 * nothing was recorded.
		 */
		NOT_ITS_RENEWAL

	}

}
