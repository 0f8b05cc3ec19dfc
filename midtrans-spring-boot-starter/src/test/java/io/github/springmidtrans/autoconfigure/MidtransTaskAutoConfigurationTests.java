package io.github.springmidtrans.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.PaymentTasks;
import io.github.springmidtrans.test.MidtransSimulator;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.scheduling.ScheduledTasksEndpointAutoConfiguration;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint.CronTaskDescriptor;
import org.springframework.boot.actuate.scheduling.ScheduledTasksEndpoint.ScheduledTasksDescriptor;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

/**
 * {@link MidtransTaskAutoConfiguration}.
 */
class MidtransTaskAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
				MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class,
				MidtransTaskAutoConfiguration.class))
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true");

	@Test
	void everyJobIsScheduledAsTheReferenceRecommends() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(PaymentTaskService.class).hasBean("midtransPaymentTaskService");
			assertThat(context.getBean(MidtransTaskSchedules.class).schedules()).containsExactly(
					entry(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, "0 */10 * * * *"),
					entry(MidtransTaskSchedules.EXPIRE_STALE_PAYMENTS, "0 */5 * * * *"),
					entry(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES, "0 30 0 * * *"),
					entry(MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS, "0 0 * * * *"),
					entry(MidtransTaskSchedules.REDELIVER_EVENTS, "30 * * * * *"),
					entry(MidtransTaskSchedules.PURGE_NOTIFICATIONS, "0 15 3 * * *"));
			MidtransTaskThreads threads = context.getBean(MidtransTaskThreads.class);
			assertThat(threads.executor()).isInstanceOfSatisfying(ThreadPoolTaskExecutor.class,
					(executor) -> assertThat(executor.getMaxPoolSize()).isEqualTo(4));
			assertThat(threads.scheduler()).isInstanceOfSatisfying(ThreadPoolTaskScheduler.class,
					(scheduler) -> assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize())
						.isEqualTo(2));
		});
	}

	@Test
	void schedulesComeFromProperties() {
		this.runner.withPropertyValues("midtrans.tasks.check-pending-payments.cron=0 */2 * * * *",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.enabled=false",
				"midtrans.tasks.pool-size=2", "midtrans.tasks.scheduler-pool-size=3")
			.run((context) -> {
				assertThat(context.getBean(MidtransTaskSchedules.class).schedules()).containsOnlyKeys(
						MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS,
						MidtransTaskSchedules.REDELIVER_EVENTS, MidtransTaskSchedules.PURGE_NOTIFICATIONS);
				assertThat(context.getBean(MidtransTaskSchedules.class).schedules())
					.containsEntry(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, "0 */2 * * * *");
				MidtransTaskThreads threads = context.getBean(MidtransTaskThreads.class);
				assertThat(threads.executor()).isInstanceOfSatisfying(ThreadPoolTaskExecutor.class,
						(executor) -> assertThat(executor.getMaxPoolSize()).isEqualTo(2));
				assertThat(threads.scheduler()).isInstanceOfSatisfying(ThreadPoolTaskScheduler.class,
						(scheduler) -> assertThat(scheduler.getScheduledThreadPoolExecutor().getCorePoolSize())
							.isEqualTo(3));
			});
	}

	@Test
	void invalidCronStopsStartupNamingTheKey() {
		this.runner.withPropertyValues("midtrans.tasks.expire-stale-payments.cron=every five minutes")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessageStartingWith("midtrans.tasks.expire-stale-payments.cron is not a valid cron expression"));
	}

	@Test
	void jobsRunOnTheirSchedule() {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			this.runner
				.withPropertyValues("midtrans.base-url=" + simulator.baseUrl(),
						"midtrans.server-key=" + simulator.serverKey(),
						"midtrans.tasks.check-pending-payments.cron=* * * * * *",
						"midtrans.tasks.expire-stale-payments.cron=* * * * * *",
						"midtrans.tasks.check-overdue-invoices.cron=* * * * * *",
						"midtrans.tasks.sync-subscription-status.cron=* * * * * *",
						"midtrans.tasks.redeliver-events.cron=* * * * * *",
						"midtrans.tasks.purge-notifications.cron=* * * * * *")
				.run((context) -> {
					PaymentService payments = context.getBean(PaymentService.class);
					payments.charge(ChargeRequest.bankTransfer("SCHEDULED-1", 10_000, Bank.BCA).build());
					simulator.pay("SCHEDULED-1");

					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(() -> assertThat(payments.findByOrderId("SCHEDULED-1").orElseThrow().getStatus())
							.isEqualTo(PaymentStatus.SETTLEMENT));
					await().atMost(Duration.ofSeconds(10))
						.untilAsserted(
								() -> assertThat(context.getBean(MidtransTaskSchedules.class).lastRuns().values())
									.hasSize(6)
									.allSatisfy((run) -> {
										assertThat(run.runs()).isPositive();
										assertThat(run.error()).isNull();
									}));
				});
		}
	}

	// gh-17
	@Test
	void applicationKeepsBootsSchedulerAndExecutorForItsOwnScheduledAndAsyncMethods() {
		this.runner
			.withConfiguration(
					AutoConfigurations.of(TaskExecutionAutoConfiguration.class, TaskSchedulingAutoConfiguration.class))
			.withUserConfiguration(SchedulingApplication.class)
			.withPropertyValues("spring.task.scheduling.thread-name-prefix=app-scheduling-",
					"midtrans.tasks.check-pending-payments.cron=* * * * * *")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean("taskScheduler")).isInstanceOf(ThreadPoolTaskScheduler.class);
				assertThat(context.getBean("applicationTaskExecutor")).isInstanceOf(ThreadPoolTaskExecutor.class);
				assertThat(context.getBeansOfType(TaskScheduler.class)).containsOnlyKeys("taskScheduler");
				assertThat(context.getBeansOfType(Executor.class)).containsOnlyKeys("applicationTaskExecutor",
						"taskScheduler");
				SchedulingApplication application = context.getBean(SchedulingApplication.class);
				// Boot's scheduler, as spring.task.scheduling.* says, runs @Scheduled.
				await().atMost(Duration.ofSeconds(10))
					.untilAsserted(() -> assertThat(application.scheduledThreads()).isNotEmpty());
				assertThat(application.scheduledThreads()).allSatisfy(
						(thread) -> assertThat(thread).startsWith("app-scheduling-").doesNotStartWith("midtrans-"));
				assertThat(application.async().get(10, TimeUnit.SECONDS)).startsWith("task-");
				// The Midtrans jobs still run, on the starter's own threads.
				JobThreads jobs = context.getBean(JobThreads.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobs.threads).isNotEmpty());
				assertThat(jobs.threads).allSatisfy((thread) -> assertThat(thread).startsWith("midtrans-scheduler-"));
			});
	}

	// gh-17
	@Test
	void applicationsMidtransTaskSchedulerRunsTheJobs() {
		this.runner.withUserConfiguration(OwnMidtransScheduler.class)
			.withPropertyValues("midtrans.tasks.check-pending-payments.cron=* * * * * *")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(MidtransTaskThreads.class).scheduler())
					.isSameAs(context.getBean("midtransTaskScheduler"));
				JobThreads jobs = context.getBean(JobThreads.class);
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jobs.threads).isNotEmpty());
				assertThat(jobs.threads).allSatisfy((thread) -> assertThat(thread).startsWith("own-scheduler-"));
			});
	}

	// gh-17
	@Test
	void scheduledTasksEndpointListsTheJobs() {
		this.runner.withConfiguration(AutoConfigurations.of(ScheduledTasksEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=scheduledtasks",
					"midtrans.tasks.expire-stale-payments.cron=-")
			.run((context) -> {
				ScheduledTasksDescriptor tasks = context.getBean(ScheduledTasksEndpoint.class).scheduledTasks();
				assertThat(tasks.getCron()).map((task) -> (CronTaskDescriptor) task)
					.extracting((task) -> task.getRunnable().getTarget(), CronTaskDescriptor::getExpression)
					.containsExactlyInAnyOrder(tuple(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, "0 */10 * * * *"),
							tuple(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES, "0 30 0 * * *"),
							tuple(MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS, "0 0 * * * *"),
							tuple(MidtransTaskSchedules.REDELIVER_EVENTS, "30 * * * * *"),
							tuple(MidtransTaskSchedules.PURGE_NOTIFICATIONS, "0 15 3 * * *"));
			});
	}

	// gh-17
	@Test
	void jobRunsAreObservedLikeScheduledMethods() {
		ObservationRegistry observations = ObservationRegistry.create();
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		this.runner.withBean(ObservationRegistry.class, () -> observations)
			.withPropertyValues("midtrans.tasks.check-pending-payments.cron=* * * * * *")
			.run((context) -> {
				await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stopped).isNotEmpty());
				Observation.Context run = stopped.get(0);
				assertThat(run.getName()).isEqualTo("tasks.scheduled.execution");
				assertThat(run.getLowCardinalityKeyValue("code.function").getValue()).isEqualTo("checkPendingPayments");
				assertThat(run.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("SUCCESS");
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnTasks() {
		this.runner.withUserConfiguration(OwnTasks.class)
			.run((context) -> assertThat(context).hasSingleBean(PaymentTaskService.class)
				.hasBean("myTasks")
				.doesNotHaveBean("midtransPaymentTaskService"));
	}

	private static Map.Entry<String, String> entry(String key, String value) {
		return Map.entry(key, value);
	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	@EnableAsync
	@Import(JobThreads.class)
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

	}

	@Configuration(proxyBeanMethods = false)
	@Import(JobThreads.class)
	static class OwnMidtransScheduler {

		@Bean
		TaskScheduler midtransTaskScheduler() {
			SimpleAsyncTaskScheduler scheduler = new SimpleAsyncTaskScheduler();
			scheduler.setThreadNamePrefix("own-scheduler-");
			return scheduler;
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

	@Configuration(proxyBeanMethods = false)
	static class OwnTasks {

		@Bean
		PaymentTaskService myTasks(PaymentService payments, InvoiceService invoices, SubscriptionService subscriptions,
				EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
				MidtransProperties properties) {
			// Runs task work on the caller's thread, for example.
			return PaymentTasks.create(payments, invoices, subscriptions,
					SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), transactionManager,
					Runnable::run, new ConcurrentTaskScheduler(), properties.getTasks(), Clock.systemUTC());
		}

	}

}
