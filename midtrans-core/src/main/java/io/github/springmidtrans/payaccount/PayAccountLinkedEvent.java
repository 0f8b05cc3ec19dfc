package io.github.springmidtrans.payaccount;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;

/**
 * A GoPay account was linked: the customer approved in GoPay, and Midtrans reports it
 * enabled. It can now be charged; read its payment options with
 * {@link PayAccountService#refresh(String)}. Published once per transition, after the
 * transaction that recorded it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#ENABLED}
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record PayAccountLinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param accountId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param occurredAt see the record
	 */
	public PayAccountLinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
			Instant occurredAt) {
		this(accountId, previousStatus, status, occurredAt, UUID.randomUUID());
	}

}
