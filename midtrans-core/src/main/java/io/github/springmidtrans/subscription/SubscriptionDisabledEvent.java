package io.github.springmidtrans.subscription;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * A subscription stopped charging: disabled by the merchant, or found inactive (its
 * schedule finished or its charges kept failing); {@link #status()} tells which.
 * Published once per transition, after the transaction that recorded it committed.
 *
 * @param subscriptionId Midtrans' subscription id
 * @param name the subscription's name
 * @param previousStatus the status before
 * @param status the status after
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record SubscriptionDisabledEvent(@Nullable String subscriptionId, String name, SubscriptionStatus previousStatus,
		SubscriptionStatus status, Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param subscriptionId see the record
	 * @param name see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param occurredAt see the record
	 */
	public SubscriptionDisabledEvent(@Nullable String subscriptionId, String name, SubscriptionStatus previousStatus,
			SubscriptionStatus status, Instant occurredAt) {
		this(subscriptionId, name, previousStatus, status, occurredAt, UUID.randomUUID());
	}

}
