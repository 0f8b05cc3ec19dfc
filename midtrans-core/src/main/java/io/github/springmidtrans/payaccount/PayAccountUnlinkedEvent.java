package io.github.springmidtrans.payaccount;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;

/**
 * A GoPay account was unbound, by the merchant or by the customer in the Gojek app:
 * Midtrans reports it disabled, and it can no longer be charged. Published once per
 * transition, after the transaction that recorded it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#DISABLED}
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record PayAccountUnlinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param accountId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param occurredAt see the record
	 */
	public PayAccountUnlinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
			Instant occurredAt) {
		this(accountId, previousStatus, status, occurredAt, UUID.randomUUID());
	}

}
