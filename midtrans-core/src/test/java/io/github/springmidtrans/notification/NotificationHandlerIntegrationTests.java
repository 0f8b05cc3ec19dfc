package io.github.springmidtrans.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.LogCapture;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentFlaggedEvent;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link NotificationHandler} against a real database. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationHandlerIntegrationTests {

	private static final String SERVER_KEY = "SB-Mid-server-NOTIFY-TEST";

	private DatabaseFixture database;

	private MockWebServer server;

	private MidtransClient client;

	private PaymentService payments;

	private NotificationHandler handler;

	private final List<PaymentEvent> events = new CopyOnWriteArrayList<>();

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
		this.client = MidtransClient.builder().serverKey(SERVER_KEY).baseUrl(this.server.url("/").toString()).build();
		Clock clock = Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC);
		this.payments = new PaymentService(this.client, this.database.entityManager(),
				this.database.transactionManager(), (event) -> this.events.add((PaymentEvent) event), clock);
		this.handler = handler(false);
		this.server.enqueue(json("""
				{"status_code":"201","order_id":"ORDER-1","transaction_id":"tx-1","gross_amount":"150000.00",
				 "payment_type":"bank_transfer","transaction_status":"pending","fraud_status":"accept",
				 "va_numbers":[{"bank":"bca","va_number":"8127"}]}
				"""));
		this.payments.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());
		this.events.clear();
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	private NotificationHandler handler(boolean confirmWithStatus) {
		return new NotificationHandler(this.client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), Clock.systemUTC(), confirmWithStatus);
	}

	@Test
	void validNotificationIsAppliedAndAudited() {
		NotificationResult result = this.handler.handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.outcome().httpStatus()).isEqualTo(200);
		assertThat(result.status()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
		Map<String, Object> audit = auditRow(result);
		assertThat(audit.get("outcome")).isEqualTo("PROCESSED");
		assertThat(audit.get("order_id")).isEqualTo("ORDER-1");
		assertThat(audit.get("transaction_status")).isEqualTo("settlement");
		assertThat((String) audit.get("payload")).contains("\"settlement\"");
		assertThat(audit.get("processed_at")).isNotNull();
	}

	@Test
	void auditRowKeepsTheOutcomeItsTimeAndTheErrorExactly() {
		// Received at 10:00:00, processed 250 ms later (the clock moves on each read).
		Instant received = Instant.parse("2026-11-24T03:00:00Z");
		List<Instant> readings = new ArrayList<>(List.of(received));
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return readings.isEmpty() ? received.plusMillis(250) : readings.remove(0);
			}

		};
		NotificationHandler handler = new NotificationHandler(this.client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), clock, false);
		String forged = """
				{"order_id":"ORDER-1","status_code":"200","gross_amount":"150000.00","transaction_status":"settlement",
				 "signature_key":"%s"}
				""".formatted(NotificationSignature.compute("ORDER-1", "200", "150000.00", "SB-Mid-server-OTHER"));

		NotificationResult rejected = handler.handle(forged);
		readings.add(received);
		NotificationResult applied = handler.handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		MidtransNotification rejectedAudit = audit(rejected);
		assertThat(rejectedAudit.getOutcome()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE);
		assertThat(rejectedAudit.getError()).isEqualTo("the signature does not match");
		assertThat(rejectedAudit.getReceivedAt()).isEqualTo(received);
		assertThat(rejectedAudit.getProcessedAt()).isEqualTo(received.plusMillis(250));
		assertThat(rejectedAudit.getProcessingMillis()).isEqualTo(250);
		MidtransNotification appliedAudit = audit(applied);
		assertThat(appliedAudit.getOutcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(appliedAudit.getError()).isNull();
		assertThat(appliedAudit.getProcessedAt()).isEqualTo(received.plusMillis(250));
		assertThat(appliedAudit.getProcessingMillis()).isEqualTo(250);
	}

	private MidtransNotification audit(NotificationResult result) {
		return new org.springframework.transaction.support.TransactionTemplate(this.database.transactionManager())
			.execute((status) -> this.database.entityManager()
				.find(MidtransNotification.class, result.notificationId()));
	}

	@Test
	void duplicateAndLateNotificationsChangeNothing() {
		this.handler.handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		NotificationResult duplicate = this.handler.handle(notification("ORDER-1", "settlement", "200", "150000.00"));
		NotificationResult late = this.handler.handle(notification("ORDER-1", "pending", "201", "150000.00"));

		assertThat(duplicate.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(late.outcome()).isEqualTo(NotificationOutcome.STALE);
		assertThat(late.message()).isEqualTo("the payment is already SETTLEMENT");
		assertThat(late.status()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).hasSize(1);
		assertThat(auditCount()).isEqualTo(3);
	}

	@Test
	void forgedSignatureIsRejectedKeptAndHarmless() {
		String forged = """
				{"order_id":"ORDER-1","status_code":"200","gross_amount":"150000.00","transaction_status":"settlement",
				 "signature_key":"%s"}
				""".formatted(NotificationSignature.compute("ORDER-1", "200", "150000.00", "SB-Mid-server-OTHER"));

		NotificationResult result = this.handler.handle(forged);

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE);
		assertThat(result.outcome().httpStatus()).isEqualTo(401);
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
		assertThat(auditRow(result).get("outcome")).isEqualTo("INVALID_SIGNATURE");
	}

	@Test
	void orderIdsOfRejectedNotificationsAreLoggedSanitisedAndShort() {
		try (LogCapture logs = LogCapture.of(NotificationHandler.class)) {
			String forgedLine = "X\r\n2026-11-24 WARN forged line\u0000" + "A".repeat(5000);
			String body = """
					{"order_id":"%s","status_code":"200","gross_amount":"1.00","signature_key":"00"}
					""".formatted(forgedLine.replace("\r", "\\r").replace("\n", "\\n").replace("\u0000", "\\u0000"));

			NotificationResult result = this.handler.handle(body);

			assertThat(result.outcome()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE);
			assertThat(logs.events()).singleElement().satisfies((event) -> {
				assertThat(event.getFormattedMessage()).doesNotContain("\r", "\n", "\u0000").hasSizeLessThan(300);
				assertThat(event.getFormattedMessage()).contains("X??2026-11-24 WARN forged line?AAA");
			});
		}
	}

	@Test
	void nulCharactersAreKeptForAuditWithoutBreakingTheDatabase() {
		// PostgreSQL refuses U+0000 in text; the body comes from anyone on the internet.
		String body = """
				{"order_id":"NUL\\u0000ORDER","status_code":"200","gross_amount":"1.00","signature_key":"00",
				 "transaction_status":"settle\\u0000ment"}
				""";

		NotificationResult result = this.handler.handle(body);

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE);
		Map<String, Object> audit = auditRow(result);
		assertThat(audit.get("order_id")).isEqualTo("NUL\uFFFDORDER");
		assertThat(audit.get("outcome")).isEqualTo("INVALID_SIGNATURE");
		assertThat((String) audit.get("payload")).doesNotContain("\u0000");
	}

	@Test
	void tamperedAmountIsNotApplied() {
		NotificationResult result = this.handler.handle(notification("ORDER-1", "settlement", "200", "1000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.AMOUNT_MISMATCH);
		assertThat(result.message()).isEqualTo("not applied; payment flagged AMOUNT_MISMATCH: Midtrans reports "
				+ "gross_amount 1000.00 for order 'ORDER-1', recorded 150000.00");
		MidtransPayment payment = this.payments.findByOrderId("ORDER-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).singleElement().isInstanceOf(PaymentFlaggedEvent.class);
	}

	@Test
	void unknownOrderIsAcknowledgedAndKept() {
		NotificationResult result = this.handler.handle(notification("SOMEONE-ELSE", "settlement", "200", "5.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.UNKNOWN_ORDER);
		assertThat(result.outcome().httpStatus()).isEqualTo(200);
		assertThat(auditRow(result).get("order_id")).isEqualTo("SOMEONE-ELSE");
	}

	@Test
	void unknownOrdersGoToTheUnmatchedHandlersInOrder() {
		List<String> seen = new CopyOnWriteArrayList<>();
		UnmatchedTransactionHandler notMine = (transaction) -> {
			seen.add("first:" + transaction.orderId());
			return Optional.empty();
		};
		UnmatchedTransactionHandler renewals = (transaction) -> {
			seen.add("second:" + transaction.orderId());
			return transaction.orderId().startsWith("MONTHLY") ? Optional.of("renewal recorded") : Optional.empty();
		};
		NotificationHandler routing = new NotificationHandler(this.client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), Clock.systemUTC(), false, List.of(notMine, renewals));

		NotificationResult renewal = routing.handle(notification("MONTHLY-000123", "settlement", "200", "14000.00"));
		NotificationResult stranger = routing.handle(notification("STRANGER-1", "settlement", "200", "5.00"));
		NotificationResult known = routing.handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(renewal.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(renewal.message()).isEqualTo("renewal recorded");
		assertThat(auditRow(renewal).get("error")).isEqualTo("renewal recorded");
		assertThat(stranger.outcome()).isEqualTo(NotificationOutcome.UNKNOWN_ORDER);
		assertThat(known.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(seen).containsExactly("first:MONTHLY-000123", "second:MONTHLY-000123", "first:STRANGER-1",
				"second:STRANGER-1");
	}

	@Test
	void conflictingUnmatchedDataIsKeptForAPersonNotRetried() {
		NotificationHandler routing = new NotificationHandler(this.client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), Clock.systemUTC(), false, List.of((transaction) -> {
					throw new IllegalStateException("payment belongs to another subscription");
				}));

		NotificationResult result = routing.handle(notification("MONTHLY-9", "settlement", "200", "14000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.IGNORED);
		assertThat(result.outcome().httpStatus()).isEqualTo(200);
		assertThat(result.message()).isEqualTo("payment belongs to another subscription");
	}

	@Test
	void malformedBodiesAreRejectedAndKept() {
		List<String> bodies = List.of("", "not json", "[1,2]", "{\"order_id\":\"ORDER-1\"}",
				"{\"order_id\":{\"$ne\":1},\"status_code\":\"200\",\"gross_amount\":\"1.00\",\"signature_key\":\"x\"}");
		for (String body : bodies) {
			NotificationResult result = this.handler.handle(body);
			assertThat(result.outcome()).as(body).isEqualTo(NotificationOutcome.MALFORMED);
			assertThat(result.outcome().httpStatus()).isEqualTo(400);
			assertThat(result.notificationId()).isNotNull();
		}
		assertThat(auditCount()).isEqualTo(bodies.size());
		assertThat(this.events).isEmpty();
	}

	@Test
	void fieldsOfTheWrongTypeAreMalformedEvenWhenSigned() {
		String body = """
				{"order_id":"ORDER-1","status_code":"200","gross_amount":"150000.00","transaction_status":"settlement",
				 "transaction_time":"yesterday","signature_key":"%s"}
				""".formatted(NotificationSignature.compute("ORDER-1", "200", "150000.00", SERVER_KEY));

		assertThat(this.handler.handle(body).outcome()).isEqualTo(NotificationOutcome.MALFORMED);
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void replayedPendingNotificationClaimingSettlementIsConfirmedWithMidtransFirst() {
		// The signature covers order_id, status_code and gross_amount only: anyone
		// holding
		// the "pending" notification (status_code 201) can resend it saying "settlement".
		this.server.enqueue(json("""
				{"status_code":"201","order_id":"ORDER-1","transaction_id":"tx-1","gross_amount":"150000.00",
				 "payment_type":"bank_transfer","transaction_status":"pending","fraud_status":"accept"}
				"""));

		NotificationResult result = this.handler.handle(notification("ORDER-1", "settlement", "201", "150000.00"));

		assertThat(result.outcome().httpStatus()).isEqualTo(200);
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void settlementWithItsOwnStatusCodeIsAppliedWithoutAStatusCall() {
		NotificationResult result = this.handler.handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void subscriptionNotificationsAreOnlyAudited() {
		NotificationResult result = this.handler
			.handle("{\"transaction\":{\"transaction_status\":\"capture\"},\"subscription\":{\"id\":\"s-1\"}}");

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.IGNORED);
		assertThat(auditCount()).isEqualTo(1);
	}

	@Test
	void savedCardTokenIsNotKeptInTheAuditLog() {
		String body = """
				{"order_id":"ORDER-1","status_code":"200","gross_amount":"150000.00","transaction_status":"settlement",
				 "saved_token_id":"48111111SECRETTOKEN1114","signature_key":"%s"}
				""".formatted(NotificationSignature.compute("ORDER-1", "200", "150000.00", SERVER_KEY));

		NotificationResult result = this.handler.handle(body);

		assertThat((String) auditRow(result).get("payload")).doesNotContain("SECRETTOKEN").contains("(removed)");
	}

	@Test
	void confirmationThroughStatusAppliesMidtransView() throws Exception {
		this.server.takeRequest();
		this.server.enqueue(json("""
				{"status_code":"201","order_id":"ORDER-1","transaction_id":"tx-1","gross_amount":"150000.00",
				 "payment_type":"bank_transfer","transaction_status":"pending"}
				"""));

		NotificationResult result = handler(true).handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/ORDER-1/status");
		assertThat(result.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void confirmationFailureAsksMidtransToRedeliver() {
		this.server.enqueue(new MockResponse.Builder().code(503).build());

		NotificationResult result = handler(true).handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.FAILED);
		assertThat(result.outcome().httpStatus()).isEqualTo(500);
		assertThat(auditRow(result).get("outcome")).isEqualTo("FAILED");
	}

	@Test
	void parallelDuplicatesMakeOneTransition() throws Exception {
		String body = notification("ORDER-1", "settlement", "200", "150000.00");
		ExecutorService pool = Executors.newFixedThreadPool(6);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<NotificationResult>> results = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.handler.handle(body);
			}));
		}
		start.countDown();
		List<NotificationOutcome> outcomes = new ArrayList<>();
		for (Future<NotificationResult> result : results) {
			outcomes.add(result.get(30, TimeUnit.SECONDS).outcome());
		}
		pool.shutdown();

		assertThat(outcomes).filteredOn(NotificationOutcome.PROCESSED::equals).hasSize(1);
		assertThat(outcomes).filteredOn(NotificationOutcome.DUPLICATE::equals).hasSize(5);
		assertThat(this.events).hasSize(1);
		assertThat(auditCount()).isEqualTo(6);
	}

	// ------------------------------------------------ unsigned fields, confirmed by
	// default

	@Test
	void replayedNotificationsWithEditedStatusesMoveNothingWhenMidtransSaysOtherwise() {
		NotificationHandler confirming = handler(true);
		// Midtrans still says pending: a captured pending body relabelled expire, cancel
		// or deny (their own codes are unsigned too) must not move the payment.
		for (String claim : List.of("expire", "cancel", "deny", "settlement")) {
			this.server.enqueue(json(statusAnswer("pending", "201", "150000.00", "")));
			NotificationResult result = confirming.handle(notification("ORDER-1", claim, "201", "150000.00"));
			assertThat(result.outcome()).as(claim).isEqualTo(NotificationOutcome.DUPLICATE);
		}
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
	}

	@Test
	void settledPaymentReplayedAsRefundOrChargebackStaysSettled() {
		NotificationHandler confirming = handler(true);
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));
		confirming.handle(notification("ORDER-1", "settlement", "200", "150000.00"));
		this.events.clear();
		for (String claim : List.of("refund", "partial_refund", "chargeback", "deny")) {
			this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));
			NotificationResult result = confirming
				.handle(notification("ORDER-1", claim, "200", "150000.00", ",\"refund_amount\":\"150000.00\""));
			assertThat(result.outcome()).as(claim).isEqualTo(NotificationOutcome.DUPLICATE);
		}
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));
		NotificationResult addedRefund = confirming
			.handle(notification("ORDER-1", "settlement", "200", "150000.00", ",\"refund_amount\":\"50000.00\""));

		assertThat(addedRefund.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		MidtransPayment payment = this.payments.findByOrderId("ORDER-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.getRefundedAmount()).isEqualByComparingTo("0");
		assertThat(this.events).isEmpty();
	}

	@Test
	void confirmedNotificationTakesOneTransactionBeforeItsReadAndOneAfter() throws Exception {
		this.server.takeRequest();
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));
		Statistics statistics = this.database.entityManagerFactory().unwrap(SessionFactory.class).getStatistics();
		statistics.setStatisticsEnabled(true);
		statistics.clear();

		NotificationResult result = handler(true).handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		// Audit insert and payment read, committed together; the status read; then the
		// locked read (without the items, which no answer changes), the update and the
		// audit outcome, committed together.
		assertThat(statistics.getPrepareStatementCount()).isEqualTo(5);
		assertThat(statistics.getTransactionCount()).isEqualTo(2);
		// The read with the audit row takes the few columns the handler decides on; the
		// payment is built as an entity once, under the lock.
		assertThat(statistics.getEntityStatistics(MidtransPayment.class.getName()).getLoadCount()).isOne();
		assertThat(auditRow(result)).containsEntry("outcome", "PROCESSED").containsKey("processed_at");
		assertThat(auditRow(result).get("processed_at")).isNotNull();
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
	}

	@Test
	void confirmedAnswerIsWhatIsAppliedNotTheBody() throws Exception {
		this.server.takeRequest();
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));

		NotificationResult result = handler(true).handle(notification("ORDER-1", "expire", "202", "150000.00"));

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/ORDER-1/status");
		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.status()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
	}

	@Test
	void redeliveryThatClaimsNothingNewIsNotReadAgain() {
		NotificationHandler confirming = handler(true);
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));
		confirming.handle(notification("ORDER-1", "settlement", "200", "150000.00"));
		int calls = this.server.getRequestCount();

		NotificationResult again = confirming.handle(notification("ORDER-1", "settlement", "200", "150000.00"));
		NotificationResult late = confirming.handle(notification("ORDER-1", "pending", "201", "150000.00"));

		assertThat(again.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(late.outcome()).isEqualTo(NotificationOutcome.STALE);
		assertThat(this.server.getRequestCount()).isEqualTo(calls);
	}

	@Test
	void confirmedAnswerOfAnotherAmountFlagsThePayment() {
		this.server.enqueue(json(statusAnswer("settlement", "200", "15000.00", "")));

		NotificationResult result = handler(true).handle(notification("ORDER-1", "settlement", "200", "150000.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.AMOUNT_MISMATCH);
		assertThat(auditRow(result).get("outcome")).isEqualTo("AMOUNT_MISMATCH");
		MidtransPayment payment = this.payments.findByOrderId("ORDER-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).singleElement().isInstanceOf(PaymentFlaggedEvent.class);
	}

	@Test
	void signedAmountThatDiffersIsReportedAndOnlyMidtransAnswerIsApplied() {
		this.server.enqueue(json(statusAnswer("settlement", "200", "150000.00", "")));

		NotificationResult result = handler(true).handle(notification("ORDER-1", "settlement", "200", "1.00"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.AMOUNT_MISMATCH);
		assertThat(result.message()).startsWith("the notification's amount 1.00 differs from the payment's 150000.00");
		MidtransPayment payment = this.payments.findByOrderId("ORDER-1").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(payment.isFlagged()).isFalse();
		assertThat(this.events).singleElement().isInstanceOf(PaymentSettledEvent.class);
	}

	@Test
	void withoutConfirmationABodyWhoseStatusDisagreesWithItsSignedCodeIsReadBack() {
		// The signed code 201 is a pending notification's: "expire" and "deny" are claims
		// the signature does not cover.
		this.server.enqueue(json(statusAnswer("pending", "201", "150000.00", "")));
		this.server.enqueue(json(statusAnswer("pending", "201", "150000.00", "")));
		int calls = this.server.getRequestCount();

		NotificationResult expire = this.handler.handle(notification("ORDER-1", "expire", "201", "150000.00"));
		NotificationResult deny = this.handler.handle(notification("ORDER-1", "deny", "200", "150000.00"));

		assertThat(expire.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(deny.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.server.getRequestCount()).isEqualTo(calls + 2);
		assertThat(this.payments.findByOrderId("ORDER-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.events).isEmpty();
	}

	@Test
	void statusCodesAndClaimedStatusesAgreeOnlyAsMidtransSendsThem() {
		assertThat(NotificationHandler.consistent("201", body("pending", null))).isTrue();
		assertThat(NotificationHandler.consistent("200", body("settlement", null))).isTrue();
		assertThat(NotificationHandler.consistent("200", body("capture", FraudStatus.ACCEPT))).isTrue();
		assertThat(NotificationHandler.consistent("201", body("capture", FraudStatus.CHALLENGE))).isTrue();
		assertThat(NotificationHandler.consistent("202", body("expire", null))).isTrue();
		assertThat(NotificationHandler.consistent("202", body("deny", null))).isTrue();
		assertThat(NotificationHandler.consistent("201", body("settlement", null))).isFalse();
		assertThat(NotificationHandler.consistent("201", body("capture", FraudStatus.ACCEPT))).isFalse();
		assertThat(NotificationHandler.consistent("201", body("expire", null))).isFalse();
		assertThat(NotificationHandler.consistent("200", body("deny", null))).isFalse();
		assertThat(NotificationHandler.consistent("202", body("refund", null))).isFalse();
		assertThat(NotificationHandler.consistent("200", body("something_new", null))).isFalse();
	}

	@Test
	void unknownOrderIsConfirmedBeforeAnyHandlerSeesIt() throws Exception {
		List<String> seen = new CopyOnWriteArrayList<>();
		NotificationHandler routing = new NotificationHandler(this.client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), Clock.systemUTC(), true, List.of((transaction) -> {
					seen.add(transaction.transactionStatus().wireValue() + " " + transaction.grossAmount());
					return Optional.of("taken");
				}));
		this.server.takeRequest();
		this.server.enqueue(json("""
				{"status_code":"201","order_id":"MONTHLY-7","transaction_id":"tx-7","gross_amount":"14000.00",
				 "payment_type":"credit_card","transaction_status":"pending"}
				"""));

		routing.handle(notification("MONTHLY-7", "settlement", "200", "14000.00"));

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/MONTHLY-7/status");
		assertThat(seen).containsExactly("pending 14000.00");
	}

	private static TransactionResponse body(String status, FraudStatus fraud) {
		String json = "{\"transaction_status\":\"" + status + "\""
				+ ((fraud != null) ? ",\"fraud_status\":\"" + fraud.wireValue() + "\"" : "") + "}";
		return MidtransJson.newMapper().readValue(json, TransactionResponse.class);
	}

	private static String statusAnswer(String status, String code, String amount, String extra) {
		return """
				{"status_code":"%s","order_id":"ORDER-1","transaction_id":"tx-1","gross_amount":"%s","currency":"IDR",
				 "payment_type":"bank_transfer","transaction_status":"%s","fraud_status":"accept"%s}
				""".formatted(code, amount, status, extra);
	}

	private String notification(String orderId, String status, String code, String amount, String extra) {
		return notification(orderId, status, code, amount).replace("\"currency\":\"IDR\"",
				"\"currency\":\"IDR\"" + extra);
	}

	private String notification(String orderId, String status, String code, String amount) {
		return """
				{"transaction_time":"2026-11-24 10:00:00","transaction_status":"%s","transaction_id":"tx-1",
				 "status_message":"midtrans payment notification","status_code":"%s","signature_key":"%s",
				 "payment_type":"bank_transfer","order_id":"%s","gross_amount":"%s","fraud_status":"accept",
				 "currency":"IDR"}
				""".formatted(status, code, NotificationSignature.compute(orderId, code, amount, SERVER_KEY), orderId,
				amount);
	}

	private Map<String, Object> auditRow(NotificationResult result) {
		Map<String, Object> row = this.database.jdbc()
			.queryForMap("select * from midtrans_notification where id = ?", result.notificationId());
		Map<String, Object> lower = new HashMap<>();
		row.forEach((key, value) -> lower.put(key.toLowerCase(Locale.ROOT), value));
		return lower;
	}

	private int auditCount() {
		return this.database.jdbc().queryForObject("select count(*) from midtrans_notification", Integer.class);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
