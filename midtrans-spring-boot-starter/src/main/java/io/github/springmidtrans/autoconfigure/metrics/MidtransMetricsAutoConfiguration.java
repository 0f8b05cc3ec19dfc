package io.github.springmidtrans.autoconfigure.metrics;

import java.time.Duration;
import java.util.Locale;

import io.github.springmidtrans.autoconfigure.MidtransClientBuilderCustomizer;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentFlaggedEvent;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.TaskRetryListener;
import io.github.springmidtrans.web.NotificationObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Micrometer meters, when a {@link MeterRegistry} exists:
 * <ul>
 * <li>{@code midtrans.client.requests} (timer): every call to Midtrans, tagged
 * {@code operation} and {@code outcome} ({@code success} or the exception's name);
 * retries show as further calls;</li>
 * <li>{@code midtrans.notifications} (counter): notifications answered, tagged
 * {@code outcome};</li>
 * <li>{@code midtrans.payments.transitions} (counter): payment transitions, tagged
 * {@code status} (the new one);</li>
 * <li>{@code midtrans.jobs} (timer): periodic job runs, tagged {@code job} and
 * {@code outcome}; {@code midtrans.jobs.items} (summary): items each run handled;</li>
 * <li>{@code midtrans.tasks.retries} (counter): retries of on-demand tasks, tagged
 * {@code task}.</li>
 * </ul>
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class MidtransMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "midtransMetricsClientCustomizer")
	MidtransClientBuilderCustomizer midtransMetricsClientCustomizer(MeterRegistry registry) {
		return (builder) -> builder
			.addCallListener((operation, outcome, httpStatus, duration) -> Timer.builder("midtrans.client.requests")
				.description("Calls to the Midtrans API")
				.tag("operation", operation.name().toLowerCase(Locale.ROOT))
				.tag("outcome", outcome)
				.register(registry)
				.record(duration));
	}

	@Bean
	@ConditionalOnMissingBean(name = "midtransMetricsNotificationObserver")
	NotificationObserver midtransMetricsNotificationObserver(MeterRegistry registry) {
		return (result) -> Counter.builder("midtrans.notifications")
			.description("Notifications from Midtrans, by outcome")
			.tag("outcome", result.outcome().name().toLowerCase(Locale.ROOT))
			.register(registry)
			.increment();
	}

	@Bean
	@ConditionalOnMissingBean(name = "midtransMetricsJobListener")
	JobRunListener midtransMetricsJobListener(MeterRegistry registry) {
		return (run) -> {
			Timer.builder("midtrans.jobs")
				.description("Runs of the periodic Midtrans jobs")
				.tag("job", run.job())
				.tag("outcome", (run.error() != null) ? "failure" : "success")
				.register(registry)
				.record(duration(run));
			DistributionSummary.builder("midtrans.jobs.items")
				.description("Items each run of a periodic Midtrans job handled")
				.tag("job", run.job())
				.register(registry)
				.record(run.items());
		};
	}

	@Bean
	@ConditionalOnMissingBean(name = "midtransMetricsRetryListener")
	TaskRetryListener midtransMetricsRetryListener(MeterRegistry registry) {
		return (task, attempt, failure) -> Counter.builder("midtrans.tasks.retries")
			.description("Retries of on-demand Midtrans tasks")
			.tag("task", task)
			.register(registry)
			.increment();
	}

	@Bean
	@ConditionalOnMissingBean(name = "midtransMetricsTransitionCounter")
	TransitionCounter midtransMetricsTransitionCounter(MeterRegistry registry) {
		return new TransitionCounter(registry);
	}

	private static Duration duration(JobRun run) {
		return (run.startedAt() != null && run.finishedAt() != null)
				? Duration.between(run.startedAt(), run.finishedAt()) : Duration.ZERO;
	}

	/**
	 * Counts payment transitions from the payment events.
	 */
	static final class TransitionCounter {

		private final MeterRegistry registry;

		TransitionCounter(MeterRegistry registry) {
			this.registry = registry;
		}

		@EventListener
		void on(PaymentEvent event) {
			if (event instanceof PaymentFlaggedEvent flagged) {
				Counter.builder("midtrans.payments.flagged")
					.description("Payments set aside for a person: Midtrans reported something that does not match "
							+ "the recorded intent")
					.tag("flag", flagged.flag().name().toLowerCase(Locale.ROOT))
					.register(this.registry)
					.increment();
				return;
			}
			Counter.builder("midtrans.payments.transitions")
				.description("Payment status transitions")
				.tag("status", event.status().name().toLowerCase(Locale.ROOT))
				.register(this.registry)
				.increment();
		}

	}

}
