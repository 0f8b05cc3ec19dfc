package io.github.springmidtrans.task;

/**
 * Decides whether a periodic job runs now. The default runs every job; with ShedLock on
 * the class path the starter installs one that lets a job run on one instance at a time.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface JobGuard {

	/** Runs every job. */
	JobGuard NONE = (name, job) -> {
		job.run();
		return true;
	};

	/**
	 * Run a job, or skip it.
	 * @param name the job's name, such as {@code midtrans.check-pending-payments}
	 * @param job the job
	 * @return {@code true} when the job ran, {@code false} when it was skipped (another
	 * instance holds it)
	 */
	boolean run(String name, Runnable job);

}
