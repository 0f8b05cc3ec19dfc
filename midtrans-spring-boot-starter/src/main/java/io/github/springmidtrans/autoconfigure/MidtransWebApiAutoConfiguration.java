package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.web.MidtransApiExceptionHandler;
import io.github.springmidtrans.web.MidtransInvoiceController;
import io.github.springmidtrans.web.MidtransPaymentController;
import io.github.springmidtrans.web.MidtransSubscriptionController;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * The optional REST API over payments, invoices and subscriptions, served by Spring MVC
 * under {@code midtrans.web.api.base-path}. Off unless {@code midtrans.web.api.enabled}
 * is {@code true}. The API moves money and has no security of its own: the application
 * must protect it, for example with Spring Security.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = MidtransServiceAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ RestController.class, DispatcherServlet.class })
@ConditionalOnBooleanProperty(name = "midtrans.web.api.enabled")
@EnableConfigurationProperties(MidtransProperties.class)
public final class MidtransWebApiAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PaymentService.class)
	MidtransPaymentController midtransPaymentController(PaymentService payments, MidtransProperties properties) {
		checkBasePath(properties);
		return new MidtransPaymentController(payments);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(InvoiceService.class)
	MidtransInvoiceController midtransInvoiceController(InvoiceService invoices, MidtransProperties properties) {
		checkBasePath(properties);
		return new MidtransInvoiceController(invoices);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(SubscriptionService.class)
	MidtransSubscriptionController midtransSubscriptionController(SubscriptionService subscriptions,
			MidtransProperties properties) {
		checkBasePath(properties);
		return new MidtransSubscriptionController(subscriptions);
	}

	@Bean
	@ConditionalOnMissingBean
	MidtransApiExceptionHandler midtransApiExceptionHandler() {
		return new MidtransApiExceptionHandler();
	}

	private static void checkBasePath(MidtransProperties properties) {
		String path = properties.getWeb().getApi().getBasePath();
		if (path == null || !path.startsWith("/") || path.endsWith("/") || path.contains("*") || path.contains("{")) {
			throw new MidtransConfigurationException("midtrans.web.api.base-path",
					"must be a plain path starting with '/' and not ending with '/' (no wildcards or variables)",
					"Set midtrans.web.api.base-path to a path such as /midtrans/api.");
		}
	}

}
