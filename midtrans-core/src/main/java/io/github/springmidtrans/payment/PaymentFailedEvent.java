package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The payment failed: Midtrans refused the charge, or reported a processing failure.
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
public record PaymentFailedEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
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
	public PaymentFailedEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
			PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt) {
		this(orderId, transactionId, previousStatus, status, grossAmount, paymentType, occurredAt, UUID.randomUUID());
	}

}
