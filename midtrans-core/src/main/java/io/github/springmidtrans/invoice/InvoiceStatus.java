package io.github.springmidtrans.invoice;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Local state of an invoice, and the table of moves it may make. Status only moves
 * forward; an answer that would move it back (a late {@code pending} after {@code paid})
 * is stale and ignored.
 *
 * <p>
 * Two states are local: {@link #INITIATED} (the row exists, Midtrans has not answered the
 * creation yet) and {@link #FAILED} (Midtrans refused to create it). The rest mirror
 * Midtrans' invoice {@code status}. Quotation states ({@code published},
 * {@code accepted}, {@code rejected}, {@code canceled}) are not modelled: this service
 * creates invoices only.
 *
 * @since 0.1.0
 */
public enum InvoiceStatus {

	/** Persisted with its order id and invoice number; Midtrans has not answered yet. */
	INITIATED,

	/** Created at Midtrans but not published. */
	DRAFT,

	/** Published, waiting for payment. */
	PENDING,

	/** Past its due date and still payable. */
	OVERDUE,

	/** Paid; stays paid even if the payment is later refunded. */
	PAID,

	/** Every payment means expired. */
	EXPIRED,

	/** Voided by the merchant. */
	VOIDED,

	/** Midtrans refused to create the invoice. */
	FAILED;

	private static final Map<InvoiceStatus, Set<InvoiceStatus>> MOVES = Map.of(INITIATED,
			EnumSet.complementOf(EnumSet.of(INITIATED)), DRAFT, EnumSet.of(PENDING, OVERDUE, PAID, EXPIRED, VOIDED),
			PENDING, EnumSet.of(OVERDUE, PAID, EXPIRED, VOIDED), OVERDUE, EnumSet.of(PAID, EXPIRED, VOIDED), PAID,
			EnumSet.noneOf(InvoiceStatus.class), EXPIRED, EnumSet.noneOf(InvoiceStatus.class), VOIDED,
			EnumSet.noneOf(InvoiceStatus.class), FAILED, EnumSet.noneOf(InvoiceStatus.class));

	/**
	 * Whether the table allows moving from this status to another.
	 * @param next the candidate status
	 * @return {@code true} for a forward move
	 */
	public boolean canMoveTo(InvoiceStatus next) {
		return MOVES.get(this).contains(next);
	}

	/**
	 * Whether no further move is possible.
	 * @return {@code true} for paid, expired, voided and failed
	 */
	public boolean isFinal() {
		return MOVES.get(this).isEmpty();
	}

	/**
	 * Whether Midtrans still accepts a void: pending or overdue.
	 * @return {@code true} when voidable
	 */
	public boolean isVoidable() {
		return this == PENDING || this == OVERDUE;
	}

	/**
	 * The local status for a Midtrans invoice status.
	 * @param status Midtrans' status
	 * @return the local status, or {@code null} for a value this version does not model
	 */
	public static @Nullable InvoiceStatus of(io.github.springmidtrans.client.model.@Nullable InvoiceStatus status) {
		if (status == null) {
			return null;
		}
		return switch (status) {
			case DRAFT -> DRAFT;
			case PENDING -> PENDING;
			case OVERDUE -> OVERDUE;
			case PAID -> PAID;
			case EXPIRED -> EXPIRED;
			case VOIDED -> VOIDED;
			default -> null;
		};
	}

}
