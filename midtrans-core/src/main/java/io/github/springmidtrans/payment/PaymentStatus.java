package io.github.springmidtrans.payment;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.github.springmidtrans.client.model.TransactionStatus;
import org.jspecify.annotations.Nullable;

/**
 * Local state of a payment, and the table of moves it may make. Status only moves
 * forward: an update that would move it backwards (a late {@code pending} after
 * {@code settlement}, a re-delivered notification) is stale and ignored.
 *
 * <p>
 * Two states are local: {@link #INITIATED} (the row exists, Midtrans has not answered
 * yet) and {@link #FAILED} (Midtrans refused the charge, no transaction exists). The rest
 * mirror Midtrans' {@code transaction_status}.
 *
 * @since 0.1.0
 */
public enum PaymentStatus {

	/** Persisted with its order id; the charge has not been answered yet. */
	INITIATED,

	/** Created at Midtrans, waiting for the customer. */
	PENDING,

	/** Card or GoPay pre-authorisation; capture later. */
	AUTHORIZE,

	/** Card charged (paid when the fraud verdict is accept). */
	CAPTURE,

	/** Funds settled. */
	SETTLEMENT,

	/**
	 * Denied by the provider or fraud detection; a later capture or settlement may still
	 * win.
	 */
	DENY,

	/** Cancelled. */
	CANCEL,

	/** Not paid in time. */
	EXPIRE,

	/** Midtrans processing failure. */
	FAILURE,

	/** Fully refunded. */
	REFUND,

	/** Partly refunded. */
	PARTIAL_REFUND,

	/** Charged back. */
	CHARGEBACK,

	/** Partly charged back. */
	PARTIAL_CHARGEBACK,

	/** Midtrans refused the charge; no transaction exists. */
	FAILED;

	private static final Map<PaymentStatus, Set<PaymentStatus>> MOVES = Map.ofEntries(
			Map.entry(INITIATED, EnumSet.complementOf(EnumSet.of(INITIATED))),
			Map.entry(PENDING,
					EnumSet.of(AUTHORIZE, CAPTURE, SETTLEMENT, DENY, CANCEL, EXPIRE, FAILURE, REFUND, PARTIAL_REFUND,
							CHARGEBACK, PARTIAL_CHARGEBACK)),
			Map.entry(AUTHORIZE,
					EnumSet.of(CAPTURE, SETTLEMENT, DENY, CANCEL, EXPIRE, FAILURE, REFUND, PARTIAL_REFUND)),
			Map.entry(CAPTURE,
					EnumSet.of(SETTLEMENT, CANCEL, DENY, REFUND, PARTIAL_REFUND, CHARGEBACK, PARTIAL_CHARGEBACK)),
			// Permata, Mandiri Bill and Indomaret settlements can be reversed into deny.
			Map.entry(SETTLEMENT, EnumSet.of(DENY, REFUND, PARTIAL_REFUND, CHARGEBACK, PARTIAL_CHARGEBACK)),
			// A denied card payment may still succeed when the customer retries (Snap).
			Map.entry(DENY, EnumSet.of(AUTHORIZE, CAPTURE, SETTLEMENT)),
			Map.entry(PARTIAL_REFUND, EnumSet.of(REFUND, CHARGEBACK, PARTIAL_CHARGEBACK)),
			Map.entry(PARTIAL_CHARGEBACK, EnumSet.of(CHARGEBACK)),
			Map.entry(CANCEL, EnumSet.noneOf(PaymentStatus.class)),
			Map.entry(EXPIRE, EnumSet.noneOf(PaymentStatus.class)),
			Map.entry(FAILURE, EnumSet.noneOf(PaymentStatus.class)),
			Map.entry(REFUND, EnumSet.noneOf(PaymentStatus.class)),
			Map.entry(CHARGEBACK, EnumSet.noneOf(PaymentStatus.class)),
			Map.entry(FAILED, EnumSet.noneOf(PaymentStatus.class)));

	/**
	 * Whether the table allows moving from this status to another.
	 * @param next the candidate status
	 * @return {@code true} for a forward move; {@code false} for staying, going back or
	 * leaving a final state
	 */
	public boolean canMoveTo(PaymentStatus next) {
		return MOVES.get(this).contains(next);
	}

	/**
	 * Whether no further move is possible.
	 * @return {@code true} for cancel, expire, failure, refund, chargeback and failed
	 */
	public boolean isFinal() {
		return MOVES.get(this).isEmpty();
	}

	/**
	 * Whether a status check can still change this payment: it is waiting for the
	 * customer or for Midtrans.
	 * @return {@code true} for initiated, pending and authorize
	 */
	public boolean isAwaitingPayment() {
		return this == INITIATED || this == PENDING || this == AUTHORIZE;
	}

	/**
	 * The local status for a Midtrans {@code transaction_status}.
	 * @param status Midtrans' status
	 * @return the local status, or {@code null} for a value this version does not know
	 */
	public static @Nullable PaymentStatus of(@Nullable TransactionStatus status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case PENDING -> PENDING;
			case AUTHORIZE -> AUTHORIZE;
			case CAPTURE -> CAPTURE;
			case SETTLEMENT -> SETTLEMENT;
			case DENY -> DENY;
			case CANCEL -> CANCEL;
			case EXPIRE -> EXPIRE;
			case FAILURE -> FAILURE;
			case REFUND -> REFUND;
			case PARTIAL_REFUND -> PARTIAL_REFUND;
			case CHARGEBACK -> CHARGEBACK;
			case PARTIAL_CHARGEBACK -> PARTIAL_CHARGEBACK;
			case UNKNOWN -> null;
		};
	}

}
