package io.github.springmidtrans.task;

/**
 * Told about every run of a periodic job on this instance (not about runs skipped for
 * another instance's lock), for metrics.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface JobRunListener {

	/**
	 * A job ran.
	 * @param run the run, with its start, end, result or error
	 */
	void onJobRun(JobRun run);

}
