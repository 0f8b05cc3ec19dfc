package io.github.springmidtrans.invoice;

import io.github.springmidtrans.payment.PaymentSettledEvent;
import org.springframework.context.event.EventListener;

/**
 * Marks an invoice paid when a payment made for it settles
 * ({@link InvoiceService#onPaymentSettled}). Register it as a bean; the starter does.
 *
 * @since 0.1.0
 */
public final class InvoicePaymentListener {

	private final InvoiceService invoices;

	/**
	 * Create the listener.
	 * @param invoices the invoice service
	 */
	public InvoicePaymentListener(InvoiceService invoices) {
		this.invoices = invoices;
	}

	/**
	 * Mark the settled payment's invoice paid, if it pays one.
	 * @param event the settled payment
	 */
	@EventListener
	public void onPaymentSettled(PaymentSettledEvent event) {
		this.invoices.onPaymentSettled(event);
	}

}
