package io.github.springmidtrans.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A payment as a page of due work reads it: what a periodic job decides on before it
 * calls Midtrans, so that an item needs no look-up of its own. The state may be a moment
 * old by the time the item runs; whatever is applied is applied to the row as it stands
 * then, under its lock.
 *
 * @param id the payment's row id (pages are ordered by it)
 * @param orderId the order id
 * @param status the status when the page was read
 * @param createdAt when the payment was recorded
 * @param awaitingSnapChoice whether it was a Snap checkout whose customer had not picked
 * a payment method yet
 * @since 0.1.0
 */
public record DuePayment(long id, String orderId, PaymentStatus status, Instant createdAt, boolean awaitingSnapChoice) {

	/**
	 * A page row, as the page query selects it.
	 * @param id the row id
	 * @param orderId the order id
	 * @param status the status
	 * @param createdAt when it was recorded
	 * @param snap whether it is a Snap checkout
	 * @param paymentType the payment method, {@code null} until known
	 */
	DuePayment(long id, String orderId, PaymentStatus status, Instant createdAt, boolean snap,
			@Nullable String paymentType) {
		this(id, orderId, status, createdAt, snap && status == PaymentStatus.PENDING && paymentType == null);
	}

	static DuePayment of(MidtransPayment payment) {
		return new DuePayment((payment.getId() != null) ? payment.getId() : 0, payment.getOrderId(),
				payment.getStatus(), payment.getCreatedAt(), payment.isAwaitingSnapChoice());
	}

}
