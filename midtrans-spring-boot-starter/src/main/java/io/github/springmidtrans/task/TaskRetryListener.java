package io.github.springmidtrans.task;

/**
 * Told each time an on-demand task schedules a retry, for metrics.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TaskRetryListener {

	/**
	 * A task failed in a way that is safe to repeat and will run again.
	 * @param task the task's name, such as {@code processCharge}
	 * @param attempt the attempt that failed, from 1
	 * @param failure why it failed
	 */
	void onRetry(String task, int attempt, Exception failure);

}
