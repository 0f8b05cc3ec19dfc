package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.web.MidtransNotificationServlet;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransWebhookAutoConfiguration}.
 */
class MidtransWebhookAutoConfigurationTests {

	private static final AutoConfigurations STACK = AutoConfigurations.of(DataSourceAutoConfiguration.class,
			HibernateJpaAutoConfiguration.class, TransactionAutoConfiguration.class,
			MidtransClientAutoConfiguration.class, MidtransPersistenceAutoConfiguration.class,
			MidtransServiceAutoConfiguration.class, MidtransWebhookAutoConfiguration.class);

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(STACK)
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true");

	@Test
	void endpointIsServedAtTheDefaultPath() {
		this.runner.run((context) -> {
			ServletRegistrationBean<?> registration = context.getBean("midtransNotificationServletRegistration",
					ServletRegistrationBean.class);
			assertThat(registration.getServlet()).isInstanceOf(MidtransNotificationServlet.class);
			assertThat(registration.getUrlMappings()).containsExactly("/midtrans/notification");
		});
	}

	@Test
	void pathIsConfigurable() {
		this.runner.withPropertyValues("midtrans.webhook.path=/hooks/midtrans")
			.run((context) -> assertThat(
					context.getBean("midtransNotificationServletRegistration", ServletRegistrationBean.class)
						.getUrlMappings())
				.containsExactly("/hooks/midtrans"));
	}

	@Test
	void wildcardPathStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("midtrans.webhook.path=/hooks/*")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("midtrans.webhook.path must be a plain path"));
	}

	@Test
	void endpointCanBeSwitchedOff() {
		this.runner.withPropertyValues("midtrans.webhook.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean("midtransNotificationServletRegistration"));
	}

	@Test
	void noEndpointOutsideServletApplications() {
		new ApplicationContextRunner().withConfiguration(STACK)
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "spring.datasource.generate-unique-name=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("midtransNotificationHandler")
				.doesNotHaveBean("midtransNotificationServletRegistration"));
	}

	@Test
	void noEndpointWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(jakarta.servlet.Servlet.class))
			.run((context) -> assertThat(context).doesNotHaveBean("midtransNotificationServletRegistration"));
	}

}
