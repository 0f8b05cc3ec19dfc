package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans created an invoice: it has its Midtrans id, amount and payment details.
 * Published once per invoice, after the transaction that recorded it committed.
 *
 * @param orderId the invoice's order id
 * @param invoiceNumber the invoice number
 * @param midtransInvoiceId Midtrans' invoice id
 * @param status the status Midtrans reported (usually pending)
 * @param grossAmount the total to pay
 * @param dueDate the due date
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoiceCreatedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus status, @Nullable BigDecimal grossAmount, Instant dueDate, Instant occurredAt,
		UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param invoiceNumber see the record
	 * @param midtransInvoiceId see the record
	 * @param status see the record
	 * @param grossAmount see the record
	 * @param dueDate see the record
	 * @param occurredAt see the record
	 */
	public InvoiceCreatedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
			InvoiceStatus status, @Nullable BigDecimal grossAmount, Instant dueDate, Instant occurredAt) {
		this(orderId, invoiceNumber, midtransInvoiceId, status, grossAmount, dueDate, occurredAt, UUID.randomUUID());
	}

}
