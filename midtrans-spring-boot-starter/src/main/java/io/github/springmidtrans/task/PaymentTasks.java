package io.github.springmidtrans.task;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.subscription.SubscriptionService;
import jakarta.persistence.EntityManager;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Creates the default {@link PaymentTaskService}.
 *
 * @since 0.1.0
 */
public final class PaymentTasks {

	private PaymentTasks() {
	}

	/**
	 * Create the task service.
	 * @param payments the payment service
	 * @param invoices the invoice service
	 * @param subscriptions the subscription service
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param executor where task work runs
	 * @param scheduler where retries wait
	 * @param settings {@code midtrans.tasks}
	 * @param clock the clock
	 * @return the task service
	 */
	public static PaymentTaskService create(PaymentService payments, InvoiceService invoices,
			SubscriptionService subscriptions, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Executor executor, TaskScheduler scheduler,
			TaskProperties settings, Clock clock) {
		return create(payments, invoices, subscriptions, entityManager, transactionManager, executor, scheduler,
				settings, clock, List.of());
	}

	/**
	 * Create the task service, telling listeners about retries.
	 * @param payments the payment service
	 * @param invoices the invoice service
	 * @param subscriptions the subscription service
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param executor where task work runs
	 * @param scheduler where retries wait
	 * @param settings {@code midtrans.tasks}
	 * @param clock the clock
	 * @param retryListeners told about every retry
	 * @return the task service
	 */
	public static PaymentTaskService create(PaymentService payments, InvoiceService invoices,
			SubscriptionService subscriptions, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Executor executor, TaskScheduler scheduler,
			TaskProperties settings, Clock clock, List<TaskRetryListener> retryListeners) {
		return new DefaultPaymentTaskService(payments, invoices, subscriptions, entityManager, transactionManager,
				new BackOffRunner(executor, scheduler, retryListeners), settings, clock);
	}

}
