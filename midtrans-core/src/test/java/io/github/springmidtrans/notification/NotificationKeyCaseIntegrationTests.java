package io.github.springmidtrans.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification names its payment by the exact order id: a case variant is another order
 * (on MySQL/MariaDB a notification for {@code ORD-X1} once settled {@code Ord-x1}).
 * Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationKeyCaseIntegrationTests {

	private static final String SERVER_KEY = "SB-Mid-server-NOTIFY-KEYS-TEST";

	private DatabaseFixture database;

	private MockWebServer server;

	private PaymentService payments;

	private NotificationHandler handler;

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
			.serverKey(SERVER_KEY)
			.baseUrl(this.server.url("/").toString())
			.build();
		Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, clock);
		this.handler = new NotificationHandler(client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), clock, false);
		this.server.enqueue(
				new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json")).body("""
						{"status_code":"201","order_id":"Ord-x1","transaction_id":"tx-1","gross_amount":"150000.00",
						 "payment_type":"bank_transfer","transaction_status":"pending","fraud_status":"accept"}
						""").build());
		this.payments.charge(ChargeRequest.bankTransfer("Ord-x1", 150_000, Bank.BCA).build());
		this.events.clear();
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void notificationForACaseVariantDoesNotSettleThePayment() {
		for (String variant : List.of("ORD-X1", "ord-x1", "Ord-X1")) {
			NotificationResult result = this.handler.handle(notification(variant, "settlement", "200"));

			assertThat(result.outcome()).as(variant).isEqualTo(NotificationOutcome.UNKNOWN_ORDER);
			assertThat(result.status()).as(variant).isNull();
		}

		assertThat(this.payments.findByOrderId("Ord-x1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
		assertThat(this.database.jdbc()
			.queryForList("select order_id from midtrans_notification where order_id = ? order by id", String.class,
					"ORD-X1"))
			.containsExactly("ORD-X1");
		assertThat(this.database.jdbc()
			.queryForObject("select count(*) from midtrans_notification where order_id = ?", Integer.class, "Ord-x1"))
			.isZero();
	}

	private static String notification(String orderId, String status, String code) {
		String amount = "150000.00";
		return """
				{"transaction_time":"2026-11-24 10:00:00","transaction_status":"%s","transaction_id":"tx-1",
				 "status_message":"midtrans payment notification","status_code":"%s","signature_key":"%s",
				 "payment_type":"bank_transfer","order_id":"%s","gross_amount":"%s","fraud_status":"accept",
				 "currency":"IDR"}
				""".formatted(status, code, NotificationSignature.compute(orderId, code, amount, SERVER_KEY), orderId,
				amount);
	}

}
