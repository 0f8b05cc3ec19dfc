package io.github.springmidtrans.autoconfigure.metrics;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.task.JobRunListener;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.task.TaskRetryListener;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransMetricsAutoConfiguration} in a running application.
 */
class MidtransMetricsAutoConfigurationTests {

	@Test
	void callsNotificationsTransitionsAndJobsAreMeasured() throws Exception {
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start();
				ConfigurableApplicationContext context = new SpringApplicationBuilder(ShopApplication.class)
					.web(WebApplicationType.SERVLET)
					.properties("server.port=0", "spring.datasource.generate-unique-name=true",
							"midtrans.base-url=" + simulator.baseUrl(), "midtrans.server-key=" + simulator.serverKey(),
							"midtrans.tasks.check-pending-payments.cron=-",
							"midtrans.tasks.expire-stale-payments.cron=-",
							"midtrans.tasks.check-overdue-invoices.cron=-",
							"midtrans.tasks.sync-subscription-status.cron=-",
							"midtrans.tasks.check-payment-status.delay=10ms")
					.run()) {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(PaymentService.class)
				.charge(ChargeRequest.bankTransfer("METRICS-1", 10_000, Bank.BCA).build());
			simulator.pay("METRICS-1");
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String signature = NotificationSignature.compute("METRICS-1", "200", "10000.00", simulator.serverKey());
			String body = """
					{"order_id":"METRICS-1","status_code":"200","gross_amount":"10000.00",
					 "transaction_status":"settlement","payment_type":"bank_transfer","signature_key":"%s"}
					""".formatted(signature);
			HttpResponse<String> answer = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/midtrans/notification"))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build(), HttpResponse.BodyHandlers.ofString());
			context.getBean(MidtransTaskSchedules.class).runNow(MidtransTaskSchedules.CHECK_OVERDUE_INVOICES);
			// A settled payment is skipped without a call: retry the check of one still
			// pending.
			context.getBean(PaymentService.class)
				.charge(ChargeRequest.bankTransfer("METRICS-2", 10_000, Bank.BCA).build());
			simulator.faults().on(SimulatorOperation.STATUS).once().serverError(503);
			context.getBean(PaymentTaskService.class).checkPaymentStatusAsync("METRICS-2").get(10, TimeUnit.SECONDS);

			assertThat(answer.statusCode()).isEqualTo(200);
			assertThat(registry.get("midtrans.client.requests")
				.tag("operation", "charge")
				.tag("outcome", "success")
				.timer()
				.count()).isEqualTo(2);
			assertThat(registry.get("midtrans.notifications").tag("outcome", "processed").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("midtrans.payments.transitions").tag("status", "pending").counter().count())
				.isEqualTo(2);
			assertThat(registry.get("midtrans.payments.transitions").tag("status", "settlement").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("midtrans.jobs")
				.tag("job", MidtransTaskSchedules.CHECK_OVERDUE_INVOICES)
				.tag("outcome", "success")
				.timer()
				.count()).isEqualTo(1);
			assertThat(registry.get("midtrans.jobs.items")
				.tag("job", MidtransTaskSchedules.CHECK_OVERDUE_INVOICES)
				.summary()
				.count()).isEqualTo(1);
			assertThat(registry.get("midtrans.tasks.retries").tag("task", "checkPaymentStatus").counter().count())
				.isEqualTo(1);
		}
	}

	@Test
	void noMetersWithoutARegistryAndUserBeansWin() {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(MidtransMetricsAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean("midtransMetricsClientCustomizer")
			.doesNotHaveBean(JobRunListener.class));
		runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withBean("midtransMetricsJobListener", JobRunListener.class, () -> (run) -> {
			})
			.run((context) -> assertThat(context).hasBean("midtransMetricsClientCustomizer")
				.hasSingleBean(JobRunListener.class)
				.hasSingleBean(TaskRetryListener.class));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
