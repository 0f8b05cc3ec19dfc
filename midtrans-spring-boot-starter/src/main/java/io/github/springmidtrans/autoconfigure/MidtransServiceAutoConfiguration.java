package io.github.springmidtrans.autoconfigure;

import java.time.Clock;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.payment.PaymentService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * {@link PaymentService} and {@link NotificationHandler}, on the application's JPA setup.
 * Payment events go to the application context: listen with {@code @EventListener}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { MidtransClientAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
		TransactionAutoConfiguration.class })
@ConditionalOnClass({ EntityManagerFactory.class, PaymentService.class })
@ConditionalOnBean({ MidtransClient.class, EntityManagerFactory.class, PlatformTransactionManager.class })
public final class MidtransServiceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PaymentService midtransPaymentService(MidtransClient client, EntityManagerFactory entityManagerFactory,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			ObjectProvider<Clock> clock) {
		return new PaymentService(client, sharedEntityManager(entityManagerFactory), transactionManager, publisher,
				clock.getIfUnique(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	NotificationHandler midtransNotificationHandler(MidtransClient client, PaymentService paymentService,
			EntityManagerFactory entityManagerFactory, PlatformTransactionManager transactionManager,
			MidtransProperties properties, ObjectProvider<Clock> clock) {
		return new NotificationHandler(client, paymentService, sharedEntityManager(entityManagerFactory),
				transactionManager, clock.getIfUnique(Clock::systemUTC), properties.getWebhook().isConfirmWithStatus());
	}

	private static EntityManager sharedEntityManager(EntityManagerFactory entityManagerFactory) {
		return SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory);
	}

}
