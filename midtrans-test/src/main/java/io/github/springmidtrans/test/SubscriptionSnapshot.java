package io.github.springmidtrans.test;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An immutable copy of one subscription as the simulator holds it, for assertions in
 * tests. Amounts are whole rupiah.
 *
 * @param id the subscription id (a UUID, like Midtrans')
 * @param name the subscription name, the prefix of every charge's order id
 * @param amount the amount of each charge
 * @param paymentType {@code credit_card} or {@code gopay}
 * @param status {@code active} or {@code inactive} (disabled, cancelled or finished)
 * @param cancelled whether it was cancelled (which also stopped pending retries)
 * @param currentInterval how many charge cycles have run
 * @param nextExecutionAt when the next cycle runs, or {@code null} when none will
 * @param previousExecutionAt when the last cycle ran, or {@code null} before the first
 * @param transactionIds the ids of the successfully charged transactions, oldest first
 * @param chargeOrderIds the order ids of every charge attempt, failed ones included,
 * oldest first
 * @param retryAt when a failed charge is retried next, or {@code null}
 * @since 0.1.0
 */
public record SubscriptionSnapshot(String id, String name, long amount, String paymentType, String status,
		boolean cancelled, int currentInterval, @Nullable Instant nextExecutionAt,
		@Nullable Instant previousExecutionAt, List<String> transactionIds, List<String> chargeOrderIds,
		@Nullable Instant retryAt) {

	/**
	 * Copies the lists.
	 * @param id the subscription id
	 * @param name the name
	 * @param amount the amount
	 * @param paymentType the payment type
	 * @param status the status
	 * @param cancelled whether cancelled
	 * @param currentInterval the cycles run
	 * @param nextExecutionAt the next cycle
	 * @param previousExecutionAt the last cycle
	 * @param transactionIds the charged transactions
	 * @param chargeOrderIds every attempt's order id
	 * @param retryAt the next retry
	 */
	public SubscriptionSnapshot {
		Objects.requireNonNull(id, "id");
		transactionIds = List.copyOf(transactionIds);
		chargeOrderIds = List.copyOf(chargeOrderIds);
	}

	/**
	 * Whether future cycles will charge.
	 * @return {@code true} when active
	 */
	public boolean active() {
		return "active".equals(this.status);
	}

}
