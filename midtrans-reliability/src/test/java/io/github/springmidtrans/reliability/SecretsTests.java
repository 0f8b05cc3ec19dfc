package io.github.springmidtrans.reliability;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A whole card payment (tokenize, charge, notification, status checks with a failure and
 * retries, refund over the REST API, a forged notification, every Actuator endpoint) with
 * every logger at DEBUG or finer (OkHttp, Hibernate SQL and bind parameters, Spring web
 * with request details): the server key, the Authorization header, the card number, the
 * CVV and the card token appear in no log line and no page.
 */
class SecretsTests {

	private static final String SERVER_KEY = "SB-Mid-server-placeholder-reliability-test";

	private static final String CARD_NUMBER = "4811111111111114";

	private static final String CVV = "913";

	@Test
	void serverKeyAuthorizationHeaderAndCardDataAppearInNoLogLineAndNoPage() throws Exception {
		int port = Applications.freePort();
		AtomicReference<LogCapture> capture = new AtomicReference<>();
		try (MidtransSimulator simulator = MidtransSimulator.builder()
			.serverKey(SERVER_KEY)
			.notificationUrl("http://localhost:" + port + "/midtrans/notification")
			.build()
			.start();
				ConfigurableApplicationContext context = Applications
					.builder(simulator, true, null, "server.port=" + port,
							"midtrans.client-key=" + simulator.clientKey(), "midtrans.web.api.enabled=true",
							"logging.level.root=DEBUG", "logging.level.io.github.springmidtrans=TRACE",
							"logging.level.okhttp3=TRACE", "logging.level.mockwebserver3=TRACE",
							"logging.level.org.hibernate.SQL=DEBUG", "logging.level.org.hibernate.orm.jdbc.bind=TRACE",
							"logging.level.org.springframework.web=TRACE", "spring.mvc.log-request-details=true",
							"logging.pattern.console=", "management.endpoints.web.exposure.include=*",
							"management.endpoint.health.show-details=always",
							"midtrans.tasks.check-payment-status.delay=10ms")
					// Attached once Spring Boot has set up logging, which replaces
					// appenders.
					.listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) (event) -> capture
						.compareAndSet(null, new LogCapture(null)))
					.run()) {
			try {
				List<String> pages = new ArrayList<>();
				MidtransClient client = context.getBean(MidtransClient.class);
				PaymentService payments = context.getBean(PaymentService.class);
				PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
				String token = client.cards().token(CardTokenRequest.of(CARD_NUMBER, "12", "2030", CVV)).tokenId();
				assertThat(token).isNotBlank();

				payments.charge(ChargeRequest.creditCard("SECRET-1", 150_000, token).build());
				simulator.pay("SECRET-1"); // 3DS passed: capture
				simulator.settle("SECRET-1");
				await().atMost(Duration.ofSeconds(10))
					.until(() -> payments.findByOrderId("SECRET-1")
						.orElseThrow()
						.getStatus() == PaymentStatus.SETTLEMENT);
				simulator.faults().on(SimulatorOperation.STATUS).times(2).serverError(503);
				tasks.checkPaymentStatusAsync("SECRET-1").get(10, TimeUnit.SECONDS);

				HttpClient http = HttpClient.newHttpClient();
				pages.add(send(http,
						HttpRequest.newBuilder(Applications.uri(context, "/midtrans/api/payments/SECRET-1/refunds"))
							.header("Content-Type", "application/json")
							.header("Idempotency-Key", "secret-refund-1")
							.POST(HttpRequest.BodyPublishers.ofString("{\"amount\":50000,\"reason\":\"test\"}"))
							.build()));
				await().atMost(Duration.ofSeconds(10))
					.until(() -> payments.findByOrderId("SECRET-1")
						.orElseThrow()
						.getStatus() == PaymentStatus.PARTIAL_REFUND);
				pages.add(send(http,
						HttpRequest.newBuilder(Applications.uri(context, "/midtrans/notification"))
							.header("Content-Type", "application/json")
							.POST(HttpRequest.BodyPublishers.ofString(
									"{\"order_id\":\"SECRET-1\",\"status_code\":\"200\",\"gross_amount\":\"150000.00\","
											+ "\"transaction_status\":\"refund\",\"signature_key\":\"00\"}"))
							.build()));
				for (String path : List.of("/midtrans/api/payments/SECRET-1", "/midtrans/api/payments", "/actuator",
						"/actuator/health", "/actuator/midtrans", "/actuator/env", "/actuator/configprops",
						"/actuator/beans", "/actuator/metrics", "/actuator/loggers", "/actuator/mappings")) {
					pages.add(send(http, HttpRequest.newBuilder(Applications.uri(context, path)).GET().build()));
				}

				List<String> lines = capture.get().rendered();
				String basic = Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8));
				String tokenSecret = token.substring(token.lastIndexOf('-') + 1);
				System.out.println("secrets: " + lines.size() + " log lines and " + pages.size()
						+ " pages checked for the server key, the Authorization header and card data");
				assertThat(lines).hasSizeGreaterThan(1000);
				assertThat(lines).anySatisfy((line) -> assertThat(line).contains("SECRET-1"));
				assertThat(lines).anySatisfy((line) -> assertThat(line).contains("org.hibernate.orm.jdbc.bind"));
				Map<String, String> secrets = Map.of("server key", SERVER_KEY, "Authorization header", basic,
						"start of the Authorization header", basic.substring(0, 24), "card number", CARD_NUMBER,
						"card token", token, "card token's secret part", tokenSecret);
				List<String> leaks = new ArrayList<>();
				for (List<String> texts : List.of(lines, pages)) {
					for (String text : texts) {
						secrets.forEach((name, secret) -> {
							int at = text.indexOf(secret);
							if (at >= 0) {
								leaks.add(name + " in: " + text.substring(Math.max(0, at - 300), at));
							}
						});
						if (text.toLowerCase(Locale.ROOT).contains("cvv")
								&& text.matches("(?s).*\\b" + CVV + "\\b.*")) {
							leaks.add("CVV in: " + text);
						}
					}
				}
				assertThat(leaks).isEmpty();
			}
			finally {
				if (capture.get() != null) {
					capture.get().close();
				}
			}
		}
	}

	private static String send(HttpClient http, HttpRequest request) throws Exception {
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(request.uri().toString()).isLessThan(500);
		return request.uri() + " " + response.statusCode() + " " + response.headers() + " " + response.body();
	}

}
