package io.github.springmidtrans.payaccount;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.springmidtrans.client.model.PayAccountStatus;
import org.jspecify.annotations.Nullable;

/**
 * Local state of a linked GoPay account, and the moves it may make: a pending link
 * becomes enabled, expires or is disabled; an enabled account can only be disabled
 * (unbound). Expired and disabled are final: link again to get a new account.
 *
 * @since 0.1.0
 */
public enum PayAccountState {

	/** Waiting for the customer to approve the link in GoPay. */
	PENDING,

	/** Linked: it can be charged. */
	ENABLED,

	/** The customer did not approve in time. */
	EXPIRED,

	/** Unbound or disabled. */
	DISABLED;

	private static final Map<PayAccountState, Set<PayAccountState>> MOVES = Map.of(PENDING,
			EnumSet.of(ENABLED, EXPIRED, DISABLED), ENABLED, EnumSet.of(DISABLED), EXPIRED,
			EnumSet.noneOf(PayAccountState.class), DISABLED, EnumSet.noneOf(PayAccountState.class));

	/**
	 * Whether the table allows moving from this state to another.
	 * @param next the candidate state
	 * @return {@code true} for a forward move
	 */
	public boolean canMoveTo(PayAccountState next) {
		return MOVES.get(this).contains(next);
	}

	/**
	 * The local state for Midtrans' {@code account_status}.
	 * @param status Midtrans' status
	 * @return the state, or {@code null} for a value this version does not know
	 */
	public static @Nullable PayAccountState of(@Nullable PayAccountStatus status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case PENDING -> PENDING;
			case ENABLED -> ENABLED;
			case EXPIRED -> EXPIRED;
			case DISABLED -> DISABLED;
			case UNKNOWN -> null;
		};
	}

}
