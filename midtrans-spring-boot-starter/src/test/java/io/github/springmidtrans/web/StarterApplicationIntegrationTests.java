package io.github.springmidtrans.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Spring Boot application with only the starter, H2 and a server key: it starts, serves
 * the notification endpoint over HTTP, and a signed notification settles a payment and
 * reaches the application's listener.
 */
class StarterApplicationIntegrationTests {

	private static final String SERVER_KEY = "SB-Mid-server-STARTER-IT";

	@StartStop
	final MockWebServer midtrans = new MockWebServer();

	private ConfigurableApplicationContext context;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void startApplication() {
		this.context = new SpringApplicationBuilder(ShopApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "midtrans.server-key=" + SERVER_KEY,
					"midtrans.base-url=" + this.midtrans.url("/"), "spring.datasource.generate-unique-name=true",
					"spring.jpa.hibernate.ddl-auto=validate", "midtrans.webhook.max-body-size=4KB")
			.run();
	}

	@AfterEach
	void stopApplication() {
		this.context.close();
	}

	@Test
	void signedNotificationSettlesThePaymentAndReachesTheApplication() throws Exception {
		this.midtrans
			.enqueue(new MockResponse.Builder().headers(Headers.of("Content-Type", "application/json")).body("""
					{"status_code":"201","order_id":"SHOP-1","transaction_id":"tx-1","gross_amount":"150000.00",
					 "payment_type":"bank_transfer","transaction_status":"pending",
					 "va_numbers":[{"bank":"bca","va_number":"8127"}]}
					""").build());
		PaymentService payments = this.context.getBean(PaymentService.class);
		MidtransPayment pending = payments.charge(ChargeRequest.bankTransfer("SHOP-1", 150_000, Bank.BCA).build());
		assertThat(pending.getVaNumber()).isEqualTo("8127");
		this.midtrans.enqueue(status("SHOP-1", "settlement", "200"));

		HttpResponse<String> answer = post(notification("SHOP-1", "settlement", "200", "150000.00", SERVER_KEY));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"outcome\":\"PROCESSED\"}");
		assertThat(payments.findByOrderId("SHOP-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.context.getBean(ShopApplication.class).events)
			.extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PaymentPendingEvent", "PaymentSettledEvent");
	}

	@Test
	void replayedNotificationWithAnEditedStatusIsConfirmedByDefaultAndMovesNothing() throws Exception {
		this.midtrans.enqueue(status("SHOP-3", "pending", "201"));
		PaymentService payments = this.context.getBean(PaymentService.class);
		payments.charge(ChargeRequest.bankTransfer("SHOP-3", 150_000, Bank.BCA).build());
		this.midtrans.takeRequest();
		// The genuine pending notification (status_code 201, signed), re-posted with its
		// unsigned transaction_status edited: Midtrans still says pending.
		this.midtrans.enqueue(status("SHOP-3", "pending", "201"));

		HttpResponse<String> answer = post(notification("SHOP-3", "expire", "201", "150000.00", SERVER_KEY));

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(this.midtrans.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/SHOP-3/status");
		assertThat(payments.findByOrderId("SHOP-3").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.context.getBean(ShopApplication.class).events)
			.extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PaymentPendingEvent");
	}

	@Test
	void badRequestsGetPreciseClientErrors() throws Exception {
		assertThat(post("not json").statusCode()).isEqualTo(400);
		assertThat(post(notification("SHOP-2", "settlement", "200", "1.00", "SB-Mid-server-OTHER")).statusCode())
			.isEqualTo(401);
		HttpResponse<String> huge = post("{\"padding\":\"" + "x".repeat(5000) + "\"}");
		assertThat(huge.statusCode()).isEqualTo(413);
		assertThat(huge.body()).contains("TOO_LARGE");
		HttpResponse<String> get = this.http.send(HttpRequest.newBuilder(endpoint()).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(get.statusCode()).isEqualTo(405);
	}

	private static MockResponse status(String orderId, String status, String code) {
		return new MockResponse.Builder().headers(Headers.of("Content-Type", "application/json")).body("""
				{"status_code":"%s","order_id":"%s","transaction_id":"tx-1","gross_amount":"150000.00",
				 "payment_type":"bank_transfer","transaction_status":"%s",
				 "va_numbers":[{"bank":"bca","va_number":"8127"}]}
				""".formatted(code, orderId, status)).build();
	}

	private HttpResponse<String> post(String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(endpoint())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI endpoint() {
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + "/midtrans/notification");
	}

	private static String notification(String orderId, String status, String code, String amount, String key) {
		return """
				{"order_id":"%s","status_code":"%s","gross_amount":"%s","transaction_status":"%s",
				 "transaction_id":"tx-1","payment_type":"bank_transfer","signature_key":"%s"}
				""".formatted(orderId, code, amount, status, NotificationSignature.compute(orderId, code, amount, key));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

		final List<PaymentEvent> events = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PaymentEvent event) {
			this.events.add(event);
		}

	}

}
