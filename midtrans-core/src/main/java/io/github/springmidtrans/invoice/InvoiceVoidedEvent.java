package io.github.springmidtrans.invoice;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invoice was voided. Published once per invoice, after the transaction that recorded
 * it committed.
 *
 * @param orderId the invoice's order id
 * @param invoiceNumber the invoice number
 * @param midtransInvoiceId Midtrans' invoice id
 * @param previousStatus the status before
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoiceVoidedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus previousStatus, Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param invoiceNumber see the record
	 * @param midtransInvoiceId see the record
	 * @param previousStatus see the record
	 * @param occurredAt see the record
	 */
	public InvoiceVoidedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
			InvoiceStatus previousStatus, Instant occurredAt) {
		this(orderId, invoiceNumber, midtransInvoiceId, previousStatus, occurredAt, UUID.randomUUID());
	}

}
