package io.github.springmidtrans.task;

/**
 * Result of {@link PaymentTaskService#expireStalePayments()}.
 *
 * @param expired payments that ended expired
 * @since 0.1.0
 */
public record ExpireStalePaymentsResult(int expired) implements JobResult {

	@Override
	public int items() {
		return this.expired;
	}

}
