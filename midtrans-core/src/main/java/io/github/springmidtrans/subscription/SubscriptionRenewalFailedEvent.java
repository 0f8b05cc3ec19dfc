package io.github.springmidtrans.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * A renewal charge of a subscription failed, as Midtrans confirmed when asked: the
 * renewal's transaction was denied, cancelled, expired or failed. Published once per
 * renewal payment, when it is first linked, after the transaction that recorded it
 * committed. Midtrans retries the charge on the subscription's retry schedule; whether
 * the subscription still charges shows in its status (a {@link SubscriptionDisabledEvent}
 * follows when Midtrans made it inactive).
 *
 * @param subscriptionId Midtrans' subscription id
 * @param name the subscription's name
 * @param orderId the renewal payment's order id
 * @param transactionId Midtrans' transaction id
 * @param paymentStatus the payment's status as Midtrans confirmed it
 * @param amount the subscription's amount
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record SubscriptionRenewalFailedEvent(@Nullable String subscriptionId, String name, String orderId,
		@Nullable String transactionId, PaymentStatus paymentStatus, BigDecimal amount, Instant occurredAt,
		UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param subscriptionId see the record
	 * @param name see the record
	 * @param orderId see the record
	 * @param transactionId see the record
	 * @param paymentStatus see the record
	 * @param amount see the record
	 * @param occurredAt see the record
	 */
	public SubscriptionRenewalFailedEvent(@Nullable String subscriptionId, String name, String orderId,
			@Nullable String transactionId, PaymentStatus paymentStatus, BigDecimal amount, Instant occurredAt) {
		this(subscriptionId, name, orderId, transactionId, paymentStatus, amount, occurredAt, UUID.randomUUID());
	}

}
