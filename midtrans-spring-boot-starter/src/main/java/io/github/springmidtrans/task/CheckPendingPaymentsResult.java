package io.github.springmidtrans.task;

/**
 * Result of {@link PaymentTaskService#checkPendingPayments()}.
 *
 * @param queued status checks (and interrupted charges or refunds) dispatched
 * @since 0.1.0
 */
public record CheckPendingPaymentsResult(int queued) implements JobResult {

	@Override
	public int items() {
		return this.queued;
	}

}
