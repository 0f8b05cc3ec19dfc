package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans created the transaction; the customer has to pay (show the VA number, QR code
 * or deeplink). A Snap checkout publishes it twice: when the page is created (no payment
 * type yet, from {@code INITIATED}) and when the customer picks a method (from
 * {@code PENDING}, with the payment type and payment details now stored).
 *
 * @param orderId the order id
 * @param transactionId Midtrans' transaction id
 * @param previousStatus the status before
 * @param status the status after
 * @param grossAmount the payment's amount
 * @param paymentType the payment method, {@code null} for a Snap checkout before the
 * customer picked one
 * @param occurredAt when the transition was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record PaymentPendingEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
		PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt,
		UUID eventId) implements PaymentEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param transactionId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param grossAmount see the record
	 * @param paymentType see the record
	 * @param occurredAt see the record
	 */
	public PaymentPendingEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
			PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt) {
		this(orderId, transactionId, previousStatus, status, grossAmount, paymentType, occurredAt, UUID.randomUUID());
	}

}
