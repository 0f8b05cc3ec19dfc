package io.github.springmidtrans.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API in a real Boot application on a random port, against the stateful
 * simulator: every endpoint over HTTP, the error mapping, and that no answer carries a
 * token or an idempotency key.
 */
@SpringBootTest(classes = MidtransRestApiIntegrationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "midtrans.web.api.enabled=true", "spring.datasource.generate-unique-name=true" })
@AutoConfigureMidtransSimulator
class MidtransRestApiIntegrationTests {

	private static final String CARD = "4811111111111114";

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	/** Every answer body, checked for secrets after each test. */
	private final List<String> answers = new CopyOnWriteArrayList<>();

	/** Secrets that must not appear in any answer. */
	private final List<String> secrets = new ArrayList<>();

	@LocalServerPort
	int port;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransClient client;

	@Autowired
	PaymentService payments;

	@Autowired
	InvoiceService invoices;

	@Autowired
	SubscriptionService subscriptions;

	@AfterEach
	void noAnswerCarriesASecret() {
		this.simulator.faults().clear();
		assertThat(this.answers).isNotEmpty();
		for (String answer : this.answers) {
			assertThat(answer).doesNotContainIgnoringCase("idempotency")
				.doesNotContainIgnoringCase("token")
				.doesNotContainIgnoringCase("refundKey")
				.doesNotContainIgnoringCase("chargeRequest")
				.doesNotContainIgnoringCase("chargeResponse")
				.doesNotContain(this.simulator.serverKey())
				.doesNotContain(CARD)
				.doesNotContain("\"trace\"");
			for (String secret : this.secrets) {
				assertThat(answer).doesNotContain(secret);
			}
		}
	}

	@Test
	void chargeReadPayRefreshAndRefund() throws Exception {
		Answer charged = post("/payments", """
				{"orderId":"API-PAY-1","grossAmount":150000,"paymentType":"gopay",
				 "items":[{"id":"SKU-1","name":"Coffee beans","price":75000,"quantity":2}],
				 "customer":{"firstName":"Budi","email":"budi@example.com","phone":"08111222333"}}
				""");
		assertThat(charged.status()).isEqualTo(201);
		assertThat(charged.location()).endsWith("/midtrans/api/payments/API-PAY-1");
		assertThat(charged.body().get("orderId").asString()).isEqualTo("API-PAY-1");
		assertThat(charged.body().get("status").asString()).isEqualTo("PENDING");
		assertThat(charged.body().get("paymentType").asString()).isEqualTo("gopay");
		assertThat(charged.body().get("deeplinkUrl").asString()).isNotBlank();
		assertThat(charged.body().get("grossAmount").decimalValue()).isEqualByComparingTo("150000");
		assertThat(charged.body().get("paid").asBoolean()).isFalse();
		this.secrets.add(this.payments.findByOrderId("API-PAY-1").orElseThrow().getIdempotencyKey());

		Answer detail = get("/payments/API-PAY-1");
		assertThat(detail.status()).isEqualTo(200);
		assertThat(detail.body().get("items")).hasSize(1);
		assertThat(detail.body().get("items").get(0).get("quantity").asInt()).isEqualTo(2);
		assertThat(detail.body().get("refunds")).isEmpty();
		assertThat(detail.body().get("customerEmail").asString()).isEqualTo("budi@example.com");

		Answer unpaidRefund = post("/payments/API-PAY-1/refunds", "{\"amount\":1000}", "Idempotency-Key",
				"api-pay-1-early");
		assertThat(unpaidRefund.status()).isEqualTo(409);
		assertThat(unpaidRefund.body().get("error").asString()).isEqualTo("CONFLICT");
		assertThat(unpaidRefund.body().get("message").asString()).contains("API-PAY-1", "PENDING");

		this.simulator.pay("API-PAY-1");
		Answer refreshed = post("/payments/API-PAY-1/status", null);
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.body().get("status").asString()).isEqualTo("SETTLEMENT");
		assertThat(refreshed.body().get("paid").asBoolean()).isTrue();

		Answer badAmount = post("/payments/API-PAY-1/refunds", "{\"amount\":-5}", "Idempotency-Key",
				"api-pay-1-negative");
		assertThat(badAmount.status()).isEqualTo(400);
		assertThat(badAmount.body().get("error").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(post("/payments/API-PAY-1/refunds", "{\"amount\":999999}", "Idempotency-Key", "api-pay-1-too-much")
			.status()).isEqualTo(400);
		assertThat(post("/payments/API-PAY-1/refunds", "{\"reason\":\"no amount\"}", "Idempotency-Key",
				"api-pay-1-no-amount")
			.status()).isEqualTo(400);

		Answer refund = post("/payments/API-PAY-1/refunds", "{\"amount\":30000,\"reason\":\"one bag less\"}",
				"Idempotency-Key", "api-pay-1-bag");
		assertThat(refund.status()).isEqualTo(201);
		assertThat(refund.body().get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(refund.body().get("amount").decimalValue()).isEqualByComparingTo("30000");
		assertThat(refund.body().get("reason").asString()).isEqualTo("one bag less");
		assertThat(refund.body().has("refundKey")).isFalse();
		this.payments.findRefunds("API-PAY-1").forEach((stored) -> this.secrets.add(stored.getRefundKey()));

		Answer afterRefund = get("/payments/API-PAY-1");
		assertThat(afterRefund.body().get("status").asString()).isEqualTo("PARTIAL_REFUND");
		assertThat(afterRefund.body().get("refundedAmount").decimalValue()).isEqualByComparingTo("30000");
		assertThat(afterRefund.body().get("refunds")).hasSize(1);
	}

	@Test
	void refundRetriedWithTheSameIdempotencyKeyRefundsOnce() throws Exception {
		assertThat(post("/payments", charge("API-PAY-9", "gopay", 50_000)).status()).isEqualTo(201);
		this.simulator.pay("API-PAY-9");
		post("/payments/API-PAY-9/status", null);

		Answer first = post("/payments/API-PAY-9/refunds", "{\"amount\":10000}", "Idempotency-Key", "shop-refund-42");
		Answer retried = post("/payments/API-PAY-9/refunds", "{\"amount\":10000}", "Idempotency-Key", "shop-refund-42");
		Answer otherAmount = post("/payments/API-PAY-9/refunds", "{\"amount\":20000}", "Idempotency-Key",
				"shop-refund-42");

		assertThat(first.status()).isEqualTo(201);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(retried.body().get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(otherAmount.status()).isEqualTo(409);
		assertThat(this.payments.findRefunds("API-PAY-9")).hasSize(1);
		assertThat(this.simulator.transaction("API-PAY-9").orElseThrow().refunds()).hasSize(1);
	}

	@Test
	void bankTransferChargeShowsItsVirtualAccount() throws Exception {
		Answer charged = post("/payments", """
				{"orderId":"API-VA-1","grossAmount":150000,"paymentType":"bank_transfer","bank":"bca"}
				""");
		assertThat(charged.status()).isEqualTo(201);
		assertThat(charged.body().get("bank").asString()).isEqualTo("bca");
		assertThat(charged.body().get("vaNumber").asString()).isNotBlank();
		assertThat(post("/payments", """
				{"orderId":"API-VA-2","grossAmount":150000,"paymentType":"bank_transfer","bank":"piggybank"}
				""").status()).isEqualTo(400);
	}

	@Test
	void cancelAndExpirePendingPayments() throws Exception {
		assertThat(post("/payments", charge("API-CANCEL-1", "gopay", 20_000)).status()).isEqualTo(201);
		Answer cancelled = post("/payments/API-CANCEL-1/cancel", null);
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCEL");

		assertThat(post("/payments", charge("API-EXPIRE-1", "qris", 25_000)).status()).isEqualTo(201);
		Answer expired = post("/payments/API-EXPIRE-1/expire", null);
		assertThat(expired.status()).isEqualTo(200);
		assertThat(expired.body().get("status").asString()).isEqualTo("EXPIRE");
		assertThat(this.simulator.transaction("API-EXPIRE-1").orElseThrow().transactionStatus()).isEqualTo("expire");
	}

	@Test
	void authorizedCardPaymentIsCaptured() throws Exception {
		String tokenId = this.client.cards().token(CardTokenRequest.of(CARD, "12", "2030", "123")).tokenId();
		this.secrets.add(tokenId);
		Answer authorized = post("/payments", """
				{"orderId":"API-CARD-1","grossAmount":80000,"paymentType":"credit_card","cardTokenId":"%s",
				 "cardAuthentication":false,"cardAuthorizeOnly":true}
				""".formatted(tokenId));
		assertThat(authorized.status()).isEqualTo(201);
		assertThat(authorized.body().get("status").asString()).isEqualTo("AUTHORIZE");

		Answer captured = post("/payments/API-CARD-1/capture", "{\"amount\":80000}");
		assertThat(captured.status()).isEqualTo(200);
		assertThat(captured.body().get("status").asString()).isEqualTo("CAPTURE");
		assertThat(captured.body().get("paid").asBoolean()).isTrue();
	}

	@Test
	void paymentsAreListedNewestFirstPageByPage() throws Exception {
		for (int i = 1; i <= 3; i++) {
			assertThat(post("/payments", charge("API-LIST-" + i, "qris", 10_000 + i)).status()).isEqualTo(201);
		}
		Answer first = get("/payments?limit=2");
		assertThat(first.status()).isEqualTo(200);
		assertThat(orderIds(first)).containsExactly("API-LIST-3", "API-LIST-2");
		long nextBefore = first.body().get("nextBefore").asLong();
		assertThat(nextBefore).isEqualTo(first.body().get("items").get(1).get("id").asLong());

		Answer second = get("/payments?limit=2&before=" + nextBefore);
		assertThat(orderIds(second)).first().isEqualTo("API-LIST-1");
		List<Long> ids = new ArrayList<>();
		second.body().get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a)).allMatch((id) -> id < nextBefore);

		Answer pending = get("/payments?status=pending&limit=100");
		assertThat(pending.body().get("items")).isNotEmpty()
			.allMatch((item) -> "PENDING".equals(item.get("status").asString()));
		assertThat(pending.body().get("nextBefore").isNull()).isTrue();

		assertThat(get("/payments?limit=0").status()).isEqualTo(400);
		assertThat(get("/payments?limit=101").status()).isEqualTo(400);
		assertThat(get("/payments?limit=ten").status()).isEqualTo(400);
		Answer badStatus = get("/payments?status=paid-ish");
		assertThat(badStatus.status()).isEqualTo(400);
		assertThat(badStatus.body().get("message").asString()).contains("SETTLEMENT");
	}

	@Test
	void invoiceIsCreatedListedReadAndVoided() throws Exception {
		String due = OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(7).withNano(0).toString();
		Answer created = post("/invoices", """
				{"orderId":"API-INV-1","dueDate":"%s","paymentType":"virtual_account","virtualAccounts":["bca_va"],
				 "customer":{"id":"C-1","name":"Budi","email":"budi@example.com","phone":"628111222333"},
				 "items":[{"itemId":"SKU-1","description":"Coffee beans","quantity":2,"price":75000}]}
				""".formatted(due));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.location()).endsWith("/midtrans/api/invoices/API-INV-1");
		assertThat(created.body().get("status").asString()).isEqualTo("PENDING");
		assertThat(created.body().get("invoiceNumber").asString()).startsWith("INV-");
		assertThat(created.body().get("midtransInvoiceId").asString()).isNotBlank();
		assertThat(created.body().get("items")).hasSize(1);
		this.secrets.add(this.invoices.findByOrderId("API-INV-1").orElseThrow().getIdempotencyKey());

		Answer listed = get("/invoices?status=PENDING");
		assertThat(listed.body().get("items")).anyMatch((item) -> "API-INV-1".equals(item.get("orderId").asString()));
		assertThat(get("/invoices/API-INV-1").body().get("customerName").asString()).isEqualTo("Budi");

		Answer voided = post("/invoices/API-INV-1/void", null);
		assertThat(voided.status()).isEqualTo(200);
		assertThat(voided.body().get("status").asString()).isEqualTo("VOIDED");
		assertThat(voided.body().get("voidedAt").isNull()).isFalse();
		assertThat(get("/invoices?status=voided").body().get("items"))
			.anyMatch((item) -> "API-INV-1".equals(item.get("orderId").asString()));

		assertThat(get("/invoices/API-INV-NONE").status()).isEqualTo(404);
		Answer noDueDate = post("/invoices", """
				{"orderId":"API-INV-2","paymentType":"virtual_account","virtualAccounts":["bca_va"],
				 "customer":{"name":"Budi"},"items":[{"description":"Coffee","quantity":1,"price":1000}]}
				""");
		assertThat(noDueDate.status()).isEqualTo(400);
		assertThat(noDueDate.body().get("message").asString()).isEqualTo("dueDate is required");
	}

	@Test
	void subscriptionIsCreatedDisabledEnabledAndCancelled() throws Exception {
		String savedToken = this.client.cards().register(CardRegisterRequest.of(CARD, "12", "2030")).savedTokenId();
		this.secrets.add(savedToken);
		this.secrets.add("api-sub-key-1");
		String body = """
				{"name":"APIMONTHLY","amount":14000,"paymentType":"credit_card","token":"%s",
				 "interval":1,"intervalUnit":"month","customer":{"firstName":"Budi","email":"budi@example.com"}}
				""".formatted(savedToken);
		Answer created = post("/subscriptions", body, "Idempotency-Key", "api-sub-key-1");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(created.body().get("amount").decimalValue()).isEqualByComparingTo("14000");
		String id = created.body().get("subscriptionId").asString();
		assertThat(created.location()).endsWith("/midtrans/api/subscriptions/" + id);

		Answer again = post("/subscriptions", body, "Idempotency-Key", "api-sub-key-1");
		assertThat(again.body().get("subscriptionId").asString()).isEqualTo(id);
		assertThat(this.simulator.subscriptions()).hasSize(1);

		assertThat(get("/subscriptions/" + id).body().get("name").asString()).isEqualTo("APIMONTHLY");
		assertThat(get("/subscriptions?status=active").body().get("items"))
			.anyMatch((item) -> id.equals(item.get("subscriptionId").asString()));
		assertThat(post("/subscriptions/" + id + "/disable", null).body().get("status").asString())
			.isEqualTo("DISABLED");
		assertThat(post("/subscriptions/" + id + "/enable", null).body().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(post("/subscriptions/" + id + "/cancel", null).body().get("status").asString())
			.isEqualTo("CANCELLED");
		Answer enableCancelled = post("/subscriptions/" + id + "/enable", null);
		assertThat(enableCancelled.status()).isEqualTo(409);
		assertThat(enableCancelled.body().get("error").asString()).isEqualTo("CONFLICT");
		assertThat(post("/subscriptions/sub-unknown/disable", null).status()).isEqualTo(404);
	}

	@Test
	void failuresBecomeSmallJsonAnswers() throws Exception {
		Answer unknown = get("/payments/API-NOPE");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.body().get("error").asString()).isEqualTo("NOT_FOUND");
		assertThat(unknown.body().get("message").asString()).contains("API-NOPE");
		assertThat(unknown.body().properties()).hasSize(2);
		assertThat(post("/payments/API-NOPE/cancel", null).status()).isEqualTo(404);
		assertThat(get("/subscriptions/sub-nope").status()).isEqualTo(404);

		Answer negative = post("/payments", charge("API-BAD-1", "gopay", -1));
		assertThat(negative.status()).isEqualTo(400);
		assertThat(negative.body().get("error").asString()).isEqualTo("INVALID_REQUEST");
		Answer unknownType = post("/payments", charge("API-BAD-2", "barter", 1000));
		assertThat(unknownType.status()).isEqualTo(400);
		assertThat(unknownType.body().get("message").asString()).contains("barter");
		Answer noBank = post("/payments", charge("API-BAD-3", "bank_transfer", 1000));
		assertThat(noBank.body().get("message").asString()).isEqualTo("bank is required");
		Answer malformed = post("/payments", "{\"orderId\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.body().get("error").asString()).isEqualTo("INVALID_REQUEST");
		assertThat(post("/payments/API-NOPE/capture", "{\"amount\":0}").status()).isEqualTo(400);

		assertThat(post("/payments", charge("API-DOWN-1", "gopay", 5000)).status()).isEqualTo(201);
		this.simulator.faults().on(SimulatorOperation.STATUS).always().serverError(503);
		Answer unavailable = post("/payments/API-DOWN-1/status", null);
		assertThat(unavailable.status()).isEqualTo(503);
		assertThat(unavailable.body().get("error").asString()).isEqualTo("MIDTRANS_UNAVAILABLE");
		this.simulator.faults().clear();

		assertThat(post("/payments/API-DOWN-1/cancel", null).body().get("status").asString()).isEqualTo("CANCEL");
		Answer rejected = post("/payments/API-DOWN-1/cancel", null);
		assertThat(rejected.status()).isEqualTo(502);
		assertThat(rejected.body().get("error").asString()).isEqualTo("MIDTRANS_REJECTED");
	}

	@Test
	void applicationErrorHandlingIsUntouched() throws Exception {
		HttpResponse<String> answer = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/shop/boom")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		this.answers.add(answer.body());
		assertThat(answer.statusCode()).isEqualTo(500);
		assertThat(answer.body()).doesNotContain("INVALID_REQUEST");
	}

	private static String charge(String orderId, String paymentType, long amount) {
		return """
				{"orderId":"%s","grossAmount":%d,"paymentType":"%s"}
				""".formatted(orderId, amount, paymentType);
	}

	private static List<String> orderIds(Answer answer) {
		List<String> ids = new ArrayList<>();
		answer.body().get("items").forEach((item) -> ids.add(item.get("orderId").asString()));
		return ids;
	}

	private Answer get(String path) throws Exception {
		return send(HttpRequest.newBuilder(uri(path)).GET());
	}

	private Answer post(String path, String body, String... headers) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return send(request);
	}

	private Answer send(HttpRequest.Builder request) throws Exception {
		HttpResponse<String> response = this.http.send(request.header("Accept", "application/json").build(),
				HttpResponse.BodyHandlers.ofString());
		this.answers.add(response.body());
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		return new Answer(response.statusCode(), this.json.readTree(response.body()),
				response.headers().firstValue("Location").orElse(""));
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + "/midtrans/api" + path);
	}

	record Answer(int status, JsonNode body, String location) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

		// A member class: registered with the application like a scanned controller.
		@RestController
		static class ShopController {

			@GetMapping("/shop/boom")
			String boom() {
				throw new IllegalArgumentException("the shop's own failure");
			}

		}

	}

}
