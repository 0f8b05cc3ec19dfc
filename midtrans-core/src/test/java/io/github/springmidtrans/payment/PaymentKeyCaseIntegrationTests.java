package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Order ids and refund keys that differ only in letter case name different payments and
 * refunds (on MySQL/MariaDB they used to compare case-insensitively). Subclasses pick the
 * database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PaymentKeyCaseIntegrationTests {

	private DatabaseFixture database;

	private MockWebServer server;

	private PaymentService payments;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	abstract Database database();

	@BeforeAll
	void startDatabase() {
		this.database = DatabaseFixture.start(database());
	}

	@AfterAll
	void stopDatabase() {
		this.database.close();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.database.clear();
		this.events.clear();
		this.server = new MockWebServer();
		this.server.start();
		MidtransClient client = MidtransClient.builder()
			.serverKey("SB-Mid-server-KEY-CASE-TEST")
			.baseUrl(this.server.url("/").toString())
			.build();
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void chargingACaseVariantOfASettledOrderIdMakesANewCharge() throws Exception {
		settled("Ord-aBc9");
		this.server.enqueue(json(pending("Ord-AbC9")));

		MidtransPayment variant = this.payments.charge(charge("Ord-AbC9"));

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		this.server.takeRequest();
		assertThat(this.server.takeRequest().getBody().utf8()).contains("\"order_id\":\"Ord-AbC9\"");
		assertThat(variant.getOrderId()).isEqualTo("Ord-AbC9");
		assertThat(variant.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.payments.findByOrderId("Ord-aBc9").orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.payments.findByOrderId("Ord-AbC9").orElseThrow().getId())
			.isNotEqualTo(this.payments.findByOrderId("Ord-aBc9").orElseThrow().getId());
		assertThat(this.database.jdbc().queryForList("select order_id from midtrans_payment order by id", String.class))
			.containsExactly("Ord-aBc9", "Ord-AbC9");
	}

	@Test
	void answerForACaseVariantDoesNotMoveThePayment() {
		this.server.enqueue(json(pending("Ord-x1")));
		this.payments.charge(charge("Ord-x1"));
		this.events.clear();

		assertThatExceptionOfType(PaymentNotFoundException.class)
			.isThrownBy(() -> this.payments.apply(answer("ORD-X1", "settlement", "200")));

		assertThat(this.payments.findByOrderId("Ord-x1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).noneMatch(PaymentSettledEvent.class::isInstance);
	}

	@Test
	void lookupsWithACaseVariantOfTheOrderIdFindNothing() {
		settled("Ord-x1");
		this.payments.requestRefund("Ord-x1", new BigDecimal("1000"), null, false, "Refund-aBc9");

		MidtransPaymentRepository repository = new MidtransPaymentRepository(this.database.entityManager());
		MidtransRefundRepository refunds = new MidtransRefundRepository(this.database.entityManager());
		for (String variant : List.of("ORD-X1", "ord-x1", "Ord-X1")) {
			assertThat(this.payments.findByOrderId(variant)).as(variant).isEmpty();
			assertThat(this.payments.findRefunds(variant)).as(variant).isEmpty();
			inTransaction(() -> {
				assertThat(repository.findByOrderId(variant)).as(variant).isEmpty();
				assertThat(repository.lockByOrderId(variant)).as(variant).isEmpty();
				assertThat(refunds.findByOrderId(variant)).as(variant).isEmpty();
				assertThat(refunds.sumCommitted(variant)).as(variant).isZero();
			});
		}
		inTransaction(() -> {
			assertThat(repository.findByOrderId("Ord-x1")).isPresent();
			assertThat(refunds.findByOrderId("Ord-x1")).hasSize(1);
		});
	}

	@Test
	void refundKeysThatDifferInCaseAreDifferentRefunds() {
		settled("Ord-r1");

		MidtransRefund first = this.payments.requestRefund("Ord-r1", new BigDecimal("1000"), null, false,
				"Refund-aBc9");
		MidtransRefund second = this.payments.requestRefund("Ord-r1", new BigDecimal("2000"), null, false,
				"Refund-AbC9");

		assertThat(second.getId()).isNotEqualTo(first.getId());
		assertThat(second.getRefundKey()).isEqualTo("Refund-AbC9");
		assertThat(second.getAmount()).isEqualByComparingTo("2000");
		assertThat(this.payments.findRefunds("Ord-r1")).extracting(MidtransRefund::getRefundKey)
			.containsExactlyInAnyOrder("Refund-aBc9", "Refund-AbC9");
		MidtransRefundRepository refunds = new MidtransRefundRepository(this.database.entityManager());
		inTransaction(() -> {
			assertThat(refunds.findByRefundKey("REFUND-ABC9")).isEmpty();
			assertThat(refunds.lockByRefundKey("refund-abc9")).isEmpty();
			assertThat(refunds.findByRefundKey("Refund-aBc9").orElseThrow().getId()).isEqualTo(first.getId());
			assertThat(refunds.lockByRefundKey("Refund-AbC9").orElseThrow().getId()).isEqualTo(second.getId());
		});
	}

	private void settled(String orderId) {
		this.server.enqueue(json(pending(orderId)));
		this.payments.charge(charge(orderId));
		this.payments.apply(answer(orderId, "settlement", "200"));
		assertThat(this.payments.findByOrderId(orderId).orElseThrow().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> work.run());
	}

	private static ChargeRequest charge(String orderId) {
		return ChargeRequest.bankTransfer(orderId, 150_000, Bank.BCA).build();
	}

	private static TransactionResponse answer(String orderId, String status, String code) {
		return MidtransJson.newMapper().readValue("""
				{"status_code":"%s","order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00",
				 "currency":"IDR","payment_type":"bank_transfer","transaction_status":"%s","fraud_status":"accept"}
				""".formatted(code, orderId, orderId, status), TransactionResponse.class);
	}

	private static String pending(String orderId) {
		return """
				{"status_code":"201","status_message":"Success, Bank Transfer transaction is created",
				 "order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00","currency":"IDR",
				 "payment_type":"bank_transfer","transaction_time":"2026-11-24 10:00:00","transaction_status":"pending",
				 "fraud_status":"accept","va_numbers":[{"bank":"bca","va_number":"812785002530231"}]}
				""".formatted(orderId, orderId);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
