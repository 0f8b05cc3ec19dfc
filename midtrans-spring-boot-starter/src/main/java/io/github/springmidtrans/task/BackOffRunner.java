package io.github.springmidtrans.task;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import io.github.springmidtrans.client.MidtransRateLimitException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.util.backoff.BackOffExecution;

/**
 * Runs task work on an executor and retries it with a {@link RetryPolicy}'s back-off. A
 * waiting retry is a scheduled trigger, not a sleeping thread: many failing tasks cannot
 * starve new ones. After a 429 the next attempt waits at least as long as Midtrans'
 * {@code Retry-After} asked.
 */
final class BackOffRunner {

	private static final Logger logger = LoggerFactory.getLogger(BackOffRunner.class);

	private final Executor executor;

	private final TaskScheduler scheduler;

	private final List<TaskRetryListener> listeners;

	BackOffRunner(Executor executor, TaskScheduler scheduler, List<TaskRetryListener> listeners) {
		this.executor = executor;
		this.scheduler = scheduler;
		this.listeners = List.copyOf(listeners);
	}

	<T> CompletableFuture<T> run(String task, String subject, RetryPolicy policy, Callable<T> work) {
		CompletableFuture<T> result = new CompletableFuture<>();
		BackOffExecution backOff = policy.getBackOff().start();
		submit(new Attempt<>(task, subject, policy, backOff, work, result));
		return result;
	}

	private <T> void submit(Attempt<T> attempt) {
		try {
			this.executor.execute(attempt);
		}
		catch (RejectedExecutionException ex) {
			attempt.result.completeExceptionally(ex);
		}
	}

	/**
	 * The wait a 429 answer asked for: retrying sooner only meets the limit again.
	 */
	private static long retryAfterMillis(Exception failure) {
		if (failure instanceof MidtransRateLimitException rateLimited && rateLimited.getRetryAfter() != null) {
			return rateLimited.getRetryAfter().toMillis();
		}
		return 0;
	}

	private final class Attempt<T> implements Runnable {

		private final String task;

		private final String subject;

		private final RetryPolicy policy;

		private final BackOffExecution backOff;

		private final Callable<T> work;

		private final CompletableFuture<T> result;

		private int number = 1;

		Attempt(String task, String subject, RetryPolicy policy, BackOffExecution backOff, Callable<T> work,
				CompletableFuture<T> result) {
			this.task = task;
			this.subject = subject;
			this.policy = policy;
			this.backOff = backOff;
			this.work = work;
			this.result = result;
		}

		@Override
		public void run() {
			try {
				this.result.complete(this.work.call());
			}
			catch (Exception ex) {
				long wait = this.policy.shouldRetry(ex) ? this.backOff.nextBackOff() : BackOffExecution.STOP;
				if (wait == BackOffExecution.STOP) {
					if (this.policy.shouldRetry(ex)) {
						logger.warn("Task {} for '{}' gave up after {} attempts: {}", this.task, this.subject,
								this.number, ex.getMessage());
					}
					this.result.completeExceptionally(ex);
					return;
				}
				wait = Math.max(wait, retryAfterMillis(ex));
				logger.debug("Task {} for '{}' attempt {} failed; retrying in {} ms: {}", this.task, this.subject,
						this.number, wait, ex.getMessage());
				for (TaskRetryListener listener : BackOffRunner.this.listeners) {
					try {
						listener.onRetry(this.task, this.number, ex);
					}
					catch (RuntimeException listenerFailure) {
						logger.debug("Task retry listener failed: {}", listenerFailure.toString());
					}
				}
				this.number++;
				BackOffRunner.this.scheduler.schedule(() -> submit(this), Instant.now().plusMillis(wait));
			}
		}

	}

}
