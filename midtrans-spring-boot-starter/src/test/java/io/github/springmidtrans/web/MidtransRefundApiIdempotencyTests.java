package io.github.springmidtrans.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST refund endpoint requires an {@code Idempotency-Key}: without one nothing is
 * recorded and no money moves; with one, however often and however concurrently the
 * request is repeated, Midtrans is called once.
 */
@SpringBootTest(classes = MidtransRefundApiIdempotencyTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "midtrans.web.api.enabled=true", "spring.datasource.generate-unique-name=true",
				"midtrans.http.read-timeout=2s" })
@AutoConfigureMidtransSimulator
class MidtransRefundApiIdempotencyTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	PaymentService payments;

	@AfterEach
	void clearFaults() {
		this.simulator.faults().clear();
	}

	@Test
	void refundWithoutAnIdempotencyKeyIsRefusedAndRecordsNothing() throws Exception {
		paid("IDEM-1");

		Answer missing = refund("IDEM-1", "{\"amount\":10000}", null);
		Answer blank = refund("IDEM-1", "{\"amount\":10000}", " ");

		for (Answer answer : List.of(missing, blank)) {
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.body().get("error").asString()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
			assertThat(answer.body().get("message").asString()).contains("Idempotency-Key");
		}
		assertThat(this.payments.findRefunds("IDEM-1")).isEmpty();
		assertThat(refundCalls("IDEM-1")).isEmpty();
		assertThat(this.payments.findByOrderId("IDEM-1").orElseThrow().getRefundedAmount()).isZero();
	}

	@Test
	void refundWithAnInvalidIdempotencyKeyIsRefusedAndRecordsNothing() throws Exception {
		paid("IDEM-2");

		for (String key : List.of("refund 2", "refund#2", "r".repeat(101))) {
			Answer answer = refund("IDEM-2", "{\"amount\":10000}", key);
			assertThat(answer.status()).isEqualTo(400);
			assertThat(answer.body().get("error").asString()).isEqualTo("INVALID_REQUEST");
			assertThat(answer.body().get("message").asString()).contains("Idempotency-Key");
		}
		assertThat(this.payments.findRefunds("IDEM-2")).isEmpty();
		assertThat(refundCalls("IDEM-2")).isEmpty();
	}

	@Test
	void sameIdempotencyKeyTwiceAnswersTheSameRefundAndCallsMidtransOnce() throws Exception {
		paid("IDEM-3");

		Answer first = refund("IDEM-3", "{\"amount\":10000}", "shop-refund-3");
		Answer again = refund("IDEM-3", "{\"amount\":10000}", "shop-refund-3");

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(201);
		assertThat(again.body().get("id").asLong()).isEqualTo(first.body().get("id").asLong());
		assertThat(again.body().get("state").asString()).isEqualTo("SUCCEEDED");
		assertThat(refundCalls("IDEM-3")).hasSize(1);
		assertThat(this.payments.findRefunds("IDEM-3")).hasSize(1);
		assertThat(this.simulator.transaction("IDEM-3").orElseThrow().refunds()).hasSize(1);
	}

	@Test
	void concurrentRequestsWithOneIdempotencyKeyCallMidtransOnce() throws Exception {
		paid("IDEM-4");
		// The first call stays at Midtrans long enough for every other request to arrive.
		this.simulator.faults().on(SimulatorOperation.REFUND).once().latency(Duration.ofMillis(500));

		List<Answer> answers = concurrently(4, () -> refund("IDEM-4", "{\"amount\":10000}", "shop-refund-4"));

		assertThat(answers).allSatisfy((answer) -> {
			assertThat(answer.status()).isEqualTo(201);
			assertThat(answer.body().get("state").asString()).isEqualTo("SUCCEEDED");
		});
		assertThat(answers).extracting((answer) -> answer.body().get("id").asLong())
			.containsOnly(answers.get(0).body().get("id").asLong());
		assertThat(refundCalls("IDEM-4")).hasSize(1);
		assertThat(this.payments.findRefunds("IDEM-4")).hasSize(1);
		assertThat(this.simulator.transaction("IDEM-4").orElseThrow().refunds()).hasSize(1);
	}

	private void paid(String orderId) {
		this.payments.charge(ChargeRequest.gopay(orderId, 50_000).build());
		this.simulator.pay(orderId);
		this.payments.refreshStatus(orderId);
	}

	private List<RecordedCall> refundCalls(String orderId) {
		return this.simulator.requestsTo(SimulatorOperation.REFUND)
			.stream()
			.filter((call) -> orderId.equals(call.orderId()))
			.toList();
	}

	private Answer refund(String orderId, String body, String idempotencyKey) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/midtrans/api/payments/" + orderId + "/refunds"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (idempotencyKey != null) {
			request.header("Idempotency-Key", idempotencyKey);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.body()).doesNotContain(this.simulator.serverKey());
		return new Answer(response.statusCode(), this.json.readTree(response.body()));
	}

	private static <T> List<T> concurrently(int callers, Call<T> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<T>> started = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				started.add(pool.submit(() -> {
					start.await();
					return call.run();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : started) {
				results.add(future.get(20, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	interface Call<T> {

		T run() throws Exception;

	}

	record Answer(int status, JsonNode body) {

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
