package io.github.springmidtrans.invoice;

import org.jspecify.annotations.Nullable;

/**
 * What applying an update to an invoice changed.
 *
 * @param outcome whether it moved, stayed or was stale
 * @param previous the status before
 * @param status the status after (the rejected target for a stale update, {@code null}
 * for a status this version does not model)
 * @since 0.1.0
 */
public record InvoiceChange(Outcome outcome, InvoiceStatus previous, @Nullable InvoiceStatus status) {

	static InvoiceChange applied(InvoiceStatus previous, InvoiceStatus status) {
		return new InvoiceChange(Outcome.APPLIED, previous, status);
	}

	static InvoiceChange unchanged(InvoiceStatus status) {
		return new InvoiceChange(Outcome.UNCHANGED, status, status);
	}

	static InvoiceChange stale(InvoiceStatus previous, InvoiceStatus rejected) {
		return new InvoiceChange(Outcome.STALE, previous, rejected);
	}

	static InvoiceChange unknown(InvoiceStatus previous) {
		return new InvoiceChange(Outcome.UNKNOWN_STATUS, previous, null);
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

		/** The invoice moved forward. */
		APPLIED,

		/** Nothing new. */
		UNCHANGED,

		/**
		 * The update would move the status backwards or out of a final state: ignored.
		 */
		STALE,

		/** Midtrans reported a status this version does not model: ignored. */
		UNKNOWN_STATUS

	}

}
