package io.github.springmidtrans.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.PaymentTasks;
import io.github.springmidtrans.test.MidtransSimulator;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.concurrent.ConcurrentTaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
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
					entry(MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS, "0 0 * * * *"));
			ThreadPoolTaskExecutor executor = context.getBean("midtransTaskExecutor", ThreadPoolTaskExecutor.class);
			assertThat(executor.getMaxPoolSize()).isEqualTo(4);
		});
	}

	@Test
	void schedulesComeFromProperties() {
		this.runner
			.withPropertyValues("midtrans.tasks.check-pending-payments.cron=0 */2 * * * *",
					"midtrans.tasks.expire-stale-payments.cron=-",
					"midtrans.tasks.check-overdue-invoices.enabled=false", "midtrans.tasks.pool-size=2")
			.run((context) -> {
				assertThat(context.getBean(MidtransTaskSchedules.class).schedules()).containsOnlyKeys(
						MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS);
				assertThat(context.getBean(MidtransTaskSchedules.class).schedules())
					.containsEntry(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS, "0 */2 * * * *");
				assertThat(context.getBean("midtransTaskExecutor", ThreadPoolTaskExecutor.class).getMaxPoolSize())
					.isEqualTo(2);
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
						"midtrans.tasks.sync-subscription-status.cron=* * * * * *")
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
									.hasSize(4)
									.allSatisfy((run) -> {
										assertThat(run.runs()).isPositive();
										assertThat(run.error()).isNull();
									}));
				});
		}
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
