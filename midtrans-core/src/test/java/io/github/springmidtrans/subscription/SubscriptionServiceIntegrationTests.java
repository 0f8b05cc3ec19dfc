package io.github.springmidtrans.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentFlaggedEvent;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link SubscriptionService} against a real database and a scripted Midtrans. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SubscriptionServiceIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	static final String TOKEN = "48111111sHfSakAvSECRET1114";

	private DatabaseFixture database;

	MockWebServer server;

	SubscriptionService subscriptions;

	PaymentService payments;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final List<PaymentEvent> paymentEvents = new CopyOnWriteArrayList<>();

	final List<String> violations = new CopyOnWriteArrayList<>();

	final List<String> committedStatusAtCall = new CopyOnWriteArrayList<>();

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
		this.paymentEvents.clear();
		this.violations.clear();
		this.committedStatusAtCall.clear();
		this.server = new MockWebServer();
		this.server.start();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		MidtransClient client = client();
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				this::publishPaymentEvent, clock);
		this.subscriptions = new SubscriptionService(client, this.database.entityManager(),
				this.database.transactionManager(), this.payments, this::publish, clock);
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@AfterEach
	void noHttpCallOrEventInsideATransaction() {
		assertThat(this.violations).isEmpty();
	}

	private MidtransClient client() {
		OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor((chain) -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.violations.add(chain.request().url().encodedPath());
			}
			this.committedStatusAtCall.add(String.join(",", this.database.jdbc()
				.queryForList("select status from midtrans_subscription order by id", String.class)));
			return chain.proceed(chain.request());
		}).build();
		return MidtransClient.builder()
			.serverKey("SB-Mid-server-SUBSCRIPTIONS-TEST")
			.baseUrl(this.server.url("/").toString())
			.httpClient(http)
			.readTimeout(Duration.ofMillis(500))
			.build();
	}

	private void publish(Object event) {
		// A separate connection sees only committed rows: the transition must be there.
		if (event instanceof SubscriptionChargedEvent charged) {
			Integer linked = this.database.jdbc()
				.queryForObject(
						"select count(*) from midtrans_payment where order_id = ? and subscription_id is not null",
						Integer.class, charged.orderId());
			if (linked == null || linked != 1) {
				this.violations.add("event published before its link was committed: " + event);
			}
		}
		else {
			String id;
			SubscriptionStatus status;
			if (event instanceof SubscriptionCreatedEvent created) {
				id = created.subscriptionId();
				status = created.status();
			}
			else if (event instanceof SubscriptionDisabledEvent disabled) {
				id = disabled.subscriptionId();
				status = disabled.status();
			}
			else if (event instanceof SubscriptionEnabledEvent enabled) {
				id = enabled.subscriptionId();
				status = enabled.status();
			}
			else if (event instanceof SubscriptionCancelledEvent cancelled) {
				id = cancelled.subscriptionId();
				status = cancelled.status();
			}
			else {
				throw new IllegalStateException("Unexpected event " + event);
			}
			List<String> committed = this.database.jdbc()
				.queryForList("select status from midtrans_subscription where midtrans_subscription_id = ?",
						String.class, id);
			if (!committed.equals(List.of(status.name()))) {
				this.violations.add("event published before its transition was committed: " + event);
			}
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			this.violations.add("event published while a transaction was still bound: " + event);
		}
		this.events.add(event);
	}

	private void publishPaymentEvent(Object event) {
		PaymentEvent paymentEvent = (PaymentEvent) event;
		List<String> committed = this.database.jdbc()
			.queryForList("select status from midtrans_payment where order_id = ?", String.class,
					paymentEvent.orderId());
		if (!committed.equals(List.of(paymentEvent.status().name()))) {
			this.violations.add("payment event published before its transition was committed: " + event);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			this.violations.add("payment event published while a transaction was still bound: " + event);
		}
		this.paymentEvents.add(paymentEvent);
	}

	// ---------------------------------------------------------------- create

	@Test
	void createRecordsTheSubscriptionBeforeCallingMidtransAndAppliesTheAnswer() throws Exception {
		this.server.enqueue(json(200, subscription("sub-1", "MONTHLY-1", "active")));

		MidtransSubscription created = this.subscriptions.create(request("MONTHLY-1"), "key-1");

		assertThat(this.committedStatusAtCall).containsExactly("INITIATED");
		assertThat(created.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(created.getSubscriptionId()).isEqualTo("sub-1");
		assertThat(created.getNextExecutionAt()).isEqualTo(Instant.parse("2026-12-25T03:00:00Z"));
		assertThat(created.getNextCheckAt()).isEqualTo(NOW.plus(SubscriptionService.DEFAULT_CHECK_INTERVAL));
		assertThat(created.getToken()).isEqualTo(TOKEN);
		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/subscriptions");
		assertThat(sent.getHeaders().get("Idempotency-Key")).isEqualTo("key-1");
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(SubscriptionCreatedEvent.class,
					(event) -> assertThat(event.status()).isEqualTo(SubscriptionStatus.ACTIVE));
	}

	@Test
	void createWithoutAKeyGeneratesOneMidtransAccepts() throws Exception {
		this.server.enqueue(json(200, subscription("sub-9", "MONTHLY-9", "active")));

		MidtransSubscription created = this.subscriptions.create(request("MONTHLY-9"));

		String key = this.server.takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(key).isEqualTo(created.getIdempotencyKey());
		assertThat(key.length()).isLessThanOrEqualTo(46);
	}

	@Test
	void createWithoutAKeyRetriedAfterALostAnswerSendsTheSameKeyAndRecordsOneSubscription() throws Exception {
		// Midtrans took the request, but its answer never arrived.
		this.server
			.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.subscriptions.create(request("MONTHLY-6")));
		this.server.enqueue(json(200, subscription("sub-6", "MONTHLY-6", "active")));

		MidtransSubscription created = this.subscriptions.create(request("MONTHLY-6"));

		String lost = this.server.takeRequest().getHeaders().get("Idempotency-Key");
		String retried = this.server.takeRequest().getHeaders().get("Idempotency-Key");
		assertThat(lost).isNotBlank().hasSizeLessThanOrEqualTo(46);
		assertThat(retried).isEqualTo(lost).isEqualTo(created.getIdempotencyKey());
		assertThat(created.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(created.getSubscriptionId()).isEqualTo("sub-6");
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_subscription", Integer.class))
			.isEqualTo(1);
		assertThat(this.events).singleElement().isInstanceOf(SubscriptionCreatedEvent.class);
	}

	@Test
	void createWithoutAKeyRepeatedRightAwayReturnsTheSubscriptionWithoutASecondCall() {
		this.server.enqueue(json(200, subscription("sub-7", "MONTHLY-7", "active")));

		MidtransSubscription created = this.subscriptions.create(request("MONTHLY-7"));
		MidtransSubscription repeated = this.subscriptions.create(request("MONTHLY-7"));

		assertThat(repeated.getId()).isEqualTo(created.getId());
		assertThat(repeated.getSubscriptionId()).isEqualTo("sub-7");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createWithoutAKeyGivesADifferentOrALaterSubscriptionItsOwnKey() throws Exception {
		this.server.enqueue(json(200, subscription("sub-8", "MONTHLY-8", "active")));
		this.server.enqueue(json(200, subscription("sub-9", "MONTHLY-9", "active")));
		this.server.enqueue(json(200, subscription("sub-8b", "MONTHLY-8", "active")));
		SubscriptionService later = new SubscriptionService(client(), this.database.entityManager(),
				this.database.transactionManager(), this.payments, this::publish,
				Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));

		MidtransSubscription first = this.subscriptions.create(request("MONTHLY-8"));
		MidtransSubscription other = this.subscriptions.create(request("MONTHLY-9"));
		// The same subscription again, long after Midtrans answered the first: a new one.
		MidtransSubscription again = later.create(request("MONTHLY-8"));

		assertThat(List.of(first.getIdempotencyKey(), other.getIdempotencyKey(), again.getIdempotencyKey()))
			.doesNotHaveDuplicates()
			.allSatisfy((key) -> assertThat(key).hasSizeLessThanOrEqualTo(46).doesNotContain(TOKEN));
		assertThat(again.getSubscriptionId()).isEqualTo("sub-8b");
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_subscription", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void createThatTimedOutIsRetriedWithTheSameKeyAndCreatesOneSubscription() throws Exception {
		this.server.enqueue(json(200, subscription("sub-2", "MONTHLY-2", "active")).newBuilder()
			.headersDelay(2, TimeUnit.SECONDS)
			.build());
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.subscriptions.create(request("MONTHLY-2"), "key-2"));
		assertThat(this.database.jdbc()
			.queryForObject("select attempts from midtrans_subscription where idempotency_key = 'key-2'",
					Integer.class))
			.isEqualTo(1);
		assertThat(this.events).isEmpty();

		this.server.enqueue(json(200, subscription("sub-2", "MONTHLY-2", "active")));
		MidtransSubscription created = this.subscriptions.create(request("MONTHLY-2"), "key-2");
		MidtransSubscription again = this.subscriptions.create(request("MONTHLY-2"), "key-2");

		assertThat(created.getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(again.getSubscriptionId()).isEqualTo("sub-2");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-2");
		assertThat(this.server.takeRequest().getHeaders().get("Idempotency-Key")).isEqualTo("key-2");
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_subscription", Integer.class))
			.isEqualTo(1);
		assertThat(this.events).singleElement().isInstanceOf(SubscriptionCreatedEvent.class);
	}

	@Test
	void createRefusedByMidtransMarksTheSubscriptionFailed() {
		this.server.enqueue(json(400,
				"{\"status_message\":\"Invalid parameter.\",\"validation_messages\":[\"subscription.token is invalid\"]}"));
		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.subscriptions.create(request("MONTHLY-3"), "key-3"));

		MidtransSubscription again = this.subscriptions.create(request("MONTHLY-3"), "key-3");

		assertThat(again.getStatus()).isEqualTo(SubscriptionStatus.FAILED);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.events).isEmpty();
	}

	@Test
	void keyOfAnotherSubscriptionIsRefused() {
		this.server.enqueue(json(200, subscription("sub-4", "MONTHLY-4", "active")));
		this.subscriptions.create(request("MONTHLY-4"), "key-4");

		assertThatIllegalStateException().isThrownBy(() -> this.subscriptions.create(request("OTHER"), "key-4"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createInsideADatabaseTransactionIsRefused() {
		TransactionTemplate transaction = new TransactionTemplate(this.database.transactionManager());

		assertThatIllegalStateException().isThrownBy(() -> transaction
			.executeWithoutResult((status) -> this.subscriptions.create(request("MONTHLY-5"), "key-5")));
		assertThat(this.server.getRequestCount()).isZero();
	}

	// ---------------------------------------------------------------- transitions

	@Test
	void disableEnableAndCancelMoveOnceEachAndCancelIsFinal() throws Exception {
		created("sub-10", "MONTHLY-10");
		this.server.enqueue(json(200, "{\"status_message\":\"Subscription is updated.\"}"));
		this.server.enqueue(json(200, subscription("sub-10", "MONTHLY-10", "inactive")));
		this.server.enqueue(json(200, "{\"status_message\":\"Subscription is updated.\"}"));
		this.server.enqueue(json(200, "{\"status_message\":\"Subscription is updated.\"}"));
		this.server.enqueue(json(200, subscription("sub-10", "MONTHLY-10", "active")));

		assertThat(this.subscriptions.disable("sub-10").getStatus()).isEqualTo(SubscriptionStatus.DISABLED);
		assertThat(this.subscriptions.disable("sub-10").getStatus()).isEqualTo(SubscriptionStatus.DISABLED);
		// Midtrans reports a disabled subscription as inactive: nothing changes.
		assertThat(this.subscriptions.sync("sub-10")).isFalse();
		assertThat(this.subscriptions.enable("sub-10").getStatus()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(this.subscriptions.cancel("sub-10").getStatus()).isEqualTo(SubscriptionStatus.CANCELLED);
		assertThat(this.subscriptions.cancel("sub-10").getStatus()).isEqualTo(SubscriptionStatus.CANCELLED);
		assertThatIllegalStateException().isThrownBy(() -> this.subscriptions.enable("sub-10"));
		// A late "active" cannot revive a cancelled subscription.
		assertThat(this.subscriptions.sync("sub-10")).isFalse();
		assertThat(this.subscriptions.findBySubscriptionId("sub-10").orElseThrow().getStatus())
			.isEqualTo(SubscriptionStatus.CANCELLED);

		this.server.takeRequest();
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-10/disable");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-10");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-10/enable");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-10/cancel");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-10");
		assertThat(this.server.getRequestCount()).isEqualTo(6);
		assertThat(this.events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("SubscriptionCreatedEvent", "SubscriptionDisabledEvent", "SubscriptionEnabledEvent",
					"SubscriptionCancelledEvent");
	}

	@Test
	void syncPagesThroughDueSubscriptionsAndCountsChanges() {
		created("sub-20", "MONTHLY-20");
		created("sub-21", "MONTHLY-21");
		created("sub-22", "MONTHLY-22");
		this.events.clear();
		Clock later = Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC);
		SubscriptionService syncing = new SubscriptionService(client(), this.database.entityManager(),
				this.database.transactionManager(), this.payments, this::publish, later);
		this.server.enqueue(json(200, subscription("sub-20", "MONTHLY-20", "active")));
		this.server.enqueue(json(200, subscription("sub-21", "MONTHLY-21", "inactive")));
		this.server.enqueue(json(500, "{\"status_message\":\"Sorry, Our system is recovering.\"}"));

		SubscriptionSyncResult first = syncing.sync(0, 2);
		SubscriptionSyncResult second = syncing.sync(first.lastId(), 2);
		SubscriptionSyncResult nothingDue = syncing.sync(0, 10);

		assertThat(first.checked()).isEqualTo(2);
		assertThat(first.changed()).isEqualTo(1);
		assertThat(first.lastId()).isNotNull();
		assertThat(second.checked()).isEqualTo(1);
		assertThat(second.failed()).isEqualTo(1);
		assertThat(second.lastId()).isNull();
		assertThat(nothingDue.checked()).isZero();
		assertThat(syncing.findBySubscriptionId("sub-21").orElseThrow().getStatus())
			.isEqualTo(SubscriptionStatus.INACTIVE);
		assertThat(syncing.findBySubscriptionId("sub-22").orElseThrow().getNextCheckAt())
			.isEqualTo(NOW.plus(Duration.ofHours(3)));
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(SubscriptionDisabledEvent.class,
					(event) -> assertThat(event.status()).isEqualTo(SubscriptionStatus.INACTIVE));
	}

	// ---------------------------------------------------------------- renewals

	@Test
	void renewalChargeIsRecordedAndLinkedToItsSubscriptionOnce() {
		MidtransSubscription subscription = created("sub-30", "MONTHLY-30");
		TransactionResponse renewal = renewal("MONTHLY-30-1764000000123456", "settlement");

		MidtransPayment payment = this.subscriptions.recordRenewal(renewal).orElseThrow();
		this.subscriptions.recordRenewal(renewal);
		this.subscriptions.recordRenewal("sub-30", renewal);

		assertThat(payment.getSubscriptionId()).isEqualTo(subscription.getId());
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.getGrossAmount()).isEqualByComparingTo("14000");
		assertThat(this.database.jdbc()
			.queryForObject("select subscription_id from midtrans_payment where order_id = ?", Long.class,
					"MONTHLY-30-1764000000123456"))
			.isEqualTo(subscription.getId());
		assertThat(this.events).filteredOn(SubscriptionChargedEvent.class::isInstance)
			.singleElement()
			.isInstanceOfSatisfying(SubscriptionChargedEvent.class, (event) -> {
				assertThat(event.subscriptionId()).isEqualTo("sub-30");
				assertThat(event.paid()).isTrue();
			});
		assertThat(this.paymentEvents).singleElement().isInstanceOf(PaymentSettledEvent.class);
	}

	@Test
	void renewalOfAnotherAmountIsFlaggedNotReportedPaid() {
		created("sub-34", "MONTHLY-34");
		TransactionResponse renewal = MidtransJson.newMapper().readValue("""
				{"status_code":"200","order_id":"MONTHLY-34-1764000000123456","transaction_id":"tx-34",
				 "gross_amount":"1.00","payment_type":"credit_card","transaction_status":"settlement",
				 "fraud_status":"accept","currency":"IDR"}
				""", TransactionResponse.class);

		MidtransPayment payment = this.subscriptions.recordRenewal(renewal).orElseThrow();

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(payment.isPaid()).isFalse();
		assertThat(payment.getGrossAmount()).isEqualByComparingTo("14000");
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).noneMatch(SubscriptionChargedEvent.class::isInstance);
		assertThat(this.paymentEvents).singleElement().isInstanceOf(PaymentFlaggedEvent.class);
	}

	@Test
	void renewalOfALongerNameGoesToThatSubscriptionAndUnknownNamesAreNotLinked() {
		created("sub-31", "GOLD");
		MidtransSubscription longer = created("sub-32", "GOLD-PLUS");

		MidtransPayment payment = this.subscriptions.recordRenewal(renewal("GOLD-PLUS-17640000001", "pending"))
			.orElseThrow();

		assertThat(payment.getSubscriptionId()).isEqualTo(longer.getId());
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.subscriptions.recordRenewal(renewal("SILVER-17640000001", "settlement"))).isEmpty();
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_payment", Integer.class))
			.isEqualTo(1);
	}

	@Test
	void paymentAlreadyStoredIsLinkedAndMovesForwardOnly() {
		MidtransSubscription subscription = created("sub-33", "WEEKLY");
		this.server.enqueue(json(200, """
				{"status_code":"201","order_id":"WEEKLY-1764000000","transaction_id":"tx-1","gross_amount":"14000.00",
				 "payment_type":"gopay","transaction_status":"pending"}
				"""));
		this.payments.charge(ChargeRequest.gopay("WEEKLY-1764000000", 14_000).build());

		MidtransPayment linked = this.subscriptions.recordRenewal(renewal("WEEKLY-1764000000", "settlement"))
			.orElseThrow();
		MidtransPayment late = this.subscriptions.recordRenewal(renewal("WEEKLY-1764000000", "pending")).orElseThrow();

		assertThat(linked.getSubscriptionId()).isEqualTo(subscription.getId());
		assertThat(late.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).filteredOn(SubscriptionChargedEvent.class::isInstance).hasSize(1);
		assertThat(this.paymentEvents).extracting((event) -> event.status())
			.containsExactly(PaymentStatus.PENDING, PaymentStatus.SETTLEMENT);
	}

	// ---------------------------------------------------------------- secrets

	@Test
	void tokenNeverAppearsInToStringOrEvents() {
		MidtransSubscription subscription = created("sub-40", "MONTHLY-40");

		assertThat(subscription.toString()).doesNotContain(TOKEN).contains("sub-40");
		assertThat(this.events).isNotEmpty().allSatisfy((event) -> assertThat(event.toString()).doesNotContain(TOKEN));
		assertThat(request("MONTHLY-40").toString()).doesNotContain(TOKEN);
	}

	// ---------------------------------------------------------------- helpers

	MidtransSubscription created(String id, String name) {
		this.server.enqueue(json(200, subscription(id, name, "active")));
		return this.subscriptions.create(request(name), "key-" + id);
	}

	static TransactionResponse renewal(String orderId, String status) {
		JsonMapper mapper = MidtransJson.newMapper();
		return mapper.readValue("""
				{"status_code":"200","order_id":"%s","transaction_id":"tx-%s","gross_amount":"14000.00",
				 "payment_type":"credit_card","transaction_status":"%s","fraud_status":"accept","currency":"IDR"}
				""".formatted(orderId, orderId, status), TransactionResponse.class);
	}

	static SubscriptionRequest request(String name) {
		return SubscriptionRequest.creditCard(name, 14_000, TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build();
	}

	static String subscription(String id, String name, String status) {
		return """
				{"id":"%s","name":"%s","amount":"14000","currency":"IDR","status":"%s","token":"%s",
				 "payment_type":"credit_card","created_at":"2026-11-24T10:00:00.000000",
				 "schedule":{"interval":1,"interval_unit":"month","start_time":"2026-11-25T10:00:00.000000",
				             "next_execution_at":"2026-12-25T10:00:00.000000"}}
				""".formatted(id, name, status, TOKEN);
	}

	static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
