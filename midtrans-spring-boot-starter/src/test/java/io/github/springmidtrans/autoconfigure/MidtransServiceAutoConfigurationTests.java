package io.github.springmidtrans.autoconfigure;

import java.time.Clock;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.springmidtrans.autoconfigure.shop.Payment;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.metamodel.EntityType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link MidtransPersistenceAutoConfiguration} and
 * {@link MidtransServiceAutoConfiguration} on an embedded H2 database.
 */
class MidtransServiceAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
				MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class))
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.jpa.hibernate.ddl-auto=validate",
				"spring.datasource.generate-unique-name=true");

	@Test
	void servicesRunOnTablesCreatedFromTheShippedScript() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("midtransPaymentService").hasBean("midtransNotificationHandler");
			assertThat(context).hasSingleBean(PaymentService.class).hasSingleBean(NotificationHandler.class);
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(jdbc.queryForObject(
					"select count(*) from information_schema.indexes where index_name = 'IX_MIDTRANS_PAYMENT_STATUS_CHECK'",
					Integer.class))
				.isPositive();
		});
	}

	@Test
	void midtransEntitiesSitBesideTheApplicationsOwn() {
		this.runner.withUserConfiguration(ShopApplication.class)
			.withPropertyValues("spring.jpa.hibernate.ddl-auto=update")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Set<String> entities = context.getBean(EntityManagerFactory.class)
					.getMetamodel()
					.getEntities()
					.stream()
					.map(EntityType::getName)
					.collect(Collectors.toSet());
				assertThat(entities).contains("Payment", "MidtransPayment", "MidtransRefund", "MidtransNotification");
			});
	}

	@Test
	void chargeDefaultsComeFromProperties() {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			this.runner
				.withPropertyValues("midtrans.base-url=" + simulator.baseUrl(),
						"midtrans.server-key=" + simulator.serverKey(),
						"midtrans.enabled-payment-methods=gopay,bank_transfer", "midtrans.payment-expiry=45m",
						"midtrans.gopay-callback-url=shop://paid",
						"midtrans.notification-url=https://shop.example/midtrans/notification")
				.run((context) -> {
					PaymentService payments = context.getBean(PaymentService.class);
					payments.charge(ChargeRequest.gopay("DEFAULTS-1", 20_000).build());

					RecordedCall charge = simulator.requestsTo(SimulatorOperation.CHARGE).get(0);
					assertThat(charge.header("X-Override-Notification"))
						.isEqualTo("https://shop.example/midtrans/notification");
					assertThat(charge.body()).contains("\"expiry_duration\":45").contains("shop://paid");
					assertThatIllegalArgumentException()
						.isThrownBy(() -> payments.charge(ChargeRequest.qris("DEFAULTS-2", 1_000).build()))
						.withMessageContaining("not among the enabled payment methods");
				});
		}
	}

	@Test
	void currencyOtherThanRupiahStopsStartup() {
		this.runner.withPropertyValues("midtrans.currency=EUR")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessage("midtrans.currency is EUR but Midtrans takes IDR only"));
	}

	@Test
	void schemaCreationCanBeSwitchedOff() {
		this.runner.withPropertyValues("midtrans.jdbc.initialize-schema=never", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(
							MidtransPersistenceAutoConfiguration.MidtransDataSourceScriptDatabaseInitializer.class);
				assertThat(new JdbcTemplate(context.getBean(DataSource.class)).queryForObject(
						"select count(*) from information_schema.tables where table_name = 'MIDTRANS_PAYMENT'",
						Integer.class))
					.isZero();
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnServices() {
		this.runner.withUserConfiguration(OwnPaymentService.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PaymentService.class).hasBean("myPaymentService");
			assertThat(context).doesNotHaveBean("midtransPaymentService");
		});
	}

	@Test
	void nothingPersistentWithoutJpa() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MidtransClientAutoConfiguration.class,
					MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class))
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc")
			.withClassLoader(new FilteredClassLoader(EntityManagerFactory.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("midtransClient")
				.doesNotHaveBean(PaymentService.class)
				.doesNotHaveBean(NotificationHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class ShopApplication {

		// What @SpringBootApplication does for the application's own package.
		@Bean
		static BeanFactoryPostProcessor shopPackage() {
			return (beanFactory) -> AutoConfigurationPackages.register((BeanDefinitionRegistry) beanFactory,
					Payment.class.getPackageName());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPaymentService {

		@Bean
		PaymentService myPaymentService(io.github.springmidtrans.client.MidtransClient client,
				EntityManagerFactory entityManagerFactory,
				org.springframework.transaction.PlatformTransactionManager transactionManager,
				org.springframework.context.ApplicationEventPublisher publisher) {
			return new PaymentService(client, org.springframework.orm.jpa.SharedEntityManagerCreator
				.createSharedEntityManager(entityManagerFactory), transactionManager, publisher,
					java.time.Clock.systemUTC());
		}

	}

}
