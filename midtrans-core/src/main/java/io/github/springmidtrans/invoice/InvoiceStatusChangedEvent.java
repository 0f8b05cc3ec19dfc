package io.github.springmidtrans.invoice;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invoice moved in a way no more specific event describes: a status refresh found it
 * overdue or expired, or Midtrans refused to create it. Published once per transition,
 * after the transaction that recorded it committed.
 *
 * @param orderId the invoice's order id
 * @param invoiceNumber the invoice number
 * @param midtransInvoiceId Midtrans' invoice id
 * @param previousStatus the status before
 * @param status the status after
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoiceStatusChangedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus previousStatus, InvoiceStatus status, Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param invoiceNumber see the record
	 * @param midtransInvoiceId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param occurredAt see the record
	 */
	public InvoiceStatusChangedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
			InvoiceStatus previousStatus, InvoiceStatus status, Instant occurredAt) {
		this(orderId, invoiceNumber, midtransInvoiceId, previousStatus, status, occurredAt, UUID.randomUUID());
	}

}
