package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * An invoice was paid. Published once per invoice, whichever channel noticed it first (a
 * settled payment, a status refresh), after the transaction that recorded it committed.
 *
 * @param orderId the invoice's order id
 * @param invoiceNumber the invoice number
 * @param midtransInvoiceId Midtrans' invoice id
 * @param previousStatus the status before
 * @param grossAmount the invoice's total
 * @param paymentOrderId the order id of the payment that paid it, when known
 * @param paidAt when it was paid
 * @param occurredAt when it was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoicePaidEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus previousStatus, @Nullable BigDecimal grossAmount, @Nullable String paymentOrderId, Instant paidAt,
		Instant occurredAt, UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param invoiceNumber see the record
	 * @param midtransInvoiceId see the record
	 * @param previousStatus see the record
	 * @param grossAmount see the record
	 * @param paymentOrderId see the record
	 * @param paidAt see the record
	 * @param occurredAt see the record
	 */
	public InvoicePaidEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
			InvoiceStatus previousStatus, @Nullable BigDecimal grossAmount, @Nullable String paymentOrderId,
			Instant paidAt, Instant occurredAt) {
		this(orderId, invoiceNumber, midtransInvoiceId, previousStatus, grossAmount, paymentOrderId, paidAt, occurredAt,
				UUID.randomUUID());
	}

}
