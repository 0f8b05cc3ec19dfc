package io.github.springmidtrans.subscription;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
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

/**
 * Subscription ids, idempotency keys and names compare exactly, and the longest renewal
 * order id Midtrans documents is stored. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionKeyCaseIntegrationTests {

	private static final String TOKEN = "48111111sHfSakAvKEYCASE1114";

	/** The longest name Midtrans accepts (40), a {@code -} and a 32-digit suffix. */
	private static final String LONGEST_NAME = "Monthly_Plan.Gold~" + "x".repeat(22);

	private DatabaseFixture database;

	private MockWebServer server;

	private SubscriptionService subscriptions;

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
		Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
		MidtransClient client = MidtransClient.builder()
			.serverKey("SB-Mid-server-SUBSCRIPTION-KEYS-TEST")
			.baseUrl(this.server.url("/").toString())
			.build();
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, clock);
		this.subscriptions = new SubscriptionService(client, this.database.entityManager(),
				this.database.transactionManager(), this.payments, this.events::add, clock);
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void subscriptionIdsKeysAndNamesThatDifferInCaseAreDifferentSubscriptions() {
		MidtransSubscription lower = created("sub-aBc9", "Gold", "key-aBc9");
		MidtransSubscription upper = created("sub-AbC9", "GOLD", "key-AbC9");

		assertThat(upper.getId()).isNotEqualTo(lower.getId());
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.subscriptions.findBySubscriptionId("sub-aBc9").orElseThrow().getId()).isEqualTo(lower.getId());
		assertThat(this.subscriptions.findBySubscriptionId("sub-AbC9").orElseThrow().getId()).isEqualTo(upper.getId());
		assertThat(this.subscriptions.findBySubscriptionId("SUB-ABC9")).isEmpty();
		MidtransSubscriptionRepository repository = new MidtransSubscriptionRepository(this.database.entityManager());
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
			assertThat(repository.findBySubscriptionId("sub-abc9")).isEmpty();
			assertThat(repository.lockBySubscriptionId("SUB-ABC9")).isEmpty();
			assertThat(repository.lockByIdempotencyKey("KEY-ABC9")).isEmpty();
			assertThat(repository.lockByIdempotencyKey("key-AbC9").orElseThrow().getId()).isEqualTo(upper.getId());
			assertThat(repository.findByNames(List.of("gold"))).isEmpty();
			assertThat(repository.findByNames(List.of("Gold"))).extracting(MidtransSubscription::getId)
				.containsExactly(lower.getId());
		});
	}

	@Test
	void renewalOfACaseVariantOfTheNameIsNotLinked() {
		created("sub-1", "Gold", "key-1");

		assertThat(this.subscriptions.recordRenewal(renewal("GOLD-1764000000123"))).isEmpty();
		assertThat(this.subscriptions.recordRenewal(renewal("gold-1764000000124"))).isEmpty();

		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_payment", Integer.class))
			.isZero();
	}

	@Test
	void renewalWithTheLongestDocumentedOrderIdIsStored() {
		assertThat(LONGEST_NAME).hasSize(40);
		String orderId = LONGEST_NAME + "-" + "1".repeat(32);
		MidtransSubscription subscription = created("sub-long", LONGEST_NAME, "key-long");

		MidtransPayment payment = this.subscriptions.recordRenewal(renewal(orderId)).orElseThrow();

		assertThat(payment.getOrderId()).isEqualTo(orderId).hasSize(73);
		assertThat(payment.getSubscriptionId()).isEqualTo(subscription.getId());
		assertThat(this.payments.findByOrderId(orderId)).isPresent();
		assertThat(this.database.jdbc()
			.queryForObject("select subscription_id from midtrans_payment where order_id = ?", Long.class, orderId))
			.isEqualTo(subscription.getId());
	}

	private MidtransSubscription created(String id, String name, String idempotencyKey) {
		this.server.enqueue(
				new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json")).body("""
						{"id":"%s","name":"%s","amount":"14000","currency":"IDR","status":"active","token":"%s",
						 "payment_type":"credit_card","created_at":"2026-11-24T10:00:00.000000",
						 "schedule":{"interval":1,"interval_unit":"month","start_time":"2026-11-25T10:00:00.000000",
						             "next_execution_at":"2026-12-25T10:00:00.000000"}}
						""".formatted(id, name, TOKEN)).build());
		SubscriptionRequest request = SubscriptionRequest
			.creditCard(name, 14_000, TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build();
		return this.subscriptions.create(request, idempotencyKey);
	}

	private static TransactionResponse renewal(String orderId) {
		return MidtransJson.newMapper()
			.readValue(
					"""
							{"status_code":"200","order_id":"%s","transaction_id":"tx-%s","gross_amount":"14000.00",
							 "payment_type":"credit_card","transaction_status":"settlement","fraud_status":"accept","currency":"IDR"}
							"""
						.formatted(orderId, orderId.hashCode()),
					TransactionResponse.class);
	}

}
