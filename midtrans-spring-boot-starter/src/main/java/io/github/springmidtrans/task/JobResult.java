package io.github.springmidtrans.task;

/**
 * A periodic job's result: how many items it handled.
 *
 * @since 0.1.0
 */
public interface JobResult {

	/**
	 * Items handled: status checks dispatched, payments expired, invoices marked overdue,
	 * subscriptions changed.
	 * @return the count
	 */
	int items();

}
