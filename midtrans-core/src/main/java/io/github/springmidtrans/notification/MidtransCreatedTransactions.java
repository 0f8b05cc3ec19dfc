package io.github.springmidtrans.notification;

import java.util.List;

import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.subscription.SubscriptionService;

/**
 * Where notifications go for transactions that Midtrans creates itself, which no payment
 * row knows: a subscription's renewal charge is recorded through
 * {@link SubscriptionService#recordRenewal}, an invoice's payment through
 * {@link InvoiceService#applyPayment}. Hand {@link #handlers} to the
 * {@link NotificationHandler}.
 *
 * @since 0.1.0
 */
public final class MidtransCreatedTransactions {

	private MidtransCreatedTransactions() {
	}

	/**
	 * The handlers of renewals and invoice payments, in that order.
	 * @param subscriptions records renewals
	 * @param invoices records invoice payments
	 * @return the handlers
	 */
	public static List<UnmatchedTransactionHandler> handlers(SubscriptionService subscriptions,
			InvoiceService invoices) {
		return List.of(
				(transaction) -> subscriptions.recordRenewal(transaction)
					.map((payment) -> "recorded as a renewal of subscription " + payment.getSubscriptionId()),
				(transaction) -> invoices.applyPayment(transaction)
					.map((invoice) -> "recorded as the payment of invoice " + invoice.getInvoiceNumber()));
	}

}
