package io.github.springmidtrans.subscription;

import org.jspecify.annotations.Nullable;

/**
 * What applying an update to a subscription changed.
 *
 * @param outcome whether it moved, stayed or was stale
 * @param previous the status before
 * @param status the status after (the rejected target for a stale update, {@code null}
 * for a status this version does not model)
 * @since 0.1.0
 */
public record SubscriptionChange(Outcome outcome, SubscriptionStatus previous, @Nullable SubscriptionStatus status) {

	static SubscriptionChange applied(SubscriptionStatus previous, SubscriptionStatus status) {
		return new SubscriptionChange(Outcome.APPLIED, previous, status);
	}

	static SubscriptionChange unchanged(SubscriptionStatus status) {
		return new SubscriptionChange(Outcome.UNCHANGED, status, status);
	}

	static SubscriptionChange stale(SubscriptionStatus previous, SubscriptionStatus rejected) {
		return new SubscriptionChange(Outcome.STALE, previous, rejected);
	}

	static SubscriptionChange unknown(SubscriptionStatus previous) {
		return new SubscriptionChange(Outcome.UNKNOWN_STATUS, previous, null);
	}

	/**
	 * Whether the status moved.
	 * @return {@code true} when applied
	 */
	public boolean applied() {
		return this.outcome == Outcome.APPLIED;
	}

	/**
	 * Kinds of result.
	 */
	public enum Outcome {

		/** The subscription moved. */
		APPLIED,

		/** Nothing new. */
		UNCHANGED,

		/**
		 * The update is not allowed by the transition table: ignored.
		 */
		STALE,

		/** Midtrans reported a status this version does not model: ignored. */
		UNKNOWN_STATUS

	}

}
