package io.github.springmidtrans.docs;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.invoice.InvoicePaidEvent;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionChargedEvent;
import io.github.springmidtrans.subscription.SubscriptionRenewalFailedEvent;
import io.github.springmidtrans.subscription.SubscriptionService;

import org.springframework.context.event.EventListener;

/**
 * The samples of docs/invoices.md and docs/subscriptions.md, exactly as shown there;
 * DocumentationSamplesIntegrationTests runs them against the simulator.
 */
class InvoiceAndSubscriptionSamples {

	private final InvoiceService invoices;

	private final SubscriptionService subscriptions;

	private final Orders orders;

	InvoiceAndSubscriptionSamples(InvoiceService invoices, SubscriptionService subscriptions, Orders orders) {
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.orders = orders;
	}

	List<String> createInvoice() {
		OffsetDateTime today = OffsetDateTime.now(ZoneId.of("Asia/Jakarta"));
		MidtransInvoice invoice = invoices.create(InvoiceRequest
			.virtualAccount("INV-ORDER-1", invoices.newInvoiceNumber(), today, today.plusDays(14),
					InvoiceCustomer.of("C-1", "Budi Utomo", "budi@example.com", "8111222333"),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA), InvoiceVirtualAccount.of(InvoiceVaBank.BNI_VA))
			.item(InvoiceItem.of("SKU-1", "Coffee beans, 1 kg", 2, 150_000))
			.build());
		String pdf = invoice.getPdfUrl(); // the invoice, with the VA numbers to pay
		Map<String, String> vaNumbers = invoice.getVaNumbers(); // "bca_va" -> number, to
																// show on your own pages
		return List.of(pdf, vaNumbers.get("bca_va"));
	}

	@EventListener
	void invoicePaid(InvoicePaidEvent event) {
		orders.markPaid(event.orderId());
	}

	MidtransInvoice voidInvoice() {
		MidtransInvoice voided = invoices.voidInvoice("INV-ORDER-1");
		return voided;
	}

	String createSubscription(String savedTokenId) {
		MidtransSubscription subscription = subscriptions.create(SubscriptionRequest
			.creditCard("COFFEE-MONTHLY", 150_000, savedTokenId, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build());
		String id = subscription.getSubscriptionId(); // Midtrans' id, used by every other
														// call
		return id;
	}

	@EventListener
	void renewed(SubscriptionChargedEvent event) {
		if (event.paid()) {
			orders.extend(event.subscriptionId(), event.orderId());
		}
	}

	@EventListener
	void renewalFailed(SubscriptionRenewalFailedEvent event) {
		orders.remindToUpdateCard(event.subscriptionId(), event.orderId());
	}

	void pauseResumeCancel(String id) {
		subscriptions.disable(id); // no renewals until enabled again
		subscriptions.enable(id);
		subscriptions.cancel(id); // for good
	}

}
