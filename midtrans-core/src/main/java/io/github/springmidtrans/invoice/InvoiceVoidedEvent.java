package io.github.springmidtrans.invoice;

import java.time.Instant;

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
 * @since 0.1.0
 */
public record InvoiceVoidedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus previousStatus, Instant occurredAt) {

}
