package io.github.springmidtrans.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.event.MidtransEventOutbox;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentPendingEvent;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event outbox as the starter wires it: services record their events in it, the
 * redeliver-events job delivers again what a listener failed or a restart interrupted,
 * and {@code midtrans.events.outbox=false} keeps events in memory.
 */
class MidtransEventOutboxAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
				MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class,
				MidtransTaskAutoConfiguration.class))
		.withUserConfiguration(ListenerConfiguration.class)
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "midtrans.tasks.check-pending-payments.cron=-",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
				"midtrans.tasks.sync-subscription-status.cron=-");

	@Test
	void eventAListenerFailedIsDeliveredAgainWithTheSameId() {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.generate-unique-name=true", "midtrans.events.retry-delay=0s",
						"midtrans.tasks.redeliver-events.cron=-")
				.run((context) -> {
					assertThat(context).hasSingleBean(MidtransEventOutbox.class);
					FlakyListener listener = context.getBean(FlakyListener.class);
					listener.failures.set(1);
					context.getBean(PaymentService.class).charge(ChargeRequest.gopay("OUTBOX-1", 20_000).build());
					assertThat(listener.pending).hasSize(1);
					UUID eventId = listener.pending.get(0).eventId();
					MidtransEventOutbox outbox = context.getBean(MidtransEventOutbox.class);
					assertThat(outbox.findByEventId(eventId).orElseThrow().getCompletedAt()).isNull();

					context.getBean(MidtransTaskSchedules.class).runNow(MidtransTaskSchedules.REDELIVER_EVENTS);
					assertThat(listener.pending).hasSize(2)
						.allSatisfy((event) -> assertThat(event.eventId()).isEqualTo(eventId));
					assertThat(outbox.findByEventId(eventId).orElseThrow().getCompletedAt()).isNotNull();
				});
		}
	}

	@Test
	void eventsLeftUndeliveredAreDeliveredWhenTheApplicationStartsAgain() {
		String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			UUID[] eventId = new UUID[1];
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.url=" + url, "midtrans.tasks.redeliver-events.cron=-")
				.run((context) -> {
					FlakyListener listener = context.getBean(FlakyListener.class);
					listener.failures.set(1);
					context.getBean(PaymentService.class).charge(ChargeRequest.gopay("OUTBOX-2", 20_000).build());
					eventId[0] = listener.pending.get(0).eventId();
				});
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.initialize-schema=never")
				.run((context) -> {
					assertThat(context.getBean(MidtransTaskSchedules.class).schedules())
						.containsEntry(MidtransTaskSchedules.REDELIVER_EVENTS, "30 * * * * *");
					FlakyListener listener = context.getBean(FlakyListener.class);
					await().atMost(Duration.ofSeconds(20))
						.untilAsserted(() -> assertThat(listener.pending).extracting(PaymentEvent::eventId)
							.containsExactly(eventId[0]));
					MidtransEventOutbox outbox = context.getBean(MidtransEventOutbox.class);
					await().atMost(Duration.ofSeconds(20)).until(() -> outbox.countIncomplete() == 0);
				});
		}
	}

	@Test
	void stoppingTheApplicationRecordsTheDeliveriesWaitingForTheirBatch() {
		String url = "jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			UUID[] eventId = new UUID[1];
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.url=" + url, "midtrans.tasks.redeliver-events.cron=-",
						"midtrans.events.retry-delay=1h")
				.run((context) -> {
					FlakyListener listener = context.getBean(FlakyListener.class);
					context.getBean(PaymentService.class).charge(ChargeRequest.gopay("OUTBOX-4", 20_000).build());
					eventId[0] = listener.pending.get(0).eventId();
				});
			// The context is closed: the outbox wrote what waited.
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.initialize-schema=never",
						"midtrans.tasks.redeliver-events.cron=-")
				.run((context) -> {
					assertThat(completedAt(context, eventId[0])).isNotNull();
					assertThat(context.getBean(MidtransEventOutbox.class).redeliver().delivered()).isZero();
					assertThat(context.getBean(FlakyListener.class).pending).isEmpty();
				});
		}
	}

	private static Object completedAt(org.springframework.context.ApplicationContext context, UUID eventId) {
		return new org.springframework.jdbc.core.JdbcTemplate(context.getBean(javax.sql.DataSource.class))
			.queryForList("select completed_at from midtrans_event_publication where event_id = ?", eventId.toString())
			.get(0)
			.values()
			.iterator()
			.next();
	}

	@Test
	void outboxOffPublishesInMemoryOnly() {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			this.runner.withPropertyValues(simulator(simulator))
				.withPropertyValues("spring.datasource.generate-unique-name=true", "midtrans.events.outbox=false")
				.run((context) -> {
					assertThat(context).doesNotHaveBean(MidtransEventOutbox.class);
					assertThat(context.getBean(MidtransTaskSchedules.class).lastRuns())
						.doesNotContainKey(MidtransTaskSchedules.REDELIVER_EVENTS);
					FlakyListener listener = context.getBean(FlakyListener.class);
					context.getBean(PaymentService.class).charge(ChargeRequest.gopay("OUTBOX-3", 20_000).build());
					assertThat(listener.pending).hasSize(1);
					assertThat(new JdbcTemplate(context.getBean(DataSource.class))
						.queryForObject("select count(*) from midtrans_event_publication", Integer.class)).isZero();
				});
		}
	}

	@Test
	void invalidDelaysStopStartupNamingTheKey() {
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true",
					"midtrans.events.retry-delay=2h", "midtrans.events.max-retry-delay=1h")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("midtrans.events.retry-delay"));
	}

	private static String[] simulator(MidtransSimulator simulator) {
		return new String[] { "midtrans.server-key=" + simulator.serverKey(),
				"midtrans.base-url=" + simulator.baseUrl() };
	}

	@Configuration(proxyBeanMethods = false)
	static class ListenerConfiguration {

		@Bean
		FlakyListener flakyListener() {
			return new FlakyListener();
		}

	}

	static class FlakyListener {

		final List<PaymentPendingEvent> pending = new CopyOnWriteArrayList<>();

		final AtomicInteger failures = new AtomicInteger();

		@EventListener
		void on(PaymentPendingEvent event) {
			this.pending.add(event);
			if (this.failures.getAndDecrement() > 0) {
				throw new IllegalStateException("warehouse down");
			}
		}

	}

}
