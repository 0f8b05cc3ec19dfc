package io.github.springmidtrans.task;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last run of a periodic job on this instance.
 *
 * @param job the job's name
 * @param startedAt when it started
 * @param finishedAt when it finished
 * @param result its result, such as {@code CheckPendingPaymentsResult[queued=12]}
 * @param error why it failed, when it did
 * @param runs how many times it ran on this instance
 * @param skipped how many times it was skipped because another instance held it
 * @param items how many items its last run handled
 * @since 0.1.0
 */
public record JobRun(String job, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable String result,
		@Nullable String error, long runs, long skipped, int items) {

}
