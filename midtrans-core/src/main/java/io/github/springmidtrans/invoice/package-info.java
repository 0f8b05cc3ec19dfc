/**
 * Invoices created through the Midtrans Invoicing API and kept in the application's
 * database: the {@link io.github.springmidtrans.invoice.MidtransInvoice} entity, its
 * forward-only {@link io.github.springmidtrans.invoice.InvoiceStatus},
 * {@link io.github.springmidtrans.invoice.InvoiceService} and invoice events.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.invoice;

import org.jspecify.annotations.NullMarked;
