package io.github.springmidtrans.invoice;

import java.time.Instant;

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
 * @since 0.1.0
 */
public record InvoiceStatusChangedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus previousStatus, InvoiceStatus status, Instant occurredAt) {

}
