package io.github.springmidtrans.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import io.github.springmidtrans.event.MidtransEventOutbox;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.notification.NotificationAuditRetention;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.task.InvalidScheduleException;
import io.github.springmidtrans.task.JobGuard;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.PaymentTasks;
import io.github.springmidtrans.task.TaskRetryListener;
import io.micrometer.observation.ObservationRegistry;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link PaymentTaskService} and the schedules of its periodic jobs. The starter runs
 * them on its own executor and scheduler ({@code midtrans.tasks.pool-size},
 * {@code midtrans.tasks.scheduler-pool-size}), which are not beans of type
 * {@link TaskScheduler} or {@link Executor}: Spring Boot still creates the application's
 * own {@code taskScheduler} and {@code applicationTaskExecutor}. A bean named
 * {@code midtransTaskScheduler} (a {@link TaskScheduler}) or {@code midtransTaskExecutor}
 * (an {@link Executor}) replaces the matching pool. The starter does not switch on
 * {@code @EnableScheduling} or {@code @EnableResilientMethods} for the application.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MidtransServiceAutoConfiguration.class, TaskExecutionAutoConfiguration.class,
		TaskSchedulingAutoConfiguration.class })
@ConditionalOnBean({ PaymentService.class, InvoiceService.class, SubscriptionService.class })
@EnableConfigurationProperties(MidtransProperties.class)
public final class MidtransTaskAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean
	MidtransTaskThreads midtransTaskThreads(MidtransProperties properties,
			@Qualifier("midtransTaskScheduler") ObjectProvider<TaskScheduler> scheduler,
			@Qualifier("midtransTaskExecutor") ObjectProvider<Executor> executor) {
		return new MidtransTaskThreads(properties.getTasks(), scheduler.getIfAvailable(), executor.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PaymentTaskService midtransPaymentTaskService(PaymentService payments, InvoiceService invoices,
			SubscriptionService subscriptions, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, MidtransTaskThreads midtransTaskThreads,
			MidtransProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<TaskRetryListener> retryListeners) {
		return PaymentTasks.create(payments, invoices, subscriptions,
				SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), transactionManager,
				midtransTaskThreads.executor(), midtransTaskThreads.scheduler(), properties.getTasks(),
				clock.getIfUnique(Clock::systemUTC), retryListeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	MidtransTaskSchedules midtransTaskSchedules(MidtransTaskThreads midtransTaskThreads,
			PaymentTaskService paymentTaskService, MidtransProperties properties, ObjectProvider<JobGuard> guard,
			ObjectProvider<JobRunListener> listeners, ObjectProvider<ObservationRegistry> observations,
			ObjectProvider<MidtransEventOutbox> eventOutbox, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock) {
		try {
			MidtransTaskSchedules schedules = new MidtransTaskSchedules(midtransTaskThreads.scheduler(),
					paymentTaskService, properties.getTasks(), guard.getIfAvailable(() -> JobGuard.NONE),
					listeners.orderedStream().toList(), observations.getIfAvailable(() -> ObservationRegistry.NOOP));
			eventOutbox.ifAvailable((outbox) -> schedules.addEventRedelivery(properties.getTasks().getRedeliverEvents(),
					outbox::redeliver));
			Duration auditRetention = properties.getWebhook().getAuditRetention();
			if (auditRetention != null) {
				NotificationAuditRetention retention = new NotificationAuditRetention(
						SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), transactionManager,
						clock.getIfUnique(Clock::systemUTC), auditRetention);
				schedules.addNotificationPurge(properties.getTasks().getPurgeNotifications(), retention::purge);
			}
			return schedules;
		}
		catch (InvalidScheduleException ex) {
			// At startup, naming the key, in the application's failure report.
			throw new MidtransConfigurationException(ex.getProperty(),
					"is not a valid cron expression (\"" + ex.getCron() + "\")",
					"Use six fields with seconds, such as \"0 */10 * * * *\", or \"-\" to disable the job.");
		}
	}

}
