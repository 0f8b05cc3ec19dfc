package io.github.springmidtrans.autoconfigure;

import java.time.Clock;

import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.task.JobGuard;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.PaymentTasks;
import io.github.springmidtrans.task.TaskRetryListener;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link PaymentTaskService} and the schedules of its periodic jobs. The starter runs
 * them on its own executor and scheduler, and does not switch on
 * {@code @EnableScheduling} or {@code @EnableResilientMethods} for the application.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MidtransServiceAutoConfiguration.class)
@ConditionalOnBean({ PaymentService.class, InvoiceService.class, SubscriptionService.class })
public final class MidtransTaskAutoConfiguration {

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "midtransTaskExecutor")
	ThreadPoolTaskExecutor midtransTaskExecutor(MidtransProperties properties) {
		MidtransProperties.Tasks tasks = properties.getTasks();
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(tasks.getPoolSize());
		executor.setMaxPoolSize(tasks.getPoolSize());
		executor.setQueueCapacity(tasks.getQueueCapacity());
		executor.setThreadNamePrefix("midtrans-task-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(30);
		executor.initialize();
		return executor;
	}

	@Bean(destroyMethod = "shutdown")
	@ConditionalOnMissingBean(name = "midtransTaskScheduler")
	ThreadPoolTaskScheduler midtransTaskScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("midtrans-scheduler-");
		scheduler.initialize();
		return scheduler;
	}

	@Bean
	@ConditionalOnMissingBean
	PaymentTaskService midtransPaymentTaskService(PaymentService payments, InvoiceService invoices,
			SubscriptionService subscriptions, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ThreadPoolTaskExecutor midtransTaskExecutor,
			ThreadPoolTaskScheduler midtransTaskScheduler, MidtransProperties properties, ObjectProvider<Clock> clock,
			ObjectProvider<TaskRetryListener> retryListeners) {
		return PaymentTasks.create(payments, invoices, subscriptions,
				SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory), transactionManager,
				midtransTaskExecutor, midtransTaskScheduler, properties.getTasks(), clock.getIfUnique(Clock::systemUTC),
				retryListeners.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	MidtransTaskSchedules midtransTaskSchedules(ThreadPoolTaskScheduler midtransTaskScheduler,
			PaymentTaskService paymentTaskService, MidtransProperties properties, ObjectProvider<JobGuard> guard,
			ObjectProvider<JobRunListener> listeners) {
		return new MidtransTaskSchedules(midtransTaskScheduler, paymentTaskService, properties.getTasks(),
				guard.getIfAvailable(() -> JobGuard.NONE), listeners.orderedStream().toList());
	}

}
