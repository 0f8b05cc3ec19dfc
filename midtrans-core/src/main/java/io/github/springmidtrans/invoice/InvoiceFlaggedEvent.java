package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.event.MidtransEvent;
import io.github.springmidtrans.payment.PaymentFlag;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans reported a payment of this invoice, or the invoice itself, with another amount
 * or order id than recorded: the invoice was not marked paid and was set aside for a
 * person. Its status did not change. Alert someone here: a partial or an over-payment, or
 * a payment meant for another invoice, needs a decision.
 *
 * @param orderId the invoice's order id
 * @param invoiceNumber the invoice number
 * @param midtransInvoiceId Midtrans' invoice id, when known
 * @param status the invoice's status, unchanged
 * @param grossAmount the recorded amount due, when known
 * @param flag what did not match
 * @param detail what Midtrans reported against what was recorded
 * @param occurredAt when the flag was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record InvoiceFlaggedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
		InvoiceStatus status, @Nullable BigDecimal grossAmount, PaymentFlag flag, String detail, Instant occurredAt,
		UUID eventId) implements MidtransEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param invoiceNumber see the record
	 * @param midtransInvoiceId see the record
	 * @param status see the record
	 * @param grossAmount see the record
	 * @param flag see the record
	 * @param detail see the record
	 * @param occurredAt see the record
	 */
	public InvoiceFlaggedEvent(String orderId, String invoiceNumber, @Nullable String midtransInvoiceId,
			InvoiceStatus status, @Nullable BigDecimal grossAmount, PaymentFlag flag, String detail,
			Instant occurredAt) {
		this(orderId, invoiceNumber, midtransInvoiceId, status, grossAmount, flag, detail, occurredAt,
				UUID.randomUUID());
	}

}
