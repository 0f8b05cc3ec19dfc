package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The money is received: settlement, or a card capture that fraud detection accepted.
 * Published once per payment, when it first becomes paid: fulfil the order here.
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
 * @param mayPayInvoice whether the payment may pay an invoice, as read in the transaction
 * that recorded the settlement: {@code true} when an invoice with the payment's order id
 * existed or the payment's metadata names a Midtrans invoice, {@code false} when neither,
 * so the invoice listener has nothing to look up; {@code null} when it was not read (then
 * the listener looks)
 * @since 0.1.0
 */
public record PaymentSettledEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
		PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt, UUID eventId,
		@Nullable Boolean mayPayInvoice) implements PaymentEvent {

	/**
	 * Create the event with the given id, not saying whether it may pay an invoice.
	 * @param orderId see the record
	 * @param transactionId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param grossAmount see the record
	 * @param paymentType see the record
	 * @param occurredAt see the record
	 * @param eventId see the record
	 */
	public PaymentSettledEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
			PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt,
			UUID eventId) {
		this(orderId, transactionId, previousStatus, status, grossAmount, paymentType, occurredAt, eventId, null);
	}

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
	public PaymentSettledEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
			PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, Instant occurredAt) {
		this(orderId, transactionId, previousStatus, status, grossAmount, paymentType, occurredAt, UUID.randomUUID(),
				null);
	}

}
