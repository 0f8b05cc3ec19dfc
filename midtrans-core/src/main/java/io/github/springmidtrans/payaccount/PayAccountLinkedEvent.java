package io.github.springmidtrans.payaccount;

import java.time.Instant;

/**
 * A GoPay account was linked: the customer approved in GoPay, and Midtrans reports it
 * enabled. It can now be charged; read its payment options with
 * {@link PayAccountService#refresh(String)}. Published once per transition, after the
 * transaction that recorded it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#ENABLED}
 * @param occurredAt when it was recorded
 * @since 0.1.0
 */
public record PayAccountLinkedEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt) {

}
