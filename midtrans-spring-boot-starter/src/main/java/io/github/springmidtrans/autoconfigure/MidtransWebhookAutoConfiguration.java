package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.web.MidtransNotificationServlet;
import io.github.springmidtrans.web.NotificationObserver;
import jakarta.servlet.Servlet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The notification endpoint ({@code POST /midtrans/notification} by default) in servlet
 * web applications, without needing Spring MVC. Turn it off with
 * {@code midtrans.webhook.enabled=false}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MidtransServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(Servlet.class)
@ConditionalOnBean(NotificationHandler.class)
@ConditionalOnBooleanProperty(name = "midtrans.webhook.enabled", matchIfMissing = true)
@EnableConfigurationProperties(MidtransProperties.class)
public final class MidtransWebhookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "midtransNotificationServletRegistration")
	ServletRegistrationBean<MidtransNotificationServlet> midtransNotificationServletRegistration(
			NotificationHandler handler, MidtransProperties properties,
			ObjectProvider<NotificationObserver> observers) {
		MidtransProperties.Webhook webhook = properties.getWebhook();
		String path = webhook.getPath();
		if (!path.startsWith("/") || path.contains("*")) {
			throw new MidtransConfigurationException("midtrans.webhook.path",
					"must be a plain path starting with '/' (no wildcards)",
					"Set midtrans.webhook.path to a path such as /midtrans/notification.");
		}
		ServletRegistrationBean<MidtransNotificationServlet> registration = new ServletRegistrationBean<>(
				new MidtransNotificationServlet(handler, webhook.getMaxBodySize().toBytes(),
						observers.orderedStream().toList()),
				path);
		registration.setName("midtransNotificationServlet");
		return registration;
	}

}
