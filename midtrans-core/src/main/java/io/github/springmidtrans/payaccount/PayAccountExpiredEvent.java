package io.github.springmidtrans.payaccount;

import java.time.Instant;

/**
 * A GoPay account link expired: the customer did not approve it in time. Link again to
 * get a new account. Published once per transition, after the transaction that recorded
 * it committed.
 *
 * @param accountId the pay account id
 * @param previousStatus the status before
 * @param status the status after, {@link PayAccountState#EXPIRED}
 * @param occurredAt when it was recorded
 * @since 0.1.0
 */
public record PayAccountExpiredEvent(String accountId, PayAccountState previousStatus, PayAccountState status,
		Instant occurredAt) {

}
