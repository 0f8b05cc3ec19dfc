package io.github.springmidtrans.subscription;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Local state of a subscription, and the table of moves it may make.
 *
 * <p>
 * {@link #INITIATED} (the row exists, Midtrans has not answered the creation) and
 * {@link #FAILED} (Midtrans refused it) are local. Midtrans' {@code GET} documents only
 * {@code active} and {@code inactive}; {@link #DISABLED} and {@link #CANCELLED} record
 * what this application asked for, so a later {@code inactive} answer for them changes
 * nothing. {@link #CANCELLED} is final; enable moves {@link #DISABLED} or
 * {@link #INACTIVE} back to {@link #ACTIVE}.
 *
 * @since 0.1.0
 */
public enum SubscriptionStatus {

	/** Persisted with its idempotency key; Midtrans has not answered the creation yet. */
	INITIATED,

	/** Midtrans charges it on schedule. */
	ACTIVE,

	/** Midtrans stopped charging it (schedule finished, or failed charges). */
	INACTIVE,

	/** Disabled by the merchant: no future charges; retries of failed ones still run. */
	DISABLED,

	/** Cancelled by the merchant: no future charges and no retries. Final. */
	CANCELLED,

	/** Midtrans refused to create it. Final. */
	FAILED;

	private static final Map<SubscriptionStatus, Set<SubscriptionStatus>> MOVES = Map.of(INITIATED,
			EnumSet.of(ACTIVE, INACTIVE, DISABLED, CANCELLED, FAILED), ACTIVE,
			EnumSet.of(INACTIVE, DISABLED, CANCELLED), INACTIVE, EnumSet.of(ACTIVE, DISABLED, CANCELLED), DISABLED,
			EnumSet.of(ACTIVE, CANCELLED), CANCELLED, EnumSet.noneOf(SubscriptionStatus.class), FAILED,
			EnumSet.noneOf(SubscriptionStatus.class));

	/**
	 * Whether the table allows moving from this status to another.
	 * @param next the candidate status
	 * @return {@code true} for an allowed move
	 */
	public boolean canMoveTo(SubscriptionStatus next) {
		return MOVES.get(this).contains(next);
	}

	/**
	 * Whether no further move is possible.
	 * @return {@code true} for cancelled and failed
	 */
	public boolean isFinal() {
		return MOVES.get(this).isEmpty();
	}

	/**
	 * The local status for a Midtrans subscription status.
	 * @param status Midtrans' status
	 * @return the local status, or {@code null} for a value this version does not know
	 */
	public static @Nullable SubscriptionStatus of(
			io.github.springmidtrans.client.model.@Nullable SubscriptionStatus status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case ACTIVE -> ACTIVE;
			case INACTIVE -> INACTIVE;
			case DISABLED -> DISABLED;
			case CANCELLED -> CANCELLED;
			case UNKNOWN -> null;
		};
	}

}
