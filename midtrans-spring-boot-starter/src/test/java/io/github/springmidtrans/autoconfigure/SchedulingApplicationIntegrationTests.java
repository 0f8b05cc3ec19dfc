package io.github.springmidtrans.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint.ScheduledTasksDescriptor;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint.TaskDescriptor;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A Spring Boot application with the starter and its own {@code @Scheduled} and
 * {@code @Async} methods keeps Boot's scheduler and executor; the Midtrans jobs run on
 * the starter's threads, show in the {@code scheduledtasks} endpoint and are observed.
 */
class SchedulingApplicationIntegrationTests {

	// gh-17
	@Test
	void applicationKeepsBootsSchedulerAndExecutorAndSeesTheMidtransJobs() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SchedulingApplication.class)
			.web(WebApplicationType.NONE)
			.properties("midtrans.server-key=SB-Mid-server-placeholder-scheduling-test",
					"spring.datasource.generate-unique-name=true",
					"spring.task.scheduling.thread-name-prefix=app-scheduling-",
					"management.endpoints.web.exposure.include=scheduledtasks",
					"midtrans.tasks.check-pending-payments.cron=* * * * * *")
			.run()) {
			assertThat(context.getBean("taskScheduler")).isInstanceOf(ThreadPoolTaskScheduler.class);
			assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
			SchedulingApplication application = context.getBean(SchedulingApplication.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(application.scheduledThreads()).isNotEmpty());
			assertThat(application.scheduledThreads())
				.allSatisfy((thread) -> assertThat(thread).startsWith("app-scheduling-").doesNotStartWith("midtrans-"));
			assertThat(application.async().get(10, TimeUnit.SECONDS)).startsWith("task-");

			JobThreads jobs = context.getBean(JobThreads.class);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobs.threads).isNotEmpty());
			assertThat(jobs.threads).allSatisfy((thread) -> assertThat(thread).startsWith("midtrans-scheduler-"));

			ScheduledTasksDescriptor tasks = context.getBean(ScheduledTasksEndpoint.class).scheduledTasks();
			assertThat(tasks.getFixedDelay()).extracting((task) -> target(task))
				.anySatisfy((target) -> assertThat(target).endsWith("SchedulingApplication.everyFiftyMilliseconds"));
			assertThat(tasks.getCron()).extracting((task) -> target(task))
				.contains(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(meters.find("tasks.scheduled.execution")
					.tag("code.function", "checkPendingPayments")
					.tag("outcome", "SUCCESS")
					.timer()).isNotNull());
		}
	}

	private static String target(TaskDescriptor task) {
		return task.getRunnable().getTarget();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableScheduling
	@EnableAsync
	static class SchedulingApplication {

		// A proxy for @Async: reached through methods, not fields.
		private final List<String> scheduledThreads = new CopyOnWriteArrayList<>();

		@Scheduled(fixedDelay = 50)
		void everyFiftyMilliseconds() {
			this.scheduledThreads.add(Thread.currentThread().getName());
		}

		List<String> scheduledThreads() {
			return this.scheduledThreads;
		}

		@Async
		CompletableFuture<String> async() {
			return CompletableFuture.completedFuture(Thread.currentThread().getName());
		}

		@Bean
		JobThreads jobThreads() {
			return new JobThreads();
		}

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

	/**
	 * Records the threads the Midtrans jobs run on.
	 */
	static class JobThreads implements JobRunListener {

		final List<String> threads = new CopyOnWriteArrayList<>();

		@Override
		public void onJobRun(JobRun run) {
			this.threads.add(Thread.currentThread().getName());
		}

	}

}
