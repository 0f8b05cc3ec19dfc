package io.github.springmidtrans.invoice;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;

/**
 * The periodic overdue check moved pending invoices past their due date to
 * {@link InvoiceStatus#OVERDUE}. One event per run, not one per invoice: the move is a
 * single {@code UPDATE} statement that loads no rows, so the ids are not known. Find the
 * invoices with {@code status = OVERDUE and overdueAt = occurredAt}. Published only when
 * at least one invoice moved, after the statement committed.
 *
 * @param count how many invoices moved
 * @param occurredAt the time of the check; also the moved invoices' {@code overdueAt}
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoicesOverdueEvent(int count, Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param count see the record
	 * @param occurredAt see the record
	 */
	public InvoicesOverdueEvent(int count, Instant occurredAt) {
		this(count, occurredAt, UUID.randomUUID());
	}

}
