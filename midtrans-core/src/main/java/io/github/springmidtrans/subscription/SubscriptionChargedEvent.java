package io.github.springmidtrans.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A renewal charge of a subscription was recorded and linked to it. Published once per
 * renewal payment, when it is first linked, after the transaction that recorded it
 * committed. {@link #paid()} tells whether the money was received at that moment; a
 * renewal that settles later produces the usual
 * {@link io.github.springmidtrans.payment.PaymentSettledEvent}. A renewal that Midtrans
 * reports failed publishes {@link SubscriptionRenewalFailedEvent} instead.
 *
 * @param subscriptionId Midtrans' subscription id
 * @param name the subscription's name
 * @param orderId the renewal payment's order id
 * @param transactionId Midtrans' transaction id
 * @param paymentStatus the payment's status when it was linked
 * @param paid whether the payment was paid when it was linked
 * @param amount the amount charged
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record SubscriptionChargedEvent(@Nullable String subscriptionId, String name, String orderId,
		@Nullable String transactionId, PaymentStatus paymentStatus, boolean paid, BigDecimal amount,
		Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param subscriptionId see the record
	 * @param name see the record
	 * @param orderId see the record
	 * @param transactionId see the record
	 * @param paymentStatus see the record
	 * @param paid see the record
	 * @param amount see the record
	 * @param occurredAt see the record
	 */
	public SubscriptionChargedEvent(@Nullable String subscriptionId, String name, String orderId,
			@Nullable String transactionId, PaymentStatus paymentStatus, boolean paid, BigDecimal amount,
			Instant occurredAt) {
		this(subscriptionId, name, orderId, transactionId, paymentStatus, paid, amount, occurredAt, UUID.randomUUID());
	}

}
