package io.github.springmidtrans.autoconfigure;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;

import javax.sql.DataSource;

import io.github.springmidtrans.actuate.MidtransEndpoint;
import io.github.springmidtrans.actuate.MidtransHealthIndicator;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransActuatorAutoConfiguration}.
 */
class MidtransActuatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
				MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class,
				MidtransTaskAutoConfiguration.class, MidtransActuatorAutoConfiguration.class))
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true",
				"midtrans.tasks.check-overdue-invoices.cron=-");

	@Test
	void endpointListsJobsAndRunsOneNow() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=midtrans").run((context) -> {
			MidtransEndpoint endpoint = context.getBean(MidtransEndpoint.class);

			Map<String, MidtransEndpoint.JobDescriptor> jobs = endpoint.jobs();
			JobRun run = endpoint.run(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES);

			assertThat(jobs).containsOnlyKeys(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS,
					MidtransTaskSchedules.EXPIRE_STALE_PAYMENTS, MidtransTaskSchedules.CHECK_OVERDUE_INVOICES,
					MidtransTaskSchedules.SYNC_SUBSCRIPTION_STATUS, MidtransTaskSchedules.REDELIVER_EVENTS,
					MidtransTaskSchedules.PURGE_NOTIFICATIONS);
			assertThat(jobs.get(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS).cron()).isEqualTo("0 */10 * * * *");
			assertThat(jobs.get(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES).cron()).isNull();
			assertThat(run.runs()).isEqualTo(1);
			assertThat(run.result()).isEqualTo("CheckOverdueInvoicesResult[overdue=0]");
			assertThat(run.error()).isNull();
			assertThat(endpoint.jobs().get(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES).lastRun().runs()).isEqualTo(1);
		});
	}

	@Test
	void endpointOnlyWhenExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(MidtransEndpoint.class));
	}

	@Test
	void healthShowsEnvironmentJobsAndNotificationFailures() {
		this.runner.run((context) -> {
			MidtransHealthIndicator indicator = context.getBean("midtransHealthIndicator",
					MidtransHealthIndicator.class);
			new JdbcTemplate(context.getBean(DataSource.class)).update(
					"insert into midtrans_notification (outcome, received_at) values ('FAILED', ?)",
					Timestamp.from(Instant.now()));

			Health health = indicator.health();

			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("environment", "sandbox");
			assertThat(health.getDetails().get("notifications").toString()).contains("failedLastHour=1");
			assertThat(health.getDetails()).containsKey("jobs");
			assertThat(health.getDetails().toString()).doesNotContain("SB-Mid-server-abc");
		});
	}

	@Test
	void healthIsDownWhenTheNotificationLogCannotBeRead() {
		this.runner.withPropertyValues("midtrans.jdbc.initialize-schema=never", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> assertThat(context.getBean(MidtransHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void healthIndicatorCanBeSwitchedOff() {
		this.runner.withPropertyValues("management.health.midtrans.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MidtransHealthIndicator.class));
	}

	@Test
	void nothingWithoutActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.withPropertyValues("management.endpoints.web.exposure.include=midtrans")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MidtransEndpoint.class)
				.doesNotHaveBean(MidtransHealthIndicator.class));
	}

}
