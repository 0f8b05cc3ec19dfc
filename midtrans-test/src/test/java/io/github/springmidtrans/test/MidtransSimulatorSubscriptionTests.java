package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.MidtransServerException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionActionResponse;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionRetrySchedule;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.client.model.SubscriptionStatus;
import io.github.springmidtrans.client.model.SubscriptionUpdateRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorSubscriptionTests {

	private static final String SAVED_TOKEN = "48111111sHfSakAvHvFQFEjTivUV1114";

	@StartStop
	final MockWebServer payments = new MockWebServer();

	@StartStop
	final MockWebServer recurring = new MockWebServer();

	private SimulatorClock clock;

	private MidtransSimulator simulator;

	private MidtransClient client;

	@BeforeEach
	void start() {
		this.payments.setDispatcher(SimulatorFixture.answering(200));
		this.recurring.setDispatcher(SimulatorFixture.answering(200));
		this.clock = SimulatorClock.startingAt(SimulatorFixture.START);
		this.simulator = MidtransSimulator.builder()
			.clock(this.clock)
			.notificationUrl(this.payments.url("/payment").toString())
			.recurringNotificationUrl(this.recurring.url("/recurring").toString())
			.build()
			.start();
		this.client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.clientKey(this.simulator.clientKey())
			.baseUrl(this.simulator.baseUrl())
			.build();
	}

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void createdSubscriptionIsActiveAndReadableWithItsSchedule() throws Exception {
		SubscriptionResponse created = this.client.subscriptions().create(monthly("MONTHLY_2026"));
		assertThat(created.id()).isNotBlank();
		assertThat(created.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(created.amount()).isEqualByComparingTo("14000");
		assertThat(created.createdAt().toInstant()).isEqualTo(SimulatorFixture.START);
		assertThat(created.schedule().nextExecutionAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-04-01T10:00:00+07:00").toInstant());
		assertThat(created.schedule().previousExecutionAt()).isNull();

		SubscriptionResponse read = this.client.subscriptions().get(created.id());
		assertThat(read.schedule().currentInterval()).isZero();
		assertThat(read.schedule().maxInterval()).isEqualTo(12);
		assertThat(read.transactionIds()).isEmpty();
		assertThat(read.token()).isEqualTo(SAVED_TOKEN);
		assertThat(read.retrySchedule().maxInterval()).isEqualTo(3);

		JsonNode notification = take(this.recurring);
		assertThat(notification.get("id").asString()).isEqualTo(created.id());
		assertThat(notification.get("merchant_id").asString()).isNotBlank();
	}

	@Test
	void unknownSubscriptionIsA404WithTheSubscriptionsShape() {
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.subscriptions().get("no-such-subscription"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("Subscription doesn't exist."));
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.subscriptions().disable("no-such-subscription"));
	}

	@Test
	void invalidCreateIsA400WithValidationMessagesAndNoStatusCode() {
		SimulatorFixture.RawAnswer answer = post("/v1/subscriptions",
				"{\"name\":\"MONTHLY\",\"currency\":\"IDR\",\"payment_type\":\"credit_card\",\"token\":\"t\","
						+ "\"schedule\":{\"interval\":1,\"interval_unit\":\"year\"}}");
		assertThat(answer.httpStatus()).isEqualTo(400);
		assertThat(answer.field("status_message")).isEqualTo("Invalid parameter.");
		assertThat(answer.json().has("status_code")).isFalse();
		List<String> messages = new ArrayList<>();
		answer.json().get("validation_messages").forEach((message) -> messages.add(message.asString()));
		assertThat(messages).contains("subscription.amount is required",
				"subscription.schedule.interval_unit must be day, week or month");
	}

	@Test
	void idempotencyKeyReplaysTheFirstAnswerForThreeMinutes() {
		RequestOptions key = RequestOptions.none().withIdempotencyKey("sub-key-1");
		SubscriptionResponse first = this.client.subscriptions().create(monthly("PLAN-A"), key);
		this.clock.advance(Duration.ofMinutes(2));
		SubscriptionResponse replay = this.client.subscriptions().create(monthly("PLAN-A"), key);
		assertThat(replay.id()).isEqualTo(first.id());
		assertThat(this.simulator.subscriptions()).hasSize(1);
		this.clock.advance(Duration.ofMinutes(2));
		SubscriptionResponse fresh = this.client.subscriptions().create(monthly("PLAN-A"), key);
		assertThat(fresh.id()).isNotEqualTo(first.id());
		assertThat(this.simulator.subscriptions()).hasSize(2);
	}

	@Test
	void renewalChargesWhenTheClockPassesNextExecution() throws Exception {
		String id = this.client.subscriptions().create(monthly("MONTHLY")).id();
		take(this.recurring);
		this.clock.advance(Duration.ofDays(31));

		SubscriptionSnapshot snapshot = this.simulator.subscription(id).orElseThrow();
		assertThat(snapshot.currentInterval()).isEqualTo(1);
		assertThat(snapshot.transactionIds()).hasSize(1);
		String orderId = snapshot.chargeOrderIds().get(0);
		assertThat(orderId).matches("MONTHLY-\\d+");
		assertThat(this.simulator.transaction(orderId).orElseThrow().transactionStatus()).isEqualTo("settlement");

		// Payment notifications, as for any card charge: capture, then settlement.
		List<TransactionResponse> payments = List.of(payment(), payment());
		assertThat(payments).extracting(TransactionResponse::transactionStatus)
			.containsExactly(TransactionStatus.CAPTURE, TransactionStatus.SETTLEMENT);
		assertThat(payments).extracting(TransactionResponse::orderId).containsOnly(orderId);

		JsonNode charge = take(this.recurring);
		assertThat(charge.get("event_name").asString()).isEqualTo("subscription.charge");
		assertThat(charge.get("transaction").get("transaction_status").asString()).isEqualTo("capture");
		assertThat(charge.get("transaction").get("status_code").asString()).isEqualTo("200");
		assertThat(charge.get("transaction").get("transaction_id").asString())
			.isEqualTo(snapshot.transactionIds().get(0));
		assertThat(charge.get("subscription").get("id").asString()).isEqualTo(id);
		assertThat(charge.get("subscription").get("schedule").get("current_interval").asInt()).isEqualTo(1);
		assertThat(charge.get("subscription").get("schedule").get("next_execution_at").asString())
			.isEqualTo("2026-05-01T03:00:00.000000Z");
		assertThat(charge.has("signature_key")).isFalse();

		SubscriptionResponse read = this.client.subscriptions().get(id);
		assertThat(read.transactionIds()).containsExactlyElementsOf(snapshot.transactionIds());
		assertThat(read.schedule().currentInterval()).isEqualTo(1);
		assertThat(read.schedule().previousExecutionAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-04-01T10:00:00+07:00").toInstant());
		assertThat(read.schedule().nextExecutionAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-05-01T10:00:00+07:00").toInstant());
	}

	@Test
	void aLongJumpRunsEveryMissedCycleAndStopsAtMaxInterval() {
		SubscriptionRequest request = SubscriptionRequest
			.creditCard("WEEKLY", 5_000, SAVED_TOKEN,
					SubscriptionSchedule.every(1, IntervalUnit.WEEK).withMaxInterval(3))
			.build();
		String id = this.client.subscriptions().create(request).id();
		this.clock.advance(Duration.ofDays(60));
		SubscriptionSnapshot snapshot = this.simulator.subscription(id).orElseThrow();
		assertThat(snapshot.currentInterval()).isEqualTo(3);
		assertThat(snapshot.transactionIds()).hasSize(3);
		assertThat(snapshot.status()).isEqualTo("inactive");
		assertThat(snapshot.nextExecutionAt()).isNull();
	}

	@Test
	void failedRenewalIsRetriedAndReportedOnceRetriesAreExhausted() throws Exception {
		SubscriptionRequest request = SubscriptionRequest
			.creditCard("RETRIED", 14_000, SAVED_TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.retrySchedule(SubscriptionRetrySchedule.of(1, IntervalUnit.HOUR, 2))
			.build();
		String id = this.client.subscriptions().create(request).id();
		take(this.recurring);
		this.simulator.failNextRenewal(id);
		this.simulator.failNextRenewal(id);
		this.simulator.failNextRenewal(id);
		this.clock.advance(Duration.ofDays(31));
		SubscriptionSnapshot failed = this.simulator.subscription(id).orElseThrow();
		assertThat(failed.chargeOrderIds()).hasSize(1);
		assertThat(failed.retryAt()).isNotNull();
		assertThat(this.simulator.transaction(failed.chargeOrderIds().get(0)).orElseThrow().transactionStatus())
			.isEqualTo("deny");
		assertThat(payment().transactionStatus()).isEqualTo(TransactionStatus.DENY);
		// No subscription notification while retries remain.
		assertThat(this.recurring.takeRequest(200, TimeUnit.MILLISECONDS)).isNull();

		this.clock.advance(Duration.ofHours(1));
		this.clock.advance(Duration.ofHours(1));
		SubscriptionSnapshot exhausted = this.simulator.subscription(id).orElseThrow();
		assertThat(exhausted.chargeOrderIds()).hasSize(3);
		assertThat(exhausted.transactionIds()).isEmpty();
		assertThat(exhausted.retryAt()).isNull();
		JsonNode failure = take(this.recurring);
		assertThat(failure.get("transaction").get("status_code").asString()).isEqualTo("202");
		assertThat(failure.get("transaction").get("transaction_status").asString()).isEqualTo("deny");
		assertThat(failure.get("transaction").get("status_message").asString()).isNotBlank();
		assertThat(exhausted.status()).isEqualTo("active");
	}

	@Test
	void retrySucceedsWhenTheFailureWasOnlyOnce() throws Exception {
		String id = this.client.subscriptions().create(monthly("ONCE")).id();
		take(this.recurring);
		this.simulator.failNextRenewal(id, 500);
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.simulator.subscription(id).orElseThrow().chargeOrderIds()).as("a 500 creates no transaction")
			.isEmpty();
		this.clock.advance(Duration.ofHours(1));
		SubscriptionSnapshot snapshot = this.simulator.subscription(id).orElseThrow();
		assertThat(snapshot.transactionIds()).hasSize(1);
		assertThat(take(this.recurring).get("transaction").get("status_code").asString()).isEqualTo("200");
	}

	@Test
	void disableStopsFutureChargesAndEnableResumesThem() {
		String id = this.client.subscriptions().create(monthly("PAUSED")).id();
		SubscriptionActionResponse disabled = this.client.subscriptions().disable(id);
		assertThat(disabled.statusMessage()).isEqualTo("Subscription is updated.");
		assertThat(this.client.subscriptions().get(id).status()).isEqualTo(SubscriptionStatus.INACTIVE);
		this.clock.advance(Duration.ofDays(62));
		assertThat(this.simulator.subscription(id).orElseThrow().chargeOrderIds()).isEmpty();

		assertThat(this.client.subscriptions().enable(id).statusMessage()).isEqualTo("Subscription is updated.");
		SubscriptionSnapshot enabled = this.simulator.subscription(id).orElseThrow();
		assertThat(enabled.active()).isTrue();
		assertThat(enabled.nextExecutionAt()).isAfter(this.clock.instant());
		this.clock.advance(Duration.ofDays(31));
		assertThat(this.simulator.subscription(id).orElseThrow().transactionIds()).hasSize(1);
	}

	@Test
	void disableLetsPendingRetriesRunButCancelStopsThem() {
		String disabledId = this.client.subscriptions().create(monthly("DISABLED")).id();
		String cancelledId = this.client.subscriptions().create(monthly("CANCELLED")).id();
		this.simulator.failNextRenewal(disabledId);
		this.simulator.failNextRenewal(cancelledId);
		this.clock.advance(Duration.ofDays(31));
		this.client.subscriptions().disable(disabledId);
		assertThat(this.client.subscriptions().cancel(cancelledId).statusMessage())
			.isEqualTo("Subscription is updated.");
		this.clock.advance(Duration.ofHours(1));
		assertThat(this.simulator.subscription(disabledId).orElseThrow().transactionIds()).hasSize(1);
		SubscriptionSnapshot cancelled = this.simulator.subscription(cancelledId).orElseThrow();
		assertThat(cancelled.transactionIds()).isEmpty();
		assertThat(cancelled.cancelled()).isTrue();
		assertThat(cancelled.retryAt()).isNull();
	}

	@Test
	void updateChangesAmountNowAndIntervalAfterTheNextCharge() {
		String id = this.client.subscriptions().create(monthly("UPDATED")).id();
		SubscriptionActionResponse updated = this.client.subscriptions()
			.update(id, SubscriptionUpdateRequest.of("UPDATED", 20_000, SAVED_TOKEN)
				.withSchedule(SubscriptionUpdateRequest.ScheduleUpdate.interval(2)));
		assertThat(updated.statusMessage()).isEqualTo("Subscription is updated.");
		SubscriptionResponse read = this.client.subscriptions().get(id);
		assertThat(read.amount()).isEqualByComparingTo("20000");
		assertThat(read.schedule().interval()).isEqualTo(1);
		this.clock.advance(Duration.ofDays(31));
		SubscriptionResponse afterCharge = this.client.subscriptions().get(id);
		assertThat(afterCharge.schedule().interval()).isEqualTo(2);
		assertThat(afterCharge.schedule().nextExecutionAt().toInstant())
			.isEqualTo(OffsetDateTime.parse("2026-06-01T10:00:00+07:00").toInstant());
		String orderId = this.simulator.subscription(id).orElseThrow().chargeOrderIds().get(0);
		assertThat(this.simulator.transaction(orderId).orElseThrow().grossAmount()).isEqualTo(20_000);
	}

	@Test
	void updateWithAFutureStartRevivesACancelledSubscription() {
		String id = this.client.subscriptions().create(monthly("REVIVED")).id();
		this.client.subscriptions().cancel(id);
		OffsetDateTime start = OffsetDateTime.parse("2026-03-05T10:00:00+07:00");
		this.client.subscriptions()
			.update(id, SubscriptionUpdateRequest.of("REVIVED", 14_000, SAVED_TOKEN)
				.withSchedule(new SubscriptionUpdateRequest.ScheduleUpdate(null, start)));
		assertThat(this.client.subscriptions().get(id).status()).isEqualTo(SubscriptionStatus.ACTIVE);
		this.clock.advance(Duration.ofDays(5));
		assertThat(this.simulator.subscription(id).orElseThrow().transactionIds()).hasSize(1);
	}

	@Test
	void renewalWithADeclinedRegisteredCardFails() {
		String saved = this.client.cards()
			.register(CardRegisterRequest.of("4911111111111113", "12", "2030"))
			.savedTokenId();
		SubscriptionRequest request = SubscriptionRequest
			.creditCard("DECLINED", 14_000, saved, SubscriptionSchedule.every(1, IntervalUnit.DAY))
			.retrySchedule(SubscriptionRetrySchedule.of(1, IntervalUnit.HOUR, 0))
			.build();
		String id = this.client.subscriptions().create(request).id();
		this.clock.advance(Duration.ofDays(1));
		SubscriptionSnapshot snapshot = this.simulator.subscription(id).orElseThrow();
		assertThat(snapshot.chargeOrderIds()).hasSize(1);
		assertThat(snapshot.transactionIds()).isEmpty();
	}

	@Test
	void faultsCanTargetSubscriptionEndpoints() {
		String id = this.client.subscriptions().create(monthly("FAULTY")).id();
		this.simulator.faults().on(SimulatorOperation.SUBSCRIPTION_GET).once().serverError(503);
		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> this.client.subscriptions().get(id));
		assertThat(this.client.subscriptions().get(id).id()).isEqualTo(id);
		assertThat(this.simulator.requestsTo(SimulatorOperation.SUBSCRIPTION_GET)).hasSize(2)
			.allSatisfy((call) -> assertThat(call.orderId()).isEqualTo(id));
	}

	private static SubscriptionRequest monthly(String name) {
		return SubscriptionRequest
			.creditCard(name, 14_000, SAVED_TOKEN,
					SubscriptionSchedule.every(1, IntervalUnit.MONTH).withMaxInterval(12))
			.metadata("plan", "gold")
			.build();
	}

	private TransactionResponse payment() throws InterruptedException {
		RecordedRequest request = this.payments.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("payment notification").isNotNull();
		return this.client.verifyNotification(request.getBody().utf8());
	}

	private static JsonNode take(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("subscription notification").isNotNull();
		return SimulatorFixture.JSON.readTree(request.getBody().utf8());
	}

	private SimulatorFixture.RawAnswer post(String path, String body) {
		return SimulatorFixture.send(this.simulator, "POST", path, body);
	}

}
