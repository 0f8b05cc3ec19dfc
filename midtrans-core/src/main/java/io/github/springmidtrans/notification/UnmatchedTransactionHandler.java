package io.github.springmidtrans.notification;

import java.util.Optional;

import io.github.springmidtrans.client.model.TransactionResponse;

/**
 * Takes a verified notification for an order no payment row knows: transactions Midtrans
 * creates itself, such as subscription renewals and invoice payments. The starter
 * registers one for subscriptions and one for invoices.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface UnmatchedTransactionHandler {

	/**
	 * Apply the transaction if it belongs to this handler.
	 * @param transaction the notification, its signature already verified
	 * @return what was done, for the audit log, or empty when the transaction is not this
	 * handler's business
	 */
	Optional<String> handle(TransactionResponse transaction);

}
