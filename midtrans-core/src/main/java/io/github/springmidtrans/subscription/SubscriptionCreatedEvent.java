package io.github.springmidtrans.subscription;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans created a subscription; it has its Midtrans id. Published once per transition,
 * after the transaction that recorded it committed.
 *
 * @param subscriptionId Midtrans' subscription id
 * @param name the subscription's name
 * @param previousStatus the status before
 * @param status the status after
 * @param occurredAt when it was recorded
 * @since 0.1.0
 */
public record SubscriptionCreatedEvent(@Nullable String subscriptionId, String name, SubscriptionStatus previousStatus,
		SubscriptionStatus status, Instant occurredAt) {

}
