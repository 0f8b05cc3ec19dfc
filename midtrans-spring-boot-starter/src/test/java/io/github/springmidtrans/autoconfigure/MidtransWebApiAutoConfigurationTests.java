package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.web.MidtransApiExceptionHandler;
import io.github.springmidtrans.web.MidtransInvoiceController;
import io.github.springmidtrans.web.MidtransPaymentController;
import io.github.springmidtrans.web.MidtransSubscriptionController;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransWebApiAutoConfiguration}.
 */
class MidtransWebApiAutoConfigurationTests {

	private static final AutoConfigurations STACK = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
			MidtransClientAutoConfiguration.class, MidtransPersistenceAutoConfiguration.class,
			MidtransServiceAutoConfiguration.class, MidtransWebApiAutoConfiguration.class);

	private static final String[] API_BEANS = { "midtransPaymentController", "midtransInvoiceController",
			"midtransSubscriptionController", "midtransApiExceptionHandler" };

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(STACK)
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true");

	@Test
	void apiIsOffByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(PaymentService.class);
			for (String name : API_BEANS) {
				assertThat(context).doesNotHaveBean(name);
			}
		});
	}

	@Test
	void apiIsServedWhenEnabled() {
		this.runner.withPropertyValues("midtrans.web.api.enabled=true").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(MidtransPaymentController.class)
				.hasSingleBean(MidtransInvoiceController.class)
				.hasSingleBean(MidtransSubscriptionController.class)
				.hasSingleBean(MidtransApiExceptionHandler.class);
			for (String name : API_BEANS) {
				assertThat(context).hasBean(name);
			}
		});
	}

	@Test
	void basePathIsBoundWithItsDefault() {
		this.runner.withPropertyValues("midtrans.web.api.enabled=true")
			.run((context) -> assertThat(context.getBean(MidtransProperties.class).getWeb().getApi().getBasePath())
				.isEqualTo("/midtrans/api"));
		this.runner.withPropertyValues("midtrans.web.api.enabled=true", "midtrans.web.api.base-path=/admin/pay")
			.run((context) -> assertThat(context.getBean(MidtransProperties.class).getWeb().getApi().getBasePath())
				.isEqualTo("/admin/pay"));
	}

	@Test
	void invalidBasePathStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("midtrans.web.api.enabled=true", "midtrans.web.api.base-path=admin/pay/")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("midtrans.web.api.base-path must be a plain path"));
	}

	@Test
	void noApiWithoutSpringMvc() {
		this.runner.withPropertyValues("midtrans.web.api.enabled=true")
			.withClassLoader(new FilteredClassLoader(DispatcherServlet.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PaymentService.class);
				assertThat(context).doesNotHaveBean(MidtransPaymentController.class);
				assertThat(context).doesNotHaveBean(MidtransApiExceptionHandler.class);
			});
	}

	@Test
	void noApiOutsideServletApplications() {
		new ApplicationContextRunner().withConfiguration(STACK)
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true",
					"midtrans.web.api.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PaymentService.class)
				.doesNotHaveBean(MidtransPaymentController.class));
	}

	@Test
	void backsOffForTheApplicationsOwnController() {
		this.runner.withPropertyValues("midtrans.web.api.enabled=true")
			.withUserConfiguration(OwnPaymentController.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MidtransPaymentController.class).hasBean("shopPaymentController");
				assertThat(context).doesNotHaveBean("midtransPaymentController");
				assertThat(context).hasBean("midtransInvoiceController");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnPaymentController {

		@Bean
		MidtransPaymentController shopPaymentController(PaymentService payments) {
			return new MidtransPaymentController(payments);
		}

	}

}
