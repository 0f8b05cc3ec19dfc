package io.github.springmidtrans.payaccount;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;

/**
 * A GoPay account link expired: the customer did not approve it in time. Link again to
 * get a new account. Published once per transition, after the transaction that recorded
 * it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#EXPIRED}
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record PayAccountExpiredEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param accountId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param occurredAt see the record
	 */
	public PayAccountExpiredEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
			Instant occurredAt) {
		this(accountId, previousStatus, status, occurredAt, UUID.randomUUID());
	}

}
