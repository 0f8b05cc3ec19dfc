package io.github.springmidtrans.reliability;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.NotificationDelivery;
import io.github.springmidtrans.test.TransactionSnapshot;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Thousands of notifications over HTTP: every real one sent twice, held back and released
 * newest first or in order, re-played out of order from several threads, racing status
 * polls that go through a slow Midtrans, among forged ones (wrong signatures) and ones
 * with a tampered amount. Afterwards every payment equals Midtrans' transaction, each
 * real transition fired exactly one event, and every invalid notification was rejected
 * and kept in the audit log.
 */
class WebhookChaosTests {

	private static final long AMOUNT = 50_000;

	@Test
	void notificationChaosEndsInMidtransStateWithOneEventPerTransition() throws Exception {
		long seed = Long.getLong("midtrans.chaos.seed", new SecureRandom().nextLong());
		int orders = LongTests.count(150, 1500);
		Random random = new Random(seed);
		int port = Applications.freePort();
		try (MidtransSimulator simulator = MidtransSimulator.builder()
			.notificationUrl("http://localhost:" + port + "/midtrans/notification")
			.build()
			.start();
				ConfigurableApplicationContext context = Applications.start(simulator, true, null,
						"server.port=" + port, "logging.level.io.github.springmidtrans=WARN",
						"spring.datasource.hikari.maximum-pool-size=16")) {
			PaymentService payments = context.getBean(PaymentService.class);
			PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
			EventLog events = context.getBean(EventLog.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			URI endpoint = Applications.uri(context, "/midtrans/notification");
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			ExecutorService pool = Executors.newFixedThreadPool(6);
			Map<String, Integer> expectedRejections = new ConcurrentHashMap<>();
			AtomicInteger sent = new AtomicInteger();
			AtomicInteger polls = new AtomicInteger();

			simulator.notifications().duplicateEach(true);
			simulator.notifications().hold();
			simulator.faults().onPath("/v2/.+/status").always().latency(Duration.ofMillis(5));
			List<String> orderIds = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				String orderId = "CHAOS-" + i;
				orderIds.add(orderId);
				ChargeRequest charge = (i % 5 == 2 || i % 5 == 4) ? ChargeRequest.gopay(orderId, AMOUNT).build()
						: ChargeRequest.bankTransfer(orderId, AMOUNT, Bank.BCA).build();
				payments.charge(charge);
				switch (i % 5) {
					case 0, 2, 4 -> simulator.pay(orderId);
					case 1 -> simulator.expire(orderId);
					default -> {
						if (random.nextBoolean()) {
							simulator.deny(orderId);
						}
					}
				}
			}

			// Release the held notifications (two of each) newest first or in order,
			// while status polls, forged and tampered notifications race them.
			List<Future<?>> racing = new ArrayList<>();
			for (int t = 0; t < 6; t++) {
				long threadSeed = random.nextLong();
				racing.add(pool.submit(() -> {
					Random local = new Random(threadSeed);
					for (int n = 0; n < orders / 2; n++) {
						String orderId = orderIds.get(local.nextInt(orderIds.size()));
						switch (local.nextInt(3)) {
							case 0 -> {
								tasks.checkPaymentStatus(orderId);
								polls.incrementAndGet();
							}
							case 1 -> {
								String code = "200";
								String body = notification(orderId, "settlement", code, "50000.00",
										NotificationSignature.compute(orderId, code, "50000.00",
												"SB-Mid-server-FORGED-" + local.nextInt()));
								expect(post(http, endpoint, body), 401, "INVALID_SIGNATURE", expectedRejections);
								sent.incrementAndGet();
							}
							default -> {
								String amount = local.nextBoolean() ? "1.00" : "5000000.00";
								String body = notification(orderId, "settlement", "200", amount,
										NotificationSignature.compute(orderId, "200", amount, simulator.serverKey()));
								expect(post(http, endpoint, body), 200, "AMOUNT_MISMATCH", expectedRejections);
								sent.incrementAndGet();
							}
						}
					}
					return null;
				}));
			}
			if (random.nextBoolean()) {
				simulator.notifications().releaseInReverse();
			}
			else {
				simulator.notifications().release();
			}
			for (Future<?> future : racing) {
				future.get(5, TimeUnit.MINUTES);
			}
			await().atMost(Duration.ofMinutes(5)).until(() -> simulator.notifications().idle());

			// Refund some paid ones through the API while their earlier notifications are
			// re-played out of order from several threads.
			List<NotificationDelivery> delivered = new ArrayList<>(simulator.notifications().deliveries());
			Collections.shuffle(delivered, random);
			List<Future<?>> refunds = new ArrayList<>();
			for (int i = 0; i < orders; i++) {
				String orderId = orderIds.get(i);
				if (i % 5 == 2 || i % 5 == 4) {
					long amount = (i % 5 == 2) ? 10_000 : AMOUNT;
					refunds
						.add(pool.submit(() -> payments.refund(orderId, BigDecimal.valueOf(amount), "chaos", false)));
				}
			}
			for (int t = 0; t < 4; t++) {
				int offset = t;
				refunds.add(pool.submit(() -> {
					for (int n = offset; n < delivered.size(); n += 4) {
						HttpResponse<String> answer = post(http, endpoint, delivered.get(n).body());
						assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
						sent.incrementAndGet();
					}
					return null;
				}));
			}
			for (Future<?> future : refunds) {
				future.get(5, TimeUnit.MINUTES);
			}
			await().atMost(Duration.ofMinutes(5)).until(() -> simulator.notifications().idle());
			pool.shutdown();

			int deliveries = simulator.notifications().deliveries().size();
			assertThat(simulator.notifications().deliveries())
				.allSatisfy((delivery) -> assertThat(delivery.httpStatus()).as(delivery.orderId()).isEqualTo(200));
			List<String> wrong = new ArrayList<>();
			int transitions = 0;
			for (String orderId : orderIds) {
				MidtransPayment payment = payments.findByOrderId(orderId).orElseThrow();
				TransactionSnapshot truth = simulator.transaction(orderId).orElseThrow();
				String local = payment.getStatus().name().toLowerCase(Locale.ROOT);
				if (!local.equals(truth.transactionStatus())
						|| payment.getRefundedAmount().compareTo(BigDecimal.valueOf(truth.refundAmount())) != 0) {
					wrong.add(orderId + " is " + local + "/" + payment.getRefundedAmount() + " but Midtrans says "
							+ truth.transactionStatus() + "/" + truth.refundAmount());
				}
				String chainBreak = events.chainBreak(orderId, payment.getStatus());
				if (chainBreak != null) {
					wrong.add(orderId + ": " + chainBreak);
				}
				transitions += events.of(orderId).size();
			}
			assertThat(wrong).as("seed %d", seed).isEmpty();
			Map<String, Long> audited = new ConcurrentHashMap<>();
			jdbc.queryForList("select outcome, count(*) as n from midtrans_notification group by outcome")
				.forEach((row) -> audited.put((String) row.get("outcome"), ((Number) row.get("n")).longValue()));
			assertThat(audited.get("INVALID_SIGNATURE")).isEqualTo((long) expectedRejections.get("INVALID_SIGNATURE"));
			assertThat(audited.get("AMOUNT_MISMATCH")).isEqualTo((long) expectedRejections.get("AMOUNT_MISMATCH"));
			assertThat(audited.getOrDefault("FAILED", 0L)).isZero();
			long total = audited.values().stream().mapToLong(Long::longValue).sum();
			assertThat(total).isEqualTo(deliveries + sent.get());
			System.out.printf(
					"webhook chaos: seed %d, %d orders, %d notifications (%d from the simulator, %d forged, tampered or"
							+ " re-played), %d status polls, %d events, outcomes %s%n",
					seed, orders, total, deliveries, sent.get(), polls.get(), transitions, audited);
		}
	}

	private static void expect(HttpResponse<String> answer, int status, String outcome, Map<String, Integer> counts) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
		assertThat(answer.body()).contains("\"" + outcome + "\"");
		counts.merge(outcome, 1, Integer::sum);
	}

	private static HttpResponse<String> post(HttpClient http, URI endpoint, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(endpoint)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String notification(String orderId, String status, String code, String amount, String signature) {
		return """
				{"transaction_status":"%s","status_code":"%s","order_id":"%s","gross_amount":"%s",
				 "payment_type":"bank_transfer","transaction_id":"forged","fraud_status":"accept","signature_key":"%s"}
				""".formatted(status, code, orderId, amount, signature);
	}

}
