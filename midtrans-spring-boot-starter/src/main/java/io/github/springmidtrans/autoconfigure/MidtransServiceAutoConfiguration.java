package io.github.springmidtrans.autoconfigure;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.event.EventOutboxOptions;
import io.github.springmidtrans.event.MidtransEventOutbox;
import io.github.springmidtrans.invoice.InvoicePaymentListener;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.notification.MidtransCreatedTransactions;
import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.payaccount.PayAccountService;
import io.github.springmidtrans.payment.ChargeDefaults;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.SnapDefaults;
import io.github.springmidtrans.query.MidtransQueries;
import io.github.springmidtrans.subscription.SubscriptionService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link PaymentService}, {@link InvoiceService}, {@link SubscriptionService},
 * {@link PayAccountService} and {@link NotificationHandler}, on the application's JPA
 * setup. Events go to the application context through the {@link MidtransEventOutbox},
 * which records each in the transaction of its transition and delivers it at least once
 * ({@code midtrans.events.outbox=false} publishes in memory only): listen with
 * {@code @EventListener}, idempotent on the event's id. Notifications of transactions
 * Midtrans creates itself (subscription renewals, invoice payments) are recorded through
 * the subscription and invoice services.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MidtransClientAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
		TransactionAutoConfiguration.class })
@EnableConfigurationProperties(MidtransProperties.class)
@ConditionalOnClass({ EntityManagerFactory.class, PaymentService.class })
@ConditionalOnBean({ MidtransClient.class, EntityManagerFactory.class, PlatformTransactionManager.class })
public final class MidtransServiceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnProperty(prefix = "midtrans.events", name = "outbox", havingValue = "true", matchIfMissing = true)
	MidtransEventOutbox midtransEventOutbox(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			MidtransProperties properties, ObjectProvider<Clock> clock) {
		MidtransProperties.Events events = properties.getEvents();
		EventOutboxOptions options;
		try {
			options = new EventOutboxOptions(events.getRetryDelay(), events.getMaxRetryDelay(), events.getRetention());
		}
		catch (IllegalArgumentException ex) {
			throw new MidtransConfigurationException("midtrans.events.retry-delay",
					"must not be negative nor longer than midtrans.events.max-retry-delay, and the retention must"
							+ " not be negative",
					"Set durations such as retry-delay: 1m, max-retry-delay: 1h, retention: 7d.");
		}
		return new MidtransEventOutbox(sharedEntityManager(entityManagerFactory), transactionManager, publisher,
				clock.getIfUnique(Clock::systemUTC), options);
	}

	/**
	 * Where the services' events go: the outbox, or the application context in memory.
	 */
	private static ApplicationEventPublisher events(ApplicationEventPublisher publisher,
			ObjectProvider<MidtransEventOutbox> outbox) {
		MidtransEventOutbox eventOutbox = outbox.getIfAvailable();
		return (eventOutbox != null) ? eventOutbox.publisher() : publisher;
	}

	@Bean
	@ConditionalOnMissingBean
	PaymentService midtransPaymentService(MidtransClient client, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			MidtransProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MidtransEventOutbox> outbox) {
		return new PaymentService(client, sharedEntityManager(entityManagerFactory), transactionManager,
				events(publisher, outbox), clock.getIfUnique(Clock::systemUTC), chargeDefaults(properties),
				snapDefaults(properties));
	}

	private static SnapDefaults snapDefaults(MidtransProperties properties) {
		MidtransProperties.Snap snap = properties.getSnap();
		Duration pageExpiry = snap.getPageExpiry();
		if (pageExpiry != null
				&& (pageExpiry.compareTo(Duration.ofMinutes(1)) < 0 || pageExpiry.compareTo(Duration.ofDays(7)) > 0)) {
			throw new MidtransConfigurationException("midtrans.snap.page-expiry",
					"is " + pageExpiry + " but Snap pages stay open 1 minute to 7 days",
					"Set midtrans.snap.page-expiry to a duration such as 30m or 2h, or remove it for 24 hours.");
		}
		for (String method : snap.getEnabledPayments()) {
			if (method == null || method.isBlank()) {
				throw new MidtransConfigurationException("midtrans.snap.enabled-payments", "holds a blank entry",
						"List Snap's method names, such as bca_va,echannel,other_qris,credit_card.");
			}
		}
		String finishUrl = snap.getFinishUrl();
		return new SnapDefaults(snap.getEnabledPayments(),
				(finishUrl != null && !finishUrl.isBlank()) ? finishUrl : null, pageExpiry);
	}

	private static ChargeDefaults chargeDefaults(MidtransProperties properties) {
		if (!"IDR".equalsIgnoreCase(properties.getCurrency())) {
			throw new MidtransConfigurationException("midtrans.currency",
					"is " + properties.getCurrency() + " but Midtrans takes IDR only",
					"Remove midtrans.currency or set it to IDR.");
		}
		if (properties.getEnabledPaymentMethods().contains(PaymentType.UNKNOWN)) {
			throw new MidtransConfigurationException("midtrans.enabled-payment-methods",
					"names a payment method Midtrans does not know",
					"Use Midtrans' names, such as bank_transfer, echannel, gopay, shopeepay, qris, cstore,"
							+ " credit_card, akulaku or kredivo.");
		}
		Duration expiry = properties.getPaymentExpiry();
		if (expiry != null && (expiry.isNegative() || expiry.isZero())) {
			throw new MidtransConfigurationException("midtrans.payment-expiry", "must be positive",
					"Set midtrans.payment-expiry to a duration such as 60m, or remove it.");
		}
		String notificationUrl = properties.getNotificationUrl();
		return new ChargeDefaults(
				(notificationUrl != null && !notificationUrl.isBlank()) ? List.of(notificationUrl) : List.of(), expiry,
				Set.copyOf(properties.getEnabledPaymentMethods()), properties.getGopayCallbackUrl(),
				properties.getShopeepayCallbackUrl());
	}

	@Bean
	@ConditionalOnMissingBean
	InvoiceService midtransInvoiceService(MidtransClient client, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			MidtransProperties properties, ObjectProvider<Clock> clock, ObjectProvider<MidtransEventOutbox> outbox) {
		return new InvoiceService(client, sharedEntityManager(entityManagerFactory), transactionManager,
				events(publisher, outbox), clock.getIfUnique(Clock::systemUTC), properties.getInvoicePrefix());
	}

	@Bean
	@ConditionalOnMissingBean
	SubscriptionService midtransSubscriptionService(MidtransClient client, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, PaymentService paymentService,
			ApplicationEventPublisher publisher, ObjectProvider<Clock> clock,
			ObjectProvider<MidtransEventOutbox> outbox) {
		return new SubscriptionService(client, sharedEntityManager(entityManagerFactory), transactionManager,
				paymentService, events(publisher, outbox), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	PayAccountService midtransPayAccountService(MidtransClient client, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			ObjectProvider<Clock> clock, ObjectProvider<MidtransEventOutbox> outbox) {
		return new PayAccountService(client, sharedEntityManager(entityManagerFactory), transactionManager,
				events(publisher, outbox), clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	NotificationHandler midtransNotificationHandler(MidtransClient client, PaymentService paymentService,
			SubscriptionService subscriptionService, InvoiceService invoiceService, PayAccountService payAccountService,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			MidtransProperties properties, ObjectProvider<Clock> clock) {
		return new NotificationHandler(client, paymentService, sharedEntityManager(entityManagerFactory),
				transactionManager, clock.getIfUnique(Clock::systemUTC), properties.getWebhook().isConfirmWithStatus(),
				MidtransCreatedTransactions.handlers(subscriptionService, invoiceService), subscriptionService,
				payAccountService);
	}

	@Bean
	@ConditionalOnMissingBean
	MidtransQueries midtransQueries(EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager) {
		return new MidtransQueries(sharedEntityManager(entityManagerFactory), transactionManager);
	}

	@Bean
	@ConditionalOnMissingBean(name = "midtransInvoicePaymentListener")
	InvoicePaymentListener midtransInvoicePaymentListener(InvoiceService invoiceService) {
		return new InvoicePaymentListener(invoiceService);
	}

	private static EntityManager sharedEntityManager(EntityManagerFactory entityManagerFactory) {
		return SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
	}

}
