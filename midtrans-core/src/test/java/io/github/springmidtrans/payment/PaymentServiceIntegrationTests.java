package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.LogCapture;
import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.MidtransRefusalException;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomExpiry;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.TransactionResponse;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.orm.jpa.EntityManagerHolder;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link PaymentService} against a real database and a scripted Midtrans. Subclasses pick
 * the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PaymentServiceIntegrationTests {

	static final String SERVER_KEY = "SB-Mid-server-PAYMENTS-TEST";

	static final JsonMapper JSON = JsonMapper.builder().build();

	private DatabaseFixture database;

	MockWebServer server;

	PaymentService payments;

	final List<PaymentEvent> events = new CopyOnWriteArrayList<>();

	final List<String> violations = new CopyOnWriteArrayList<>();

	/** Payment status as committed in the database when each request left the client. */
	final List<String> committedStatusAtCall = new CopyOnWriteArrayList<>();

	/** Set to make the process "die" as its next status call leaves. */
	volatile boolean dieOnNextStatusCall;

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
		this.violations.clear();
		this.committedStatusAtCall.clear();
		this.server = new MockWebServer();
		this.server.start();
		this.payments = new PaymentService(client(), this.database.entityManager(), this.database.transactionManager(),
				this::publish, Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	private MidtransClient client() {
		// Runs on the calling thread before each request leaves: proves no transaction is
		// open during HTTP calls, and shows what is committed at that moment.
		OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor((chain) -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.violations.add(chain.request().url().encodedPath());
			}
			if (this.dieOnNextStatusCall && chain.request().url().encodedPath().endsWith("/status")) {
				this.dieOnNextStatusCall = false;
				throw new IllegalStateException("the process died here");
			}
			this.committedStatusAtCall.add(String.join(",", this.database.jdbc()
				.queryForList("select status from midtrans_payment order by id", String.class)));
			return chain.proceed(chain.request());
		}).build();
		return MidtransClient.builder()
			.serverKey(SERVER_KEY)
			.baseUrl(this.server.url("/").toString())
			.httpClient(http)
			.readTimeout(Duration.ofMillis(500))
			.build();
	}

	private void publish(Object event) {
		PaymentEvent paymentEvent = (PaymentEvent) event;
		// A separate connection sees only committed rows: the transition must be there.
		try (Connection connection = this.database.dataSource().getConnection();
				PreparedStatement query = connection
					.prepareStatement("select status from midtrans_payment where order_id = ?")) {
			query.setString(1, paymentEvent.orderId());
			try (ResultSet row = query.executeQuery()) {
				String committed = row.next() ? row.getString(1) : null;
				if (!paymentEvent.status().name().equals(committed)) {
					this.violations.add("event published before its transition was committed: " + event);
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			this.violations.add("event published while a transaction was still bound: " + event);
		}
		this.events.add(paymentEvent);
	}

	@AfterEach
	void noHttpCallOrEventInsideATransaction() {
		assertThat(this.violations).isEmpty();
	}

	// ---------------------------------------------------------------- charge

	@Test
	void chargeRecordsThePaymentBeforeCallingMidtransAndAppliesTheAnswer() throws Exception {
		this.server.enqueue(json(pending("ORDER-1", "va", "150000.00")));

		MidtransPayment payment = this.payments.charge(vaCharge("ORDER-1"));

		assertThat(this.committedStatusAtCall).containsExactly("INITIATED");
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getVaNumber()).isEqualTo("812785002530231");
		assertThat(payment.getTransactionId()).isEqualTo("tx-ORDER-1");
		assertThat(payment.getExpiryTime()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
		assertThat(payment.getItems()).hasSize(1);
		assertThat(this.events).singleElement().isInstanceOf(PaymentPendingEvent.class);
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo(payment.getIdempotencyKey());
		MidtransPayment stored = this.payments.findByOrderId("ORDER-1").orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(stored.getChargeResponse()).contains("812785002530231");
		assertThat(stored.getItems()).extracting(MidtransPaymentItem::getName).containsExactly("Coffee");
	}

	@Test
	void chargeThatTimedOutAfterMidtransAcceptedIsReconciledOnRetryWithTheSameIds() throws Exception {
		this.server.enqueue(
				json(pending("ORDER-2", "va", "150000.00")).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("ORDER-2")));
		MidtransPayment afterTimeout = this.payments.findByOrderId("ORDER-2").orElseThrow();
		assertThat(afterTimeout.getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(afterTimeout.getAttempts()).isEqualTo(1);
		assertThat(this.events).isEmpty();

		this.server.enqueue(json("{\"status_code\":\"406\",\"status_message\":\"Duplicate order ID\"}"));
		this.server.enqueue(json(pending("ORDER-2", "va", "150000.00")));
		MidtransPayment payment = this.payments.charge(vaCharge("ORDER-2"));

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		RecordedRequest status = this.server.takeRequest();
		assertThat(orderIdOf(first)).isEqualTo("ORDER-2");
		assertThat(orderIdOf(second)).isEqualTo("ORDER-2");
		assertThat(second.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
		assertThat(status.getUrl().encodedPath()).isEqualTo("/v2/ORDER-2/status");
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_payment", Integer.class))
			.isEqualTo(1);
		assertThat(this.events).singleElement().isInstanceOf(PaymentPendingEvent.class);
	}

	@Test
	void chargeRefusedByMidtransMarksThePaymentFailed() {
		this.server.enqueue(json(400, """
				{"status_code":"400","status_message":"Validation Error","validation_messages":["bank is invalid"]}
				"""));

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("ORDER-3")));

		MidtransPayment payment = this.payments.findByOrderId("ORDER-3").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.getLastError()).contains("Validation Error");
		assertThat(this.events).singleElement().isInstanceOf(PaymentFailedEvent.class);
	}

	@Test
	void chargesOfOneOrderStartedAtOnceRecordOneRowAndAllSucceed() throws Exception {
		this.server.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return json(pending("ORDER-RACE", "va", "150000.00"));
			}
		});
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MidtransPayment>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.payments.charge(vaCharge("ORDER-RACE"));
			}));
		}
		start.countDown();
		List<Long> ids = new ArrayList<>();
		for (Future<MidtransPayment> result : results) {
			ids.add(result.get(30, TimeUnit.SECONDS).getId());
		}
		pool.shutdown();

		assertThat(ids).hasSize(callers).containsOnly(ids.get(0));
		assertThat(this.database.jdbc()
			.queryForObject("select count(*) from midtrans_payment where order_id = 'ORDER-RACE'", Integer.class))
			.isEqualTo(1);
		assertThat(this.events).filteredOn(PaymentPendingEvent.class::isInstance).hasSize(1);
	}

	@Test
	void chargingAStoredPaymentAgainDoesNotCallMidtrans() {
		this.server.enqueue(json(pending("ORDER-4", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-4"));

		MidtransPayment again = this.payments.charge(vaCharge("ORDER-4"));

		assertThat(again.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void orderIdOfAnotherChargeIsRefused() {
		this.server.enqueue(json(pending("ORDER-5", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-5"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.payments.charge(ChargeRequest.bankTransfer("ORDER-5", 99_000, Bank.BCA).build()))
			.withMessageContaining("already used by another charge");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void chargeInsideADatabaseTransactionIsRefused() {
		TransactionTemplate transaction = new TransactionTemplate(this.database.transactionManager());

		assertThatIllegalStateException()
			.isThrownBy(() -> transaction.executeWithoutResult((status) -> this.payments.charge(vaCharge("ORDER-6"))))
			.withMessageContaining("must not run inside a database transaction");
		assertThat(this.server.getRequestCount()).isZero();
		assertThat(this.payments.findByOrderId("ORDER-6")).isEmpty();
	}

	@Test
	void interruptedChargeIsResumedWithTheSameOrderIdAndKey() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).build());
		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.payments.charge(vaCharge("ORDER-7")));
		this.server.enqueue(json("{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}"));
		this.server.enqueue(json(pending("ORDER-7", "va", "150000.00")));

		MidtransPayment payment = this.payments.resumeCharge("ORDER-7");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		RecordedRequest first = this.server.takeRequest();
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/ORDER-7/status");
		RecordedRequest resent = this.server.takeRequest();
		assertThat(resent.getUrl().encodedPath()).isEqualTo("/v2/charge");
		assertThat(resent.getHeaders().get("Idempotency-Key")).isEqualTo(first.getHeaders().get("Idempotency-Key"));
		JsonNode body = JSON.readTree(resent.getBody().utf8());
		assertThat(body.at("/transaction_details/order_id").asString()).isEqualTo("ORDER-7");
		assertThat(body.at("/item_details/0/name").asString()).isEqualTo("Coffee");
	}

	@Test
	void chargeDefaultsAreFilledInWhereTheChargeSetsNothing() throws Exception {
		PaymentService withDefaults = new PaymentService(client(), this.database.entityManager(),
				this.database.transactionManager(), this::publish, Clock.systemUTC(),
				new ChargeDefaults(List.of("https://shop.example/midtrans/notification"), Duration.ofMinutes(90),
						Set.of(PaymentType.GOPAY, PaymentType.BANK_TRANSFER), "shop://paid", null));
		this.server.enqueue(json(pending("DEF-1", "gopay", "150000.00")));
		this.server.enqueue(json(pending("DEF-2", "va", "150000.00")));

		withDefaults.charge(ChargeRequest.gopay("DEF-1", 150_000).build());
		withDefaults.charge(ChargeRequest.bankTransfer("DEF-2", 150_000, Bank.BCA)
			.customExpiry(CustomExpiry.after(10, ExpiryUnit.MINUTE))
			.build());

		RecordedRequest gopay = this.server.takeRequest();
		JsonNode gopayBody = JSON.readTree(gopay.getBody().utf8());
		assertThat(gopay.getHeaders().get("X-Override-Notification"))
			.isEqualTo("https://shop.example/midtrans/notification");
		assertThat(gopayBody.at("/custom_expiry/expiry_duration").asInt()).isEqualTo(90);
		assertThat(gopayBody.at("/custom_expiry/unit").asString()).isEqualTo("minute");
		assertThat(gopayBody.at("/gopay/callback_url").asString()).isEqualTo("shop://paid");
		JsonNode vaBody = JSON.readTree(this.server.takeRequest().getBody().utf8());
		assertThat(vaBody.at("/custom_expiry/expiry_duration").asInt()).isEqualTo(10);
		assertThat(withDefaults.findByOrderId("DEF-1").orElseThrow().getChargeRequest()).contains("shop://paid");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> withDefaults.charge(ChargeRequest.qris("DEF-3", 1_000).build()))
			.withMessageContaining("qris, which is not among the enabled payment methods");
		assertThat(withDefaults.findByOrderId("DEF-3")).isEmpty();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	// ---------------------------------------------------------------- status

	@Test
	void statusOnlyMovesForward() {
		this.server.enqueue(json(pending("ORDER-8", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-8"));
		this.server.enqueue(json(status("ORDER-8", "settlement", "200", "150000.00")));
		this.server.enqueue(json(status("ORDER-8", "pending", "201", "150000.00")));

		MidtransPayment settled = this.payments.refreshStatus("ORDER-8");
		MidtransPayment afterLatePending = this.payments.refreshStatus("ORDER-8");

		assertThat(settled.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(settled.isPaid()).isTrue();
		assertThat(afterLatePending.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PaymentPendingEvent", "PaymentSettledEvent");
	}

	@Test
	void updateInsideARequestWithAStaleCopyAppliesToTheCurrentRow() throws Exception {
		this.server.enqueue(json(pending("OSIV-1", "va", "150000.00")));
		this.payments.charge(vaCharge("OSIV-1"));
		TransactionResponse settlement = MidtransJson.newMapper()
			.readValue(status("OSIV-1", "settlement", "200", "150000.00"), TransactionResponse.class);
		// What open-in-view does: one entity manager for the whole web request.
		EntityManagerFactory factory = this.database.entityManagerFactory();
		EntityManager requestScoped = factory.createEntityManager();
		TransactionSynchronizationManager.bindResource(factory, new EntityManagerHolder(requestScoped));
		try {
			assertThat(this.payments.findByOrderId("OSIV-1").orElseThrow().getStatus())
				.isEqualTo(PaymentStatus.PENDING);
			// Meanwhile a notification settles it on another thread.
			CompletableFuture.runAsync(() -> this.payments.apply(settlement)).get(30, TimeUnit.SECONDS);

			PaymentUpdate again = this.payments.apply(settlement);

			assertThat(again.change().outcome()).isEqualTo(StatusChange.Outcome.UNCHANGED);
			assertThat(again.payment().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		}
		finally {
			TransactionSynchronizationManager.unbindResource(factory);
			requestScoped.close();
		}
		assertThat(this.events).filteredOn(PaymentSettledEvent.class::isInstance).hasSize(1);
	}

	@Test
	void unknownOrderIsReportedClearly() {
		assertThatExceptionOfType(PaymentNotFoundException.class).isThrownBy(() -> this.payments.refreshStatus("NOPE"))
			.withMessage("No payment with order id 'NOPE' is stored");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void concurrentUpdatesMakeExactlyOneTransitionAndOneEvent() throws Exception {
		this.server.enqueue(json(pending("ORDER-9", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-9"));
		TransactionResponse settlement = MidtransJson.newMapper()
			.readValue(status("ORDER-9", "settlement", "200", "150000.00"), TransactionResponse.class);
		int writers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<PaymentUpdate>> results = new ArrayList<>();
		for (int i = 0; i < writers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.payments.apply(settlement);
			}));
		}
		start.countDown();
		List<StatusChange.Outcome> outcomes = new ArrayList<>();
		for (Future<PaymentUpdate> result : results) {
			outcomes.add(result.get(30, TimeUnit.SECONDS).change().outcome());
		}
		pool.shutdown();

		assertThat(outcomes).filteredOn((outcome) -> outcome == StatusChange.Outcome.APPLIED).hasSize(1);
		assertThat(outcomes).filteredOn((outcome) -> outcome == StatusChange.Outcome.UNCHANGED).hasSize(writers - 1);
		assertThat(this.events).filteredOn(PaymentSettledEvent.class::isInstance).hasSize(1);
		assertThat(this.payments.findByOrderId("ORDER-9").orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.SETTLEMENT);
	}

	@Test
	void expireAcceptsMidtransExpiredAnswerAndFallsBackToStatusWhenRefused() {
		this.server.enqueue(json(pending("ORDER-10", "va", "150000.00")));
		this.server.enqueue(json(pending("ORDER-11", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-10"));
		this.payments.charge(vaCharge("ORDER-11"));
		this.server.enqueue(json(status("ORDER-10", "expire", "407", "150000.00")));
		this.server.enqueue(json("{\"status_code\":\"412\",\"status_message\":\"Merchant cannot modify the status\"}"));
		this.server.enqueue(json(status("ORDER-11", "settlement", "200", "150000.00")));

		assertThat(this.payments.expire("ORDER-10").getStatus()).isEqualTo(PaymentStatus.EXPIRE);
		assertThat(this.payments.expire("ORDER-11").getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).filteredOn(PaymentExpiredEvent.class::isInstance).hasSize(1);
		assertThat(this.events).filteredOn(PaymentSettledEvent.class::isInstance).hasSize(1);
	}

	@Test
	void challengedCardIsApprovedOnce() {
		this.server.enqueue(json("""
				{"status_code":"201","order_id":"CARD-1","transaction_id":"tx-card","gross_amount":"150000.00",
				 "payment_type":"credit_card","transaction_status":"capture","fraud_status":"challenge"}
				"""));
		this.server.enqueue(json("""
				{"status_code":"200","order_id":"CARD-1","transaction_id":"tx-card","gross_amount":"150000.00",
				 "payment_type":"credit_card","transaction_status":"capture","fraud_status":"accept"}
				"""));

		MidtransPayment challenged = this.payments
			.charge(ChargeRequest.creditCard("CARD-1", 150_000, "48111111-1114-token").build());
		MidtransPayment approved = this.payments.approve("CARD-1");

		assertThat(challenged.isChallenged()).isTrue();
		assertThat(challenged.isPaid()).isFalse();
		assertThat(approved.isPaid()).isTrue();
		assertThat(this.events).extracting((event) -> event.getClass().getSimpleName())
			.containsExactly("PaymentChallengedEvent", "PaymentSettledEvent");
		assertThat(this.payments.findByOrderId("CARD-1").orElseThrow().getChargeRequest())
			.doesNotContain("48111111-1114-token");
	}

	// ---------------------------------------------------------------- refunds

	@Test
	void refundIsRecordedSentWithItsKeyAndApplied() throws Exception {
		settledGopay("ORDER-12");
		this.server.enqueue(json("""
				{"status_code":"200","status_message":"Success, refund request is approved","order_id":"ORDER-12",
				 "transaction_status":"partial_refund","refund_chargeback_id":7,"refund_amount":"25000.00"}
				"""));
		this.server.enqueue(json(refunded("ORDER-12", "partial_refund", "25000.00", null)));

		MidtransRefund refund = this.payments.refund("ORDER-12", new BigDecimal("25000"), "out of stock", false);

		assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(refund.getMidtransRefundId()).isEqualTo(7L);
		assertThat(refund.getResponse()).contains("Success, refund request is approved");
		MidtransPayment payment = this.payments.findByOrderId("ORDER-12").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PARTIAL_REFUND);
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo("25000");
		takeCharge();
		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/v2/ORDER-12/refund");
		JsonNode body = JSON.readTree(sent.getBody().utf8());
		assertThat(body.get("refund_key").asString()).isEqualTo(refund.getRefundKey());
		assertThat(body.get("amount").asLong()).isEqualTo(25_000);
		assertThat(this.events).filteredOn(PaymentRefundedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((PaymentRefundedEvent) event).refundedAmount())
				.isEqualByComparingTo("25000"));
	}

	@Test
	void refundThatTimedOutIsRetriedWithTheSameKeyAndRefundsOnce() throws Exception {
		settledGopay("ORDER-13");
		this.server.enqueue(json("{\"status_code\":\"200\"}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
		MidtransRefund requested = this.payments.requestRefund("ORDER-13", new BigDecimal("50000"), null, false);
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.payments.executeRefund(requested.getRefundKey()));
		assertThat(this.payments.findRefunds("ORDER-13")).singleElement()
			.satisfies((refund) -> assertThat(refund.getState()).isEqualTo(RefundState.REQUESTED));

		this.server.enqueue(json("{\"status_code\":\"406\",\"status_message\":\"Duplicate refund ID\"}"));
		this.server.enqueue(json(refunded("ORDER-13", "partial_refund", "50000.00", requested.getRefundKey())));
		MidtransRefund refund = this.payments.executeRefund(requested.getRefundKey());

		assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(this.payments.findRefunds("ORDER-13")).hasSize(1);
		takeCharge();
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		assertThat(JSON.readTree(first.getBody().utf8()).get("refund_key").asString())
			.isEqualTo(requested.getRefundKey());
		assertThat(JSON.readTree(second.getBody().utf8()).get("refund_key").asString())
			.isEqualTo(requested.getRefundKey());
		assertThat(this.payments.findByOrderId("ORDER-13").orElseThrow().getRefundedAmount())
			.isEqualByComparingTo("50000");
		// A finished refund is never sent again.
		int calls = this.server.getRequestCount();
		this.payments.executeRefund(requested.getRefundKey());
		assertThat(this.server.getRequestCount()).isEqualTo(calls);
	}

	@Test
	void refundsRequestedAtOnceUnderOneKeyRecordOneRefund() throws Exception {
		settledGopay("ORDER-RK");
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MidtransRefund>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.payments.requestRefund("ORDER-RK", new BigDecimal("25000"), null, false, "race-key");
			}));
		}
		start.countDown();
		List<Long> ids = new ArrayList<>();
		for (Future<MidtransRefund> result : results) {
			ids.add(result.get(30, TimeUnit.SECONDS).getId());
		}
		pool.shutdown();

		assertThat(ids).hasSize(callers).containsOnly(ids.get(0));
		assertThat(this.payments.findRefunds("ORDER-RK")).singleElement()
			.satisfies((refund) -> assertThat(refund.getRefundKey()).isEqualTo("race-key"));
	}

	@Test
	void refundInterruptedAfterMidtransAcceptedItIsFinishedByTheNextAttempt() throws Exception {
		settledGopay("ORDER-DIE");
		String accepted = """
				{"status_code":"200","status_message":"Success, refund request is approved","order_id":"ORDER-DIE",
				 "transaction_status":"partial_refund","refund_chargeback_id":9,"refund_amount":"25000.00"}
				""";
		this.server.enqueue(json(accepted));
		this.dieOnNextStatusCall = true;
		MidtransRefund requested = this.payments.requestRefund("ORDER-DIE", new BigDecimal("25000"), null, false);

		assertThatIllegalStateException().isThrownBy(() -> this.payments.executeRefund(requested.getRefundKey()));

		// Nothing recorded the refund as done: the periodic re-drive sends it again.
		assertThat(this.payments.findRefunds("ORDER-DIE")).singleElement()
			.satisfies((refund) -> assertThat(refund.getState()).isEqualTo(RefundState.REQUESTED));
		this.server.enqueue(json(accepted));
		this.server.enqueue(json(refunded("ORDER-DIE", "partial_refund", "25000.00", requested.getRefundKey())));
		MidtransRefund refund = this.payments.executeRefund(requested.getRefundKey());

		assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
		MidtransPayment payment = this.payments.findByOrderId("ORDER-DIE").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PARTIAL_REFUND);
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo("25000");
		assertThat(this.events).filteredOn(PaymentRefundedEvent.class::isInstance).hasSize(1);
	}

	@Test
	void refundsCannotExceedWhatIsLeft() {
		settledGopay("ORDER-14");
		this.payments.requestRefund("ORDER-14", new BigDecimal("100000"), null, false);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.payments.requestRefund("ORDER-14", new BigDecimal("50001"), null, false))
			.withMessage("Refund of 50001 for order 'ORDER-14' exceeds what is left to refund (50000.00)");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.payments.requestRefund("ORDER-14", new BigDecimal("10.5"), null, false))
			.withMessageContaining("positive whole number");
		assertThat(this.payments.findRefunds("ORDER-14")).hasSize(1);
	}

	@Test
	void refundRequestedTwiceUnderOneKeyIsOneRefund() {
		settledGopay("ORDER-17");

		MidtransRefund first = this.payments.requestRefund("ORDER-17", new BigDecimal("5000"), null, false, "shop-17");
		MidtransRefund again = this.payments.requestRefund("ORDER-17", new BigDecimal("5000"), null, false, "shop-17");

		assertThat(again.getId()).isEqualTo(first.getId());
		assertThat(again.getRefundKey()).isEqualTo("shop-17");
		assertThat(this.payments.findRefunds("ORDER-17")).hasSize(1);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.payments.requestRefund("ORDER-17", new BigDecimal("6000"), null, false, "shop-17"))
			.withMessageContaining("was used for a refund of 5000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.payments.requestRefund("ORDER-17", BigDecimal.ONE, null, false, "bad key!"))
			.withMessageContaining("Refund key must be");
	}

	@Test
	void unpaidPaymentCannotBeRefunded() {
		this.server.enqueue(json(pending("ORDER-15", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-15"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.payments.refund("ORDER-15", new BigDecimal("1000"), null, false))
			.withMessageContaining("only a paid payment can be refunded");
		assertThat(this.payments.findRefunds("ORDER-15")).isEmpty();
	}

	@Test
	void refundRefusedByTheBankIsMarkedFailedAndFreesTheAmount() {
		settledGopay("ORDER-16");
		this.server.enqueue(json("""
				{"status_code":"202","status_message":"Refund denied by the bank","transaction_status":"settlement"}
				"""));

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.payments.refund("ORDER-16", new BigDecimal("150000"), null, true));

		assertThat(this.payments.findRefunds("ORDER-16")).singleElement()
			.satisfies((refund) -> assertThat(refund.getState()).isEqualTo(RefundState.FAILED));
		assertThat(this.payments.requestRefund("ORDER-16", new BigDecimal("150000"), null, false).getState())
			.isEqualTo(RefundState.REQUESTED);
	}

	@Test
	void directRefundRejectedByTheBankLeavesThePaymentSettledAndTheRefundFailed() {
		settledGopay("REFUND-REFUSED-1");
		this.events.clear();
		this.server.enqueue(json(Fixtures.read("refusals/direct-refund-rejected.json")));

		assertThatExceptionOfType(MidtransRefusalException.class)
			.isThrownBy(() -> this.payments.refund("REFUND-REFUSED-1", new BigDecimal("150000"), null, true))
			.satisfies((ex) -> assertThat(ex.getTransactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT));

		MidtransPayment payment = this.payments.findByOrderId("REFUND-REFUSED-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo("0");
		assertThat(payment.getLastError()).contains("direct refund")
			.contains("refused")
			.contains("Refund denied by the bank")
			.contains("still settlement");
		assertThat(this.payments.findRefunds("REFUND-REFUSED-1")).singleElement().satisfies((refund) -> {
			assertThat(refund.getState()).isEqualTo(RefundState.FAILED);
			assertThat(refund.getStatusCode()).isEqualTo("202");
		});
		assertThat(this.events).isEmpty();
	}

	@Test
	void deniedCaptureLeavesThePaymentAuthorizedAndRecordsTheRefusal() {
		this.server.enqueue(
				json("""
						{"status_code":"200","order_id":"CAPTURE-REFUSED-1","transaction_id":"3f9e2d10-6b7a-4c58-8e21-9a0b4c7d1e36",
						 "gross_amount":"150000.00","payment_type":"credit_card","transaction_status":"authorize",
						 "fraud_status":"accept"}
						"""));
		this.payments.charge(ChargeRequest.creditCard("CAPTURE-REFUSED-1", 150_000, "48111111-1114-token").build());
		assertThat(this.payments.findByOrderId("CAPTURE-REFUSED-1").orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.AUTHORIZE);
		this.events.clear();
		this.server.enqueue(json(Fixtures.read("refusals/capture-denied.json")));

		assertThatExceptionOfType(MidtransRefusalException.class)
			.isThrownBy(() -> this.payments.capture("CAPTURE-REFUSED-1", null))
			.satisfies((ex) -> {
				assertThat(ex.getTransactionStatus()).isEqualTo(TransactionStatus.AUTHORIZE);
				assertThat(ex.getFraudStatus()).isEqualTo(FraudStatus.ACCEPT);
			});

		MidtransPayment payment = this.payments.findByOrderId("CAPTURE-REFUSED-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.AUTHORIZE);
		assertThat(payment.isPaid()).isFalse();
		assertThat(payment.getLastError()).contains("capture refused")
			.contains("Capture transaction is denied by the bank")
			.contains("still authorize");
		assertThat(this.events).isEmpty();
	}

	// ---------------------------------------------------------------- the gate

	@Test
	void duplicateOrderIdOfAnotherAmountIsNeverAdoptedAsThisPayment() throws Exception {
		// Someone (another system, a test, an old order) already paid 5,000 under this
		// order id at Midtrans.
		this.server.enqueue(json("{\"status_code\":\"406\",\"status_message\":\"Duplicate order ID\"}"));
		this.server.enqueue(json(status("TAKEN-1", "settlement", "200", "5000.00")));

		assertThatExceptionOfType(PaymentConflictException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("TAKEN-1")))
			.satisfies((ex) -> {
				assertThat(ex.getOrderId()).isEqualTo("TAKEN-1");
				assertThat(ex.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
				assertThat(ex.getMessage()).contains("5000.00").contains("150000.00");
			});

		MidtransPayment payment = this.payments.findByOrderId("TAKEN-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(payment.isPaid()).isFalse();
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(payment.getFlagDetail()).contains("5000.00");
		assertThat(this.events).noneMatch(PaymentSettledEvent.class::isInstance);
		assertThat(this.events).filteredOn(PaymentFlaggedEvent.class::isInstance)
			.singleElement()
			.satisfies(
					(event) -> assertThat(((PaymentFlaggedEvent) event).flag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH));
		// A later settlement notification for the stranger's transaction changes nothing.
		PaymentUpdate later = this.payments.apply(MidtransJson.newMapper()
			.readValue(status("TAKEN-1", "settlement", "200", "5000.00"), TransactionResponse.class));
		assertThat(later.change().outcome()).isEqualTo(StatusChange.Outcome.FLAGGED);
		assertThat(this.events).filteredOn(PaymentFlaggedEvent.class::isInstance).hasSize(1);
	}

	@Test
	void duplicateOrderIdOfAnotherPaymentMethodIsNeverAdopted() {
		this.server.enqueue(json("{\"status_code\":\"406\",\"status_message\":\"Duplicate order ID\"}"));
		this.server.enqueue(json("""
				{"status_code":"200","order_id":"TAKEN-2","transaction_id":"tx-x","gross_amount":"150000.00",
				 "payment_type":"gopay","transaction_status":"settlement","fraud_status":"accept"}
				"""));

		assertThatExceptionOfType(PaymentConflictException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("TAKEN-2")))
			.satisfies((ex) -> assertThat(ex.getFlag()).isEqualTo(PaymentFlag.PAYMENT_TYPE_MISMATCH));
		assertThat(this.payments.findByOrderId("TAKEN-2").orElseThrow().getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(this.events).noneMatch(PaymentSettledEvent.class::isInstance);
	}

	@Test
	void unansweredChargeIsNotAdoptedByAnAnswerOfAnotherPaymentMethod() {
		this.server
			.enqueue(json(pending("LOST-1", "va", "150000.00")).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("LOST-1")));

		// A notification (or any answer) about a GoPay transaction under this order id.
		PaymentUpdate update = this.payments.apply(MidtransJson.newMapper().readValue("""
				{"status_code":"200","order_id":"LOST-1","gross_amount":"150000.00","payment_type":"gopay",
				 "transaction_status":"settlement","fraud_status":"accept"}
				""", TransactionResponse.class));

		assertThat(update.change().outcome()).isEqualTo(StatusChange.Outcome.FLAGGED);
		assertThat(update.payment().getFlag()).isEqualTo(PaymentFlag.PAYMENT_TYPE_MISMATCH);
		assertThat(update.payment().getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(this.events).noneMatch(PaymentSettledEvent.class::isInstance);
	}

	@Test
	void chargeAnswerOfAnotherAmountIsNotApplied() {
		this.server.enqueue(json(status("ANSWER-1", "settlement", "200", "1.00")));

		assertThatExceptionOfType(PaymentConflictException.class)
			.isThrownBy(() -> this.payments.charge(vaCharge("ANSWER-1")));

		MidtransPayment payment = this.payments.findByOrderId("ANSWER-1").orElseThrow();
		assertThat(payment.isPaid()).isFalse();
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).noneMatch(PaymentSettledEvent.class::isInstance);
	}

	@Test
	void statusAnswerOfAnotherAmountFlagsThePaymentOnceAndMovesNothing() {
		this.server.enqueue(json(pending("CHECK-1", "va", "150000.00")));
		this.payments.charge(vaCharge("CHECK-1"));
		this.events.clear();
		this.server.enqueue(json(status("CHECK-1", "settlement", "200", "150.00")));
		this.server.enqueue(json(status("CHECK-1", "settlement", "200", "150.00")));

		MidtransPayment first = this.payments.refreshStatus("CHECK-1");
		MidtransPayment again = this.payments.refreshStatus("CHECK-1");

		assertThat(first.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(first.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(first.getNextCheckAt()).isNull();
		assertThat(again.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).singleElement().isInstanceOf(PaymentFlaggedEvent.class);
		assertThat(this.database.jdbc()
			.queryForObject("select flag from midtrans_payment where order_id = 'CHECK-1'", String.class))
			.isEqualTo("AMOUNT_MISMATCH");
	}

	@Test
	void answersAboutAnotherOrderIdOrCurrencyAreNotApplied() {
		this.server.enqueue(json(pending("CHECK-2", "va", "150000.00")));
		this.server.enqueue(json(pending("CHECK-3", "va", "150000.00")));
		this.payments.charge(vaCharge("CHECK-2"));
		this.payments.charge(vaCharge("CHECK-3"));
		this.events.clear();
		this.server.enqueue(json(status("check-2", "settlement", "200", "150000.00")));
		this.server.enqueue(json(status("CHECK-3", "settlement", "200", "150000.00").replace("\"gross_amount\"",
				"\"currency\":\"USD\",\"gross_amount\"")));

		assertThat(this.payments.refreshStatus("CHECK-2").getFlag()).isEqualTo(PaymentFlag.ORDER_ID_MISMATCH);
		assertThat(this.payments.refreshStatus("CHECK-3").getFlag()).isEqualTo(PaymentFlag.CURRENCY_MISMATCH);
		assertThat(this.events).hasSize(2).allMatch(PaymentFlaggedEvent.class::isInstance);
	}

	@Test
	void clearedFlagLetsTheNextMatchingAnswerApply() {
		this.server.enqueue(json(pending("CHECK-4", "va", "150000.00")));
		this.payments.charge(vaCharge("CHECK-4"));
		this.server.enqueue(json(status("CHECK-4", "settlement", "200", "1.00")));
		this.payments.refreshStatus("CHECK-4");
		this.events.clear();

		MidtransPayment cleared = this.payments.clearFlag("CHECK-4", "checked with Midtrans support");
		this.server.enqueue(json(status("CHECK-4", "settlement", "200", "150000.00")));
		MidtransPayment settled = this.payments.refreshStatus("CHECK-4");

		assertThat(cleared.isFlagged()).isFalse();
		assertThat(cleared.getNextCheckAt()).isNotNull();
		assertThat(settled.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
	}

	@Test
	void refundAnswerOfAnotherAmountIsNotRecordedAsRefunded() {
		settledGopay("REFUND-X");
		this.events.clear();
		this.server.enqueue(json("""
				{"status_code":"200","status_message":"Success, refund request is approved","order_id":"REFUND-X",
				 "transaction_status":"refund","refund_chargeback_id":9,"refund_amount":"150000.00"}
				"""));
		this.server.enqueue(json(refunded("REFUND-X", "refund", "150000.00", null)));

		MidtransRefund refund = this.payments.refund("REFUND-X", new BigDecimal("25000"), null, false);

		assertThat(refund.getState()).isEqualTo(RefundState.FAILED);
		assertThat(refund.getLastError()).contains("150000.00");
		MidtransPayment payment = this.payments.findByOrderId("REFUND-X").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo("0");
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(this.events).singleElement().isInstanceOf(PaymentFlaggedEvent.class);
	}

	@Test
	void refundedTotalAboveTheGrossAmountIsNotApplied() {
		settledGopay("REFUND-Y");
		this.events.clear();
		this.server.enqueue(json(refunded("REFUND-Y", "refund", "900000.00", "k")));

		MidtransPayment payment = this.payments.refreshStatus("REFUND-Y");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.REFUND_MISMATCH);
		assertThat(this.events).noneMatch(PaymentRefundedEvent.class::isInstance);
	}

	// ---------------------------------------------------------------- helpers

	@Test
	void periodicCheckThatChangesThePaymentLocksAndUpdatesItInTwoStatements() throws Exception {
		this.server.enqueue(json(pending("ORDER-J", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-J"));
		PaymentJobs jobs = jobs();
		PaymentJobs.Page<DuePayment> page = jobs.dueForCheck(0, 10);
		assertThat(page.keys()).extracting(DuePayment::orderId).containsExactly("ORDER-J");
		this.server.enqueue(json(status("ORDER-J", "settlement", "200", "150000.00")));
		this.events.clear();
		Statistics statistics = statistics();

		PaymentJobs.CheckResult result = jobs.checkDue(page.keys().get(0));

		assertThat(result.outcome()).isEqualTo(PaymentJobs.CheckOutcome.CHECKED);
		assertThat(result.status()).isEqualTo(PaymentStatus.SETTLEMENT);
		// The page carried what the check needs: no look-up before the call, one locked
		// read and one update after it (the events of this test go to no outbox).
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
		MidtransPayment stored = this.payments.findByOrderId("ORDER-J").orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		// The items, left unread by the locked read, are still there.
		assertThat(stored.getItems()).hasSize(1);
		assertThat(this.violations).isEmpty();
	}

	@Test
	void periodicChecksReuseTheTranslationOfTheirLockedRead() throws Exception {
		// Translating a query to SQL costs more than running it: a locked read whose
		// translation is not kept (as with an entity graph) makes every check CPU-bound.
		this.server.enqueue(json(pending("ORDER-J1", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-J1"));
		this.server.enqueue(json(pending("ORDER-J2", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-J2"));
		PaymentJobs jobs = jobs();
		List<DuePayment> due = jobs.dueForCheck(0, 10).keys();
		assertThat(due).extracting(DuePayment::orderId).containsExactly("ORDER-J1", "ORDER-J2");
		this.server.enqueue(json(status("ORDER-J1", "settlement", "200", "150000.00")));
		jobs.checkDue(due.get(0));
		this.server.enqueue(json(status("ORDER-J2", "settlement", "200", "150000.00")));
		Statistics statistics = statistics();
		List<ILoggingEvent> logged;
		// At INFO, as an application logs by default.
		try (LogCapture hibernate = LogCapture.at(Level.INFO, "org.hibernate")) {
			assertThat(jobs.checkDue(due.get(1)).status()).isEqualTo(PaymentStatus.SETTLEMENT);
			logged = hibernate.events();
		}

		// Two hits: the query's parsed form and its translation to SQL.
		assertThat(statistics.getQueryPlanCacheMissCount()).isZero();
		assertThat(statistics.getQueryPlanCacheHitCount()).isEqualTo(2);
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
		// Nothing logged per check (a hint Hibernate calls unrecognised would be).
		assertThat(logged).filteredOn((event) -> event.getLevel().isGreaterOrEqual(Level.INFO)).isEmpty();
		MidtransPayment stored = this.payments.findByOrderId("ORDER-J2").orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(stored.getItems()).hasSize(1);
	}

	@Test
	void workGivenWithAnAnswerCommitsWithItsUpdateInTwoStatements() throws Exception {
		TransactionResponse settlement = pendingThenSettlement("ORDER-W");
		this.events.clear();
		Statistics statistics = statistics();

		PaymentStatus seen = this.payments.apply(settlement, (update) -> {
			assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
			// Published after commit, not while the work runs.
			assertThat(this.events).isEmpty();
			assertThat(update.change().outcome()).isEqualTo(StatusChange.Outcome.APPLIED);
			return update.payment().getStatus();
		});

		assertThat(seen).isEqualTo(PaymentStatus.SETTLEMENT);
		// The locked read without the items (the work did not read them), and the update.
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
		MidtransPayment stored = this.payments.findByOrderId("ORDER-W").orElseThrow();
		assertThat(stored.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(stored.getItems()).hasSize(1);
	}

	@Test
	void workGivenWithAnAnswerReadsTheItemsWhenItNeedsThem() throws Exception {
		TransactionResponse settlement = pendingThenSettlement("ORDER-X");

		int items = this.payments.apply(settlement, (update) -> update.payment().getItems().size());

		assertThat(items).isOne();
	}

	@Test
	void failingWorkGivenWithAnAnswerLeavesThePaymentAsItWas() throws Exception {
		TransactionResponse settlement = pendingThenSettlement("ORDER-Y");
		this.events.clear();

		assertThatIllegalStateException().isThrownBy(() -> this.payments.apply(settlement, (update) -> {
			throw new IllegalStateException("the caller's own write failed");
		})).withMessage("the caller's own write failed");

		// Rolled back with the work: not settled, no event.
		assertThat(this.payments.findByOrderId("ORDER-Y").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
	}

	@Test
	void periodicCheckWhoseAnswerChangesNothingTakesOneStatement() throws Exception {
		this.server.enqueue(json(pending("ORDER-K", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-K"));
		PaymentJobs jobs = jobs();
		DuePayment due = jobs.dueForCheck(0, 10).keys().get(0);
		this.server.enqueue(json(pending("ORDER-K", "va", "150000.00")));
		this.events.clear();
		Statistics statistics = statistics();

		PaymentJobs.CheckResult result = jobs.checkDue(due);

		assertThat(result.status()).isEqualTo(PaymentStatus.PENDING);
		assertThat(statistics.getPrepareStatementCount()).isOne();
		assertThat(this.events).isEmpty();
		assertThat(jobs.dueForCheck(0, 10).keys()).extracting(DuePayment::orderId).containsExactly("ORDER-K");
	}

	@Test
	void periodicCheckAppliesToThePaymentAsItStandsNotAsItsPageReadIt() throws Exception {
		this.server.enqueue(json(pending("ORDER-L", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-L"));
		PaymentJobs jobs = jobs();
		DuePayment due = jobs.dueForCheck(0, 10).keys().get(0);
		// A notification settles the payment after the page was read.
		this.payments.apply(MidtransJson.newMapper()
			.readValue(status("ORDER-L", "settlement", "200", "150000.00"), TransactionResponse.class));
		this.events.clear();
		// A late answer still says pending: stale, nothing moves back, no event.
		this.server.enqueue(json(pending("ORDER-L", "va", "150000.00")));

		PaymentJobs.CheckResult result = jobs.checkDue(due);

		assertThat(result.status()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.payments.findByOrderId("ORDER-L").orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).isEmpty();
	}

	@Test
	void expiryJobExpiresAPaymentAsItsPageReadIt() throws Exception {
		this.server.enqueue(json(pending("ORDER-M", "va", "150000.00")));
		this.payments.charge(vaCharge("ORDER-M"));
		// The expiry time of the answer (2026-11-25 10:00 in Jakarta) has passed.
		PaymentJobs jobs = new PaymentJobs(this.payments, this.database.entityManager(),
				this.database.transactionManager(), Clock.fixed(Instant.parse("2026-11-26T03:00:00Z"), ZoneOffset.UTC),
				settings());
		DuePayment due = jobs.dueForExpiry(0, 10).keys().get(0);
		this.server.enqueue(json(status("ORDER-M", "expire", "407", "150000.00")));
		this.events.clear();
		Statistics statistics = statistics();

		assertThat(jobs.expireDue(due)).isEqualTo(PaymentStatus.EXPIRE);

		assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
		assertThat(this.events).singleElement().isInstanceOf(PaymentExpiredEvent.class);
		assertThat(this.payments.findByOrderId("ORDER-M").orElseThrow().getItems()).hasSize(1);
	}

	/**
	 * A payment charged and pending, and Midtrans' answer that settles it.
	 */
	private TransactionResponse pendingThenSettlement(String orderId) throws Exception {
		this.server.enqueue(json(pending(orderId, "va", "150000.00")));
		this.payments.charge(vaCharge(orderId));
		return MidtransJson.newMapper()
			.readValue(status(orderId, "settlement", "200", "150000.00"), TransactionResponse.class);
	}

	private PaymentJobs jobs() {
		return new PaymentJobs(this.payments, this.database.entityManager(), this.database.transactionManager(),
				Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC), settings());
	}

	private static PaymentJobs.Settings settings() {
		return new PaymentJobs.Settings(Duration.ofMinutes(10), Duration.ZERO,
				new CheckBackOff(Duration.ofMinutes(1), 2, Duration.ofHours(1), Duration.ZERO));
	}

	private Statistics statistics() {
		Statistics statistics = this.database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		statistics.clear();
		return statistics;
	}

	void settledGopay(String orderId) {
		this.server.enqueue(json("""
				{"status_code":"200","order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00",
				 "payment_type":"gopay","transaction_status":"settlement","fraud_status":"accept"}
				""".formatted(orderId, orderId)));
		this.payments.charge(ChargeRequest.gopay(orderId, 150_000).build());
	}

	void takeCharge() throws InterruptedException {
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/charge");
	}

	static ChargeRequest vaCharge(String orderId) {
		return ChargeRequest.bankTransfer(orderId, 150_000, Bank.BCA)
			.item(ItemDetail.of("SKU-1", "Coffee", 150_000, 1))
			.build();
	}

	static String orderIdOf(RecordedRequest request) {
		return JSON.readTree(request.getBody().utf8()).at("/transaction_details/order_id").asString();
	}

	static String pending(String orderId, String kind, String amount) {
		return """
				{"status_code":"201","status_message":"Success, Bank Transfer transaction is created",
				 "order_id":"%s","transaction_id":"tx-%s","gross_amount":"%s","currency":"IDR",
				 "payment_type":"%s","transaction_time":"2026-11-24 10:00:00","transaction_status":"pending",
				 "fraud_status":"accept","va_numbers":[{"bank":"bca","va_number":"812785002530231"}],
				 "expiry_time":"2026-11-25 10:00:00"}
				""".formatted(orderId, orderId, amount, "gopay".equals(kind) ? "gopay" : "bank_transfer");
	}

	static String status(String orderId, String status, String code, String amount) {
		return """
				{"status_code":"%s","order_id":"%s","transaction_id":"tx-%s","gross_amount":"%s",
				 "payment_type":"bank_transfer","transaction_status":"%s","fraud_status":"accept"}
				""".formatted(code, orderId, orderId, amount, status);
	}

	static String refunded(String orderId, String status, String total, String refundKey) {
		return """
				{"status_code":"200","order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00",
				 "payment_type":"gopay","transaction_status":"%s","refund_amount":"%s",
				 "refunds":[{"refund_key":"%s","refund_amount":"%s"}]}
				""".formatted(orderId, orderId, status, total, refundKey, total);
	}

	static MockResponse json(String body) {
		return json(200, body);
	}

	static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
