package io.github.springmidtrans.task;

/**
 * Result of {@link PaymentTaskService#syncSubscriptionStatus()}.
 *
 * @param synced subscriptions whose status changed
 * @since 0.1.0
 */
public record SyncSubscriptionStatusResult(int synced) implements JobResult {

	@Override
	public int items() {
		return this.synced;
	}

}
