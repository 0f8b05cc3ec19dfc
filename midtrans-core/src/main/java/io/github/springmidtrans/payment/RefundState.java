package io.github.springmidtrans.payment;

/**
 * Progress of a refund.
 *
 * @since 0.1.0
 */
public enum RefundState {

	/** Persisted with its refund key; Midtrans has not confirmed it yet. */
	REQUESTED,

	/** Midtrans approved it. */
	SUCCEEDED,

	/** Midtrans or the bank refused it; nothing was refunded. */
	FAILED

}
