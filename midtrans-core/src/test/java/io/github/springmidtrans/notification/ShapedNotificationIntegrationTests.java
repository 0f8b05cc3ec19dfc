package io.github.springmidtrans.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.payaccount.MidtransPayAccount;
import io.github.springmidtrans.payaccount.PayAccountExpiredEvent;
import io.github.springmidtrans.payaccount.PayAccountLinkedEvent;
import io.github.springmidtrans.payaccount.PayAccountService;
import io.github.springmidtrans.payaccount.PayAccountState;
import io.github.springmidtrans.payaccount.PayAccountUnlinkedEvent;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.subscription.SubscriptionChargedEvent;
import io.github.springmidtrans.subscription.SubscriptionDisabledEvent;
import io.github.springmidtrans.subscription.SubscriptionRenewalFailedEvent;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
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
 * Subscription and pay account notifications through {@link NotificationHandler} to the
 * rows and events, against a real database and a scripted Midtrans. Neither shape is
 * signed: the body only names what to read, and only Midtrans' answers are applied.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShapedNotificationIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	private static final String CARD_SUBSCRIPTION = "6a1f0c2e-5b7d-4e98-a1c3-0d2e4f6a8b10";

	private static final String CARD_NAME = "SUBSCRIBE-1779000001";

	private static final String CAPTURED_TX = "1d2c3b4a-5e6f-4708-9a1b-2c3d4e5f6a70";

	private static final String ACCOUNT = "5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716";

	private DatabaseFixture database;

	private MockWebServer server;

	private PaymentService payments;

	private SubscriptionService subscriptions;

	private PayAccountService payAccounts;

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
			.serverKey("SB-Mid-server-placeholder-test")
			.baseUrl(this.server.url("/").toString())
			.build();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, clock);
		this.subscriptions = new SubscriptionService(client, this.database.entityManager(),
				this.database.transactionManager(), this.payments, this.events::add, clock);
		this.payAccounts = new PayAccountService(client, this.database.entityManager(),
				this.database.transactionManager(), this.events::add, clock);
		this.handler = new NotificationHandler(client, this.payments, this.database.entityManager(),
				this.database.transactionManager(), clock, true, List.of(), this.subscriptions, this.payAccounts);
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	// ---------------------------------------------------------------- subscriptions

	@Test
	void creationNotificationIsConfirmedByReadingTheSubscriptionAndItsTokenIsNotKept() throws Exception {
		subscribe();

		this.server.enqueue(json(subscription("active", "[]")));
		NotificationResult result = this.handler.handle(Fixtures.read("subscription/created-card.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.server.takeRequest().getUrl().encodedPath())
			.isEqualTo("/v1/subscriptions/" + CARD_SUBSCRIPTION);
		assertThat(audit(result).getPayload()).doesNotContain("48111111Placeholder0000001114")
			.contains(CARD_SUBSCRIPTION);
		assertThat(this.events).isEmpty();
	}

	@Test
	void paidRenewalIsReadBackAndRecordedWithItsEvent() throws Exception {
		subscribe();
		this.server.enqueue(json(subscription("active", "[\"" + CAPTURED_TX + "\"]")));
		this.server.enqueue(json(transaction(CARD_NAME + "-1", "capture", "200", "14000.00")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-captured.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.orderId()).isEqualTo(CARD_NAME + "-1");
		assertThat(this.server.takeRequest().getUrl().encodedPath())
			.isEqualTo("/v1/subscriptions/" + CARD_SUBSCRIPTION);
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/" + CAPTURED_TX + "/status");
		MidtransPayment renewal = this.payments.findByOrderId(CARD_NAME + "-1").orElseThrow();
		assertThat(renewal.isPaid()).isTrue();
		assertThat(renewal.getSubscriptionId()).isNotNull();
		assertThat(this.events).filteredOn(SubscriptionChargedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> {
				SubscriptionChargedEvent charged = (SubscriptionChargedEvent) event;
				assertThat(charged.subscriptionId()).isEqualTo(CARD_SUBSCRIPTION);
				assertThat(charged.paid()).isTrue();
				assertThat(charged.amount()).isEqualByComparingTo("14000");
			});
		assertThat(this.events).noneMatch(SubscriptionRenewalFailedEvent.class::isInstance);

		// Midtrans re-delivers: nothing new, no second event.
		this.events.clear();
		this.server.enqueue(json(subscription("active", "[\"" + CAPTURED_TX + "\"]")));
		this.server.enqueue(json(transaction(CARD_NAME + "-1", "capture", "200", "14000.00")));
		assertThat(this.handler.handle(Fixtures.read("subscription/charge-card-captured.json")).outcome())
			.isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.events).isEmpty();
	}

	@Test
	void forgedPaidClaimIsNotBelievedWhenMidtransSaysTheRenewalWasDenied() {
		subscribe();
		this.server.enqueue(json(subscription("active", "[]")));
		this.server.enqueue(json(transaction(CARD_NAME + "-1", "deny", "202", "14000.00")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-captured.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(this.payments.findByOrderId(CARD_NAME + "-1").orElseThrow().getStatus())
			.isEqualTo(PaymentStatus.DENY);
		assertThat(this.events).noneMatch(SubscriptionChargedEvent.class::isInstance);
		assertThat(this.events).filteredOn(SubscriptionRenewalFailedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> {
				SubscriptionRenewalFailedEvent failed = (SubscriptionRenewalFailedEvent) event;
				assertThat(failed.orderId()).isEqualTo(CARD_NAME + "-1");
				assertThat(failed.paymentStatus()).isEqualTo(PaymentStatus.DENY);
				assertThat(failed.amount()).isEqualByComparingTo("14000");
			});
	}

	@Test
	void renewalOfAnotherAmountIsFlaggedAndNotCharged() {
		subscribe();
		this.server.enqueue(json(subscription("active", "[\"" + CAPTURED_TX + "\"]")));
		this.server.enqueue(json(transaction(CARD_NAME + "-1", "capture", "200", "1000.00")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-captured.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.AMOUNT_MISMATCH);
		assertThat(result.message()).doesNotContain("1000");
		MidtransPayment renewal = this.payments.findByOrderId(CARD_NAME + "-1").orElseThrow();
		assertThat(renewal.isPaid()).isFalse();
		assertThat(renewal.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).noneMatch(SubscriptionChargedEvent.class::isInstance);
	}

	@Test
	void transactionOfAnotherOrderIsNotTakenForARenewal() {
		subscribe();
		// A genuine transaction of the shop, named in a forged subscription notification.
		this.server.enqueue(json(subscription("active", "[]")));
		this.server.enqueue(json(transaction("SHOP-ORDER-9", "settlement", "200", "14000.00")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-captured.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.IGNORED);
		assertThat(result.message()).contains("not a renewal");
		assertThat(this.payments.findByOrderId("SHOP-ORDER-9")).isEmpty();
		assertThat(this.events).isEmpty();
	}

	@Test
	void failureWithoutATransactionAppliesOnlyWhatMidtransSaysOfTheSubscription() throws Exception {
		subscribe();
		this.server.enqueue(json(subscription("inactive", "[]")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-failed.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.message()).contains("no transaction");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.subscriptions.findBySubscriptionId(CARD_SUBSCRIPTION).orElseThrow().getStatus())
			.isEqualTo(SubscriptionStatus.INACTIVE);
		assertThat(this.events).singleElement().isInstanceOf(SubscriptionDisabledEvent.class);
	}

	@Test
	void forgedFailureDoesNotDisableAnActiveSubscription() {
		subscribe();
		this.server.enqueue(json(subscription("active", "[]")));

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-failed.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		// Answered to whoever posted it: nothing of what the subscription holds.
		assertThat(result.message()).doesNotContainIgnoringCase("active");
		assertThat(this.subscriptions.findBySubscriptionId(CARD_SUBSCRIPTION).orElseThrow().getStatus())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(this.events).isEmpty();
	}

	@Test
	void unknownSubscriptionIsKeptWithoutAskingMidtrans() {
		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-gopay-settled.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.UNKNOWN_ORDER);
		assertThat(this.server.getRequestCount()).isZero();
		assertThat(audit(result).getPayload()).doesNotContain("gopay-token-placeholder-0001");
	}

	@Test
	void unreachableMidtransAsksForARedelivery() {
		subscribe();
		this.server.enqueue(new MockResponse.Builder().code(503).build());

		NotificationResult result = this.handler.handle(Fixtures.read("subscription/charge-card-captured.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.FAILED);
		assertThat(result.outcome().httpStatus()).isEqualTo(500);
		assertThat(this.payments.findByOrderId(CARD_NAME + "-1")).isEmpty();
	}

	// ---------------------------------------------------------------- pay accounts

	@Test
	void linkNotificationIsConfirmedByReadingTheAccount() throws Exception {
		link();
		this.server.enqueue(json(account("200", "ENABLED")));

		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/linked.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account/" + ACCOUNT);
		assertThat(account().getStatus()).isEqualTo(PayAccountState.ENABLED);
		assertThat(this.events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
			.containsExactly(new PayAccountLinkedEvent(ACCOUNT, PayAccountState.PENDING, PayAccountState.ENABLED, NOW));

		this.server.enqueue(json(account("200", "ENABLED")));
		assertThat(this.handler.handle(Fixtures.read("payaccount/linked.json")).outcome())
			.isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void unbindNotificationDisablesTheAccountOnceMidtransConfirms() {
		link();
		this.server.enqueue(json(account("200", "ENABLED")));
		this.handler.handle(Fixtures.read("payaccount/linked.json"));
		this.events.clear();
		this.server.enqueue(json(account("204", "DISABLED")));

		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/unbound.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(account().getStatus()).isEqualTo(PayAccountState.DISABLED);
		assertThat(this.events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
			.containsExactly(
					new PayAccountUnlinkedEvent(ACCOUNT, PayAccountState.ENABLED, PayAccountState.DISABLED, NOW));
	}

	@Test
	void forgedUnbindLeavesALinkedAccountLinked() {
		link();
		this.server.enqueue(json(account("200", "ENABLED")));
		this.handler.handle(Fixtures.read("payaccount/linked.json"));
		this.events.clear();
		this.server.enqueue(json(account("200", "ENABLED")));

		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/unbound.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.DUPLICATE);
		assertThat(result.message()).isNull();
		assertThat(account().getStatus()).isEqualTo(PayAccountState.ENABLED);
		assertThat(this.events).isEmpty();
	}

	@Test
	void expiredLinkIsRecordedWithItsEvent() {
		link();
		this.server.enqueue(json(account("204", "EXPIRED")));

		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/linked.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(account().getStatus()).isEqualTo(PayAccountState.EXPIRED);
		assertThat(this.events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
			.containsExactly(
					new PayAccountExpiredEvent(ACCOUNT, PayAccountState.PENDING, PayAccountState.EXPIRED, NOW));
	}

	@Test
	void answerAboutAnotherAccountIsNotApplied() {
		link();
		this.server.enqueue(json(account("200", "ENABLED").replace(ACCOUNT, "another-account")));

		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/linked.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.FAILED);
		assertThat(account().getStatus()).isEqualTo(PayAccountState.PENDING);
		assertThat(this.events).isEmpty();
	}

	@Test
	void unknownAccountIsKeptWithoutAskingMidtrans() {
		NotificationResult result = this.handler.handle(Fixtures.read("payaccount/linked.json"));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.UNKNOWN_ORDER);
		assertThat(this.server.getRequestCount()).isZero();
	}

	// ---------------------------------------------------------------- helpers

	private void subscribe() {
		this.server.enqueue(json(subscription("active", "[]")));
		this.subscriptions.create(
				SubscriptionRequest
					.creditCard(CARD_NAME, 14_000, "48111111Placeholder0000001114",
							SubscriptionSchedule.every(1, IntervalUnit.MONTH))
					.build(),
				"key-" + CARD_NAME);
		try {
			this.server.takeRequest();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.events.clear();
	}

	private void link() {
		this.server.enqueue(json("""
				{"status_code":"201","payment_type":"gopay","account_id":"%s","account_status":"PENDING",
				 "actions":[{"name":"activation-link-url","method":"GET","url":"https://gopay.test/link"}]}
				""".formatted(ACCOUNT)));
		this.payAccounts.link(PayAccountRequest.gopay("81212345678", "62", null));
		try {
			this.server.takeRequest();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.events.clear();
	}

	private MidtransPayAccount account() {
		return this.payAccounts.findByAccountId(ACCOUNT).orElseThrow();
	}

	private MidtransNotification audit(NotificationResult result) {
		return this.database.entityManager().find(MidtransNotification.class, result.notificationId());
	}

	private static String subscription(String status, String transactionIds) {
		return """
				{"id":"%s","name":"%s","amount":"14000","currency":"IDR","status":"%s",
				 "payment_type":"credit_card","token":"48111111Placeholder0000001114",
				 "schedule":{"interval":1,"interval_unit":"month","current_interval":1,
				             "start_time":"2026-10-26T11:20:00","next_execution_at":"2026-11-26T11:20:00"},
				 "transaction_ids":%s}
				""".formatted(CARD_SUBSCRIPTION, CARD_NAME, status, transactionIds);
	}

	private static String transaction(String orderId, String status, String code, String amount) {
		return """
				{"status_code":"%s","order_id":"%s","transaction_id":"%s","gross_amount":"%s","currency":"IDR",
				 "payment_type":"credit_card","transaction_status":"%s","fraud_status":"accept"}
				""".formatted(code, orderId, CAPTURED_TX, amount, status);
	}

	private static String account(String code, String status) {
		return """
				{"status_code":"%s","payment_type":"gopay","account_id":"%s","account_status":"%s"}
				""".formatted(code, ACCOUNT, status);
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().headers(Headers.of("Content-Type", "application/json")).body(body).build();
	}

}
