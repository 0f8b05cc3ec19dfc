package io.github.springmidtrans.task;

/**
 * Result of {@link PaymentTaskService#checkOverdueInvoices()}.
 *
 * @param overdue invoices marked overdue
 * @since 0.1.0
 */
public record CheckOverdueInvoicesResult(int overdue) implements JobResult {

	@Override
	public int items() {
		return this.overdue;
	}

}
