package io.github.springmidtrans.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springmidtrans.client.MidtransOperation;
import io.github.springmidtrans.client.MidtransRateLimitException;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link BackOffRunner} schedules a task's next attempt.
 */
class BackOffRunnerTests {

	@Test
	void retryAfterARateLimitWaitsAtLeastAsLongAsMidtransAsked() throws Exception {
		RecordingScheduler scheduler = new RecordingScheduler();
		BackOffRunner runner = new BackOffRunner(Runnable::run, scheduler, List.of());
		TaskProperties.Retry retry = new TaskProperties.Retry();
		retry.setDelay(Duration.ofMillis(10));
		AtomicInteger attempts = new AtomicInteger();

		Instant before = Instant.now();
		CompletableFuture<String> result = runner.run("processCharge", "o-1", DefaultPaymentTaskService.policy(retry),
				() -> {
					if (attempts.incrementAndGet() == 1) {
						throw new MidtransRateLimitException("rate limit exceeded", MidtransOperation.CHARGE, "o-1",
								429, null, null, Duration.ofSeconds(7));
					}
					return "charged";
				});

		assertThat(result.get()).isEqualTo("charged");
		assertThat(scheduler.requested).hasSize(1);
		assertThat(scheduler.requested.get(0)).isAfterOrEqualTo(before.plusSeconds(7));
	}

	@Test
	void retryAfterShorterThanTheBackOffKeepsTheBackOff() throws Exception {
		RecordingScheduler scheduler = new RecordingScheduler();
		BackOffRunner runner = new BackOffRunner(Runnable::run, scheduler, List.of());
		TaskProperties.Retry retry = new TaskProperties.Retry();
		retry.setDelay(Duration.ofSeconds(30));
		AtomicInteger attempts = new AtomicInteger();

		Instant before = Instant.now();
		CompletableFuture<String> result = runner.run("processCharge", "o-1", DefaultPaymentTaskService.policy(retry),
				() -> {
					if (attempts.incrementAndGet() == 1) {
						throw new MidtransRateLimitException("rate limit exceeded", MidtransOperation.CHARGE, "o-1",
								429, null, null, Duration.ofSeconds(1));
					}
					return "charged";
				});

		assertThat(result.get()).isEqualTo("charged");
		assertThat(scheduler.requested.get(0)).isAfterOrEqualTo(before.plusSeconds(30));
	}

	/**
	 * Records when each retry asked to run, and runs it at once.
	 */
	static class RecordingScheduler extends ThreadPoolTaskScheduler {

		private static final long serialVersionUID = 1L;

		final List<Instant> requested = new CopyOnWriteArrayList<>();

		@Override
		public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
			this.requested.add(startTime);
			task.run();
			return null;
		}

	}

}
