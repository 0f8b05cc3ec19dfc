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
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.payaccount.PayAccountLinkedEvent;
import io.github.springmidtrans.payaccount.PayAccountService;
import io.github.springmidtrans.payaccount.PayAccountState;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.subscription.SubscriptionChargedEvent;
import io.github.springmidtrans.subscription.SubscriptionService;
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

	@Test
	void subscriptionRenewalNotificationIsConfirmedAndRecordedWithItsEvent() throws Exception {
		SubscriptionService subscriptions = this.context.getBean(SubscriptionService.class);
		this.midtrans.enqueue(json(SUBSCRIPTION));
		subscriptions.create(
				SubscriptionRequest
					.creditCard("SUBSCRIBE-1779000001", 14_000, "48111111Placeholder0000001114",
							SubscriptionSchedule.every(1, IntervalUnit.MONTH))
					.build(),
				"key-1");
		this.midtrans.takeRequest();
		this.midtrans.enqueue(json(SUBSCRIPTION));
		this.midtrans.enqueue(json("""
				{"status_code":"200","order_id":"SUBSCRIBE-1779000001-1","transaction_id":"tx-renewal-1",
				 "gross_amount":"14000.00","currency":"IDR","payment_type":"credit_card",
				 "transaction_status":"capture","fraud_status":"accept"}
				"""));

		// The nested shape posted to the Recurring Notification URL: unsigned.
		HttpResponse<String> answer = post("""
				{"transaction":{"transaction_status":"capture","transaction_id":"tx-renewal-1","status_code":"200"},
				 "subscription":{"id":"sub-1","name":"SUBSCRIBE-1779000001","status":"active","amount":"14000",
				                 "currency":"IDR","payment_type":"credit_card",
				                 "token":"48111111Placeholder0000001114"},
				 "event_name":"subscription.charge"}
				""");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"outcome\":\"PROCESSED\"}");
		assertThat(this.midtrans.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-1");
		assertThat(this.midtrans.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/tx-renewal-1/status");
		PaymentService payments = this.context.getBean(PaymentService.class);
		assertThat(payments.findByOrderId("SUBSCRIBE-1779000001-1").orElseThrow().isPaid()).isTrue();
		assertThat(this.context.getBean(ShopApplication.class).accountEvents)
			.filteredOn(SubscriptionChargedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((SubscriptionChargedEvent) event).paid()).isTrue());
	}

	@Test
	void payAccountNotificationIsConfirmedAndLinksTheAccount() throws Exception {
		PayAccountService accounts = this.context.getBean(PayAccountService.class);
		this.midtrans.enqueue(json("""
				{"status_code":"201","payment_type":"gopay","account_id":"acc-1","account_status":"PENDING"}
				"""));
		accounts.link(PayAccountRequest.gopay("81212345678", "62", null));
		this.midtrans.takeRequest();
		this.midtrans.enqueue(json("""
				{"status_code":"200","payment_type":"gopay","account_id":"acc-1","account_status":"ENABLED"}
				"""));

		HttpResponse<String> answer = post("""
				{"account_id":"acc-1","merchant_id":"M000000","payment_type":"gopay","signature_key":"unverifiable",
				 "status_code":"200","account_status":"ENABLED","status_message":"Midtrans account_linked notification"}
				""");

		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.body()).isEqualTo("{\"outcome\":\"PROCESSED\"}");
		assertThat(this.midtrans.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account/acc-1");
		assertThat(accounts.findByAccountId("acc-1").orElseThrow().getStatus()).isEqualTo(PayAccountState.ENABLED);
		assertThat(this.context.getBean(ShopApplication.class).accountEvents).singleElement()
			.isInstanceOf(PayAccountLinkedEvent.class);
	}

	private static final String SUBSCRIPTION = """
			{"id":"sub-1","name":"SUBSCRIBE-1779000001","amount":"14000","currency":"IDR","status":"active",
			 "payment_type":"credit_card","schedule":{"interval":1,"interval_unit":"month"}}
			""";

	private static MockResponse json(String body) {
		return new MockResponse.Builder().headers(Headers.of("Content-Type", "application/json")).body(body).build();
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

		final List<Object> accountEvents = new CopyOnWriteArrayList<>();

		@EventListener
		void on(PaymentEvent event) {
			this.events.add(event);
		}

		@EventListener
		void on(Object event) {
			String name = event.getClass().getName();
			if (name.startsWith("io.github.springmidtrans.subscription.")
					|| name.startsWith("io.github.springmidtrans.payaccount.")) {
				this.accountEvents.add(event);
			}
		}

	}

}
