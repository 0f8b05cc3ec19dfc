package io.github.springmidtrans.payaccount;

import java.time.Instant;

/**
 * A GoPay account was unbound, by the merchant or by the customer in the Gojek app:
 * Midtrans reports it disabled, and it can no longer be charged. Published once per
 * transition, after the transaction that recorded it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#DISABLED}
 * @param occurredAt when it was recorded
 * @since 0.1.0
 */
public record PayAccountUnlinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt) {

}
