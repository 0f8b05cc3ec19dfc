package io.github.springmidtrans.test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransAuthenticationException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SnapGopayAccount;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionRetrySchedule;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The simulator answers and notifies in the shapes and wordings Midtrans publishes in its
 * API reference: refusals with {@code status_code} 202, Snap's used order ids and GoPay
 * tokenization, subscription and pay-account notifications.
 */
class MidtransSimulatorPublishedShapesTests {

	private static final String SAVED_TOKEN = "48111111sHfSakAvHvFQFEjTivUV1114";

	private static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

	@StartStop
	final MockWebServer payments = new MockWebServer();

	@StartStop
	final MockWebServer recurring = new MockWebServer();

	@StartStop
	final MockWebServer accounts = new MockWebServer();

	private SimulatorClock clock;

	private MidtransSimulator simulator;

	private MidtransClient client;

	@BeforeEach
	void start() {
		this.payments.setDispatcher(SimulatorFixture.answering(200));
		this.recurring.setDispatcher(SimulatorFixture.answering(200));
		this.accounts.setDispatcher(SimulatorFixture.answering(200));
		this.clock = SimulatorClock.startingAt(SimulatorFixture.START);
		this.simulator = MidtransSimulator.builder()
			.clock(this.clock)
			.notificationUrl(this.payments.url("/payment").toString())
			.recurringNotificationUrl(this.recurring.url("/recurring").toString())
			.payAccountNotificationUrl(this.accounts.url("/account").toString())
			.build()
			.start();
		this.client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl(this.simulator.baseUrl())
			.snapBaseUrl(this.simulator.snapBaseUrl())
			.build();
	}

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void coreApiWithAWrongServerKeyAnswersTheCoreWording() {
		MidtransClient wrong = MidtransClient.builder()
			.serverKey("SB-Mid-server-placeholder-wrong-test")
			.baseUrl(this.simulator.baseUrl())
			.build();
		assertThatExceptionOfType(MidtransAuthenticationException.class).isThrownBy(() -> wrong.status("ANY-ORDER"))
			.satisfies((ex) -> assertThat(ex.getStatusMessage())
				.isEqualTo("Transaction cannot be authorized with the current client/server key."));
	}

	@Test
	void directRefundRejectedByTheBankLeavesTheTransactionSettledAndMayBeRetried() throws Exception {
		settledGopay("REFUND-REFUSED-1");
		this.simulator.rejectNextDirectRefund("REFUND-REFUSED-1");

		SimulatorFixture.RawAnswer refused = post("/v2/REFUND-REFUSED-1/refund/online/direct",
				"{\"refund_key\":\"rk-placeholder-1\",\"amount\":5000,\"reason\":\"customer asked\"}");
		assertThat(refused.httpStatus()).isEqualTo(200);
		assertThat(refused.json().propertyNames()).containsExactly("status_code", "status_message", "transaction_id",
				"order_id", "gross_amount", "payment_type", "transaction_time", "transaction_status",
				"refund_chargeback_id", "refund_amount", "refund_key");
		assertThat(refused.field("status_code")).isEqualTo("202");
		assertThat(refused.field("status_message")).isEqualTo("Refund denied by the bank");
		assertThat(refused.field("transaction_status")).isEqualTo("settlement");
		assertThat(refused.field("refund_amount")).isEqualTo("0.00");
		assertThat(refused.field("refund_key")).isEqualTo("rk-placeholder-1");
		TransactionSnapshot after = this.simulator.transaction("REFUND-REFUSED-1").orElseThrow();
		assertThat(after.transactionStatus()).isEqualTo("settlement");
		assertThat(after.refunds()).isEmpty();
		assertThat(this.payments.takeRequest(200, TimeUnit.MILLISECONDS)).as("no notification for a refusal").isNull();

		SimulatorFixture.RawAnswer retried = post("/v2/REFUND-REFUSED-1/refund/online/direct",
				"{\"refund_key\":\"rk-placeholder-1\",\"amount\":5000}");
		assertThat(retried.field("status_code")).isEqualTo("200");
		assertThat(retried.field("status_message")).isEqualTo("Success, refund request is approved by the bank");
		assertThat(retried.field("transaction_status")).isEqualTo("partial_refund");
	}

	@Test
	void refundThroughTheStandardEndpointKeepsItsOwnWording() {
		settledGopay("REFUND-STANDARD-1");
		SimulatorFixture.RawAnswer refunded = post("/v2/REFUND-STANDARD-1/refund",
				"{\"refund_key\":\"rk-placeholder-2\"}");
		assertThat(refunded.field("status_message")).isEqualTo("Success, refund request is approved");
	}

	@Test
	void deniedCaptureLeavesTheAuthorizationStanding() {
		String tokenId = SimulatorFixture
			.send(this.simulator, "GET",
					"/v2/token?client_key=" + this.simulator.clientKey()
							+ "&card_number=4811111111111114&card_exp_month=12&card_exp_year=2030&card_cvv=123",
					"")
			.field("token_id");
		SimulatorFixture.RawAnswer authorized = post("/v2/charge",
				"{\"payment_type\":\"credit_card\",\"transaction_details\":{\"order_id\":\"CAPTURE-REFUSED-1\","
						+ "\"gross_amount\":150000},\"credit_card\":{\"token_id\":\"" + tokenId
						+ "\",\"authentication\":false,\"type\":\"authorize\"}}");
		assertThat(authorized.field("transaction_status")).isEqualTo("authorize");
		String transactionId = authorized.field("transaction_id");
		this.simulator.denyNextCapture("CAPTURE-REFUSED-1");

		SimulatorFixture.RawAnswer denied = post("/v2/capture",
				"{\"transaction_id\":\"" + transactionId + "\",\"gross_amount\":150000}");
		assertThat(denied.httpStatus()).isEqualTo(200);
		assertThat(denied.field("status_code")).isEqualTo("202");
		assertThat(denied.field("transaction_status")).isEqualTo("authorize");
		assertThat(denied.field("fraud_status")).isEqualTo("accept");
		assertThat(denied.field("channel_response_code")).isEqualTo("05");
		assertThat(this.simulator.transaction("CAPTURE-REFUSED-1").orElseThrow().transactionStatus())
			.isEqualTo("authorize");

		SimulatorFixture.RawAnswer captured = post("/v2/capture", "{\"transaction_id\":\"" + transactionId + "\"}");
		assertThat(captured.field("status_code")).isEqualTo("200");
		assertThat(captured.field("transaction_status")).isEqualTo("capture");
	}

	@Test
	void cardChargeAwaiting3dsIsInProgress() {
		String tokenId = SimulatorFixture
			.send(this.simulator, "GET",
					"/v2/token?client_key=" + this.simulator.clientKey()
							+ "&card_number=4811111111111114&card_exp_month=12&card_exp_year=2030&card_cvv=123",
					"")
			.field("token_id");
		SimulatorFixture.RawAnswer pending = post("/v2/charge",
				"{\"payment_type\":\"credit_card\",\"transaction_details\":{\"order_id\":\"CARD-3DS-1\","
						+ "\"gross_amount\":150000},\"credit_card\":{\"token_id\":\"" + tokenId
						+ "\",\"authentication\":true}}");
		assertThat(pending.field("status_code")).isEqualTo("201");
		assertThat(pending.field("status_message")).isEqualTo("Credit Card transaction is in progress");
		assertThat(pending.field("redirect_url")).isNotBlank();
	}

	@Test
	void refusalsCanOnlyBeScriptedFromTheStatesTheyRefuse() {
		settledGopay("SCRIPT-1");
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.denyNextCapture("SCRIPT-1"))
			.withMessageContaining("only an authorized transaction is captured");
		post("/v2/charge", gopay("SCRIPT-2"));
		assertThatIllegalStateException().isThrownBy(() -> this.simulator.rejectNextDirectRefund("SCRIPT-2"))
			.withMessageContaining("only a settled transaction is refunded");
	}

	@Test
	void snapCheckoutForAPaidOrderIdAnswersPaidAndUtilized() {
		settledGopay("SNAP-PAID-1");
		post("/v2/charge", gopay("SNAP-PENDING-1"));

		SimulatorFixture.RawAnswer paid = post("/snap/v1/transactions", snapRequest("SNAP-PAID-1", ""));
		assertThat(paid.httpStatus()).isEqualTo(400);
		assertThat(paid.json().get("error_messages").get(0).asString())
			.isEqualTo("order_id has been paid and utilized, please use another order ID");
		assertThat(paid.json().get("error_messages")).hasSize(1);

		SimulatorFixture.RawAnswer pending = post("/snap/v1/transactions", snapRequest("SNAP-PENDING-1", ""));
		assertThat(pending.httpStatus()).isEqualTo(400);
		assertThat(pending.json().get("error_messages").get(0).asString())
			.isEqualTo("transaction_details.order_id has already been taken");
	}

	@Test
	void snapGopayTokenizationLinksTheUsersAccountAndServesItsInfo() throws IOException {
		String tokenization = ",\"enabled_payments\":[\"gopay\"],\"user_id\":\"user-placeholder-1\","
				+ "\"gopay\":{\"tokenization\":true,\"phone_number\":\"8123456789\",\"country_code\":\"62\"}";
		SimulatorFixture.RawAnswer created = post("/snap/v1/transactions", snapRequest("SNAP-LINK-1", tokenization));
		assertThat(created.httpStatus()).isEqualTo(201);

		SimulatorFixture.RawAnswer notYet = get("/snap/v3/users/user-placeholder-1/gopay");
		assertThat(notYet.httpStatus()).isEqualTo(404);
		assertThat(notYet.json().get("error_messages").get(0).asString()).isEqualTo("account not found");
		assertThat(notYet.field("locale")).isEqualTo("en");

		choose(created.field("redirect_url"), "gopay");
		SimulatorFixture.RawAnswer account = get("/snap/v3/users/user-placeholder-1/gopay");
		assertThat(account.httpStatus()).isEqualTo(200);
		assertThat(account.json().propertyNames()).containsExactly("user_id", "account_status", "balance",
				"phone_number", "country_code", "account_id");
		assertThat(account.field("user_id")).isEqualTo("user-placeholder-1");
		assertThat(account.field("account_status")).isEqualTo("ENABLED");
		assertThat(account.field("balance")).isEqualTo("1000000.00");
		assertThat(account.field("phone_number")).isEqualTo("8123456789");
		assertThat(account.field("country_code")).isEqualTo("62");

		// The client's typed call reads the same answer.
		SnapGopayAccount typed = this.client.snap().gopayAccount("user-placeholder-1").orElseThrow();
		assertThat(typed.isEnabled()).isTrue();
		assertThat(typed.balance()).isEqualByComparingTo("1000000.00");
		assertThat(typed.phoneNumber()).isEqualTo("8123456789");
		assertThat(typed.accountId()).isEqualTo(account.field("account_id"));
		assertThat(this.client.snap().gopayAccount("user-placeholder-unknown")).isEmpty();

		this.simulator.pay("SNAP-LINK-1");
		JsonNode extra = get("/v2/SNAP-LINK-1/status").json().get("metadata").get("extra_info");
		assertThat(extra.get("user_id").asString()).isEqualTo("user-placeholder-1");
		assertThat(extra.get("account_id").asString()).isEqualTo(account.field("account_id"));
	}

	@Test
	void snapGopayTokenizationNeedsAUserIdAndBooleanFlags() {
		SimulatorFixture.RawAnswer refused = post("/snap/v1/transactions",
				snapRequest("SNAP-LINK-2", ",\"gopay\":{\"tokenization\":\"yes\",\"phone_number\":\"08-12\"}"));
		assertThat(refused.httpStatus()).isEqualTo(400);
		assertThat(refused.json().get("error_messages")).extracting(JsonNode::asString)
			.contains("gopay.tokenization must be true or false",
					"gopay.phone_number must be 6 to 15 digits, without country code or leading 0");
		SimulatorFixture.RawAnswer noUser = post("/snap/v1/transactions",
				snapRequest("SNAP-LINK-3", ",\"gopay\":{\"tokenization\":true}"));
		assertThat(noUser.json().get("error_messages")).extracting(JsonNode::asString)
			.containsExactly("user_id is required when gopay.tokenization is true");
	}

	@Test
	void subscriptionCreatedNotificationHasThePublishedFields() throws Exception {
		String id = this.client.subscriptions().create(monthlyCard("PUBLISHED", 3)).id();
		JsonNode created = take(this.recurring);
		assertThat(created.propertyNames()).containsExactly("token", "status", "schedule", "payment_type", "name",
				"metadata", "merchant_id", "id", "customer_details", "currency", "amount");
		assertThat(created.get("id").asString()).isEqualTo(id);
		assertThat(created.get("amount").asString()).isEqualTo("14000");
		JsonNode schedule = created.get("schedule");
		assertThat(schedule.propertyNames()).containsExactly("start_time", "next_execution_at", "interval_unit",
				"interval", "current_interval");
		assertThat(schedule.get("next_execution_at").asString()).isEqualTo("2026-04-01T03:00:00.000000Z");
		assertThat(schedule.get("current_interval").asInt()).isZero();
	}

	@Test
	void cardRenewalResultCarriesTheBanksAnswerAndTheSubscription() throws Exception {
		this.client.subscriptions().create(monthlyCard("CARD-RENEWAL", 3)).id();
		take(this.recurring);
		this.clock.advance(Duration.ofDays(31));
		JsonNode charge = take(this.recurring);
		assertThat(charge.propertyNames()).containsExactly("transaction", "subscription", "event_name");
		assertThat(charge.get("transaction").propertyNames()).containsExactly("transaction_status", "transaction_id",
				"status_code", "channel_response_message", "channel_response_code");
		assertThat(charge.get("transaction").get("channel_response_code").asString()).isEqualTo("0");
		assertThat(charge.get("subscription").propertyNames()).containsExactly("token", "status", "schedule",
				"payment_type", "name", "metadata", "merchant_id", "id", "customer_details", "currency", "amount");
	}

	@Test
	void gopayRenewalResultCarriesOnlyStatusIdAndCode() throws Exception {
		String accountId = linkedGopayAccount();
		String token = get("/v2/pay/account/" + accountId).json()
			.get("metadata")
			.get("payment_options")
			.get(0)
			.get("token")
			.asString();
		SimulatorFixture.RawAnswer created = post("/v1/subscriptions",
				"{\"name\":\"GOPAY-RENEWAL\",\"amount\":\"14000\","
						+ "\"currency\":\"IDR\",\"payment_type\":\"gopay\",\"token\":\"" + token + "\","
						+ "\"schedule\":{\"interval\":1,\"interval_unit\":\"day\"},\"gopay\":{\"account_id\":\""
						+ accountId + "\"}}");
		assertThat(created.httpStatus()).isEqualTo(200);
		assertThat(take(this.recurring).get("gopay").get("account_id").asString()).isEqualTo(accountId);

		this.clock.advance(Duration.ofDays(1));
		JsonNode charge = take(this.recurring);
		assertThat(charge.get("transaction").propertyNames()).containsExactly("transaction_status", "transaction_id",
				"status_code");
		assertThat(charge.get("transaction").get("transaction_status").asString()).isEqualTo("settlement");
		assertThat(charge.get("subscription").get("gopay").get("account_id").asString()).isEqualTo(accountId);
	}

	@Test
	void renewalRefusedBeforeATransactionExistsCarriesOnlyCodeAndMessage() throws Exception {
		String id = this.client.subscriptions().create(monthlyCard("REFUSED", 0)).id();
		take(this.recurring);
		this.simulator.failNextRenewal(id, 402);
		this.clock.advance(Duration.ofDays(31));
		JsonNode failure = take(this.recurring);
		assertThat(failure.get("transaction").propertyNames()).containsExactly("status_message", "status_code");
		assertThat(failure.get("transaction").get("status_code").asString()).isEqualTo("402");
		assertThat(failure.get("transaction").get("status_message").asString())
			.isEqualTo("Merchant doesn't have access for this payment type");
		assertThat(this.simulator.subscription(id).orElseThrow().chargeOrderIds()).isEmpty();
		assertThat(this.payments.takeRequest(200, TimeUnit.MILLISECONDS)).as("no payment notification").isNull();
	}

	@Test
	void payAccountLinkNotificationFollowsThePublishedSample() throws Exception {
		String accountId = linkedGopayAccount();
		RecordedRequest request = this.accounts.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).isNotNull();
		JsonNode linked = SimulatorFixture.JSON.readTree(request.getBody().utf8());
		assertThat(linked.propertyNames()).containsExactly("account_id", "merchant_id", "payment_type", "signature_key",
				"status_code", "account_status", "status_message");
		assertThat(linked.get("account_id").asString()).isEqualTo(accountId);
		assertThat(linked.get("status_code").asString()).isEqualTo("200");
		assertThat(linked.get("account_status").asString()).isEqualTo("ENABLED");
		assertThat(linked.get("status_message").asString()).isEqualTo("Midtrans account_linked notification");
		assertThat(linked.get("signature_key").asString()).matches("[0-9a-f]{128}");
	}

	@Test
	void payAccountLinkRefusalHasThePublishedFields() {
		SimulatorFixture.RawAnswer refused = post("/v2/pay/account",
				"{\"payment_type\":\"gopay\",\"gopay_partner\":{\"phone_number\":\"123450001\",\"country_code\":\"62\"}}");
		assertThat(refused.json().propertyNames()).containsExactly("status_code", "payment_type",
				"channel_response_code", "channel_response_message");
		assertThat(refused.field("channel_response_message")).isEqualTo("User Not Found");
	}

	private void settledGopay(String orderId) {
		assertThat(post("/v2/charge", gopay(orderId)).field("status_code")).isEqualTo("201");
		this.simulator.pay(orderId);
		drain();
	}

	private void drain() {
		try {
			while (this.payments.takeRequest(300, TimeUnit.MILLISECONDS) != null) {
				// the charge's notifications so far
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private String linkedGopayAccount() {
		SimulatorFixture.RawAnswer created = post("/v2/pay/account",
				"{\"payment_type\":\"gopay\",\"gopay_partner\":{\"phone_number\":\"81212345678\",\"country_code\":\"62\"}}");
		String accountId = created.field("account_id");
		this.simulator.linkAccount(accountId);
		return accountId;
	}

	private static String gopay(String orderId) {
		return "{\"payment_type\":\"gopay\",\"transaction_details\":{\"order_id\":\"" + orderId
				+ "\",\"gross_amount\":10000}}";
	}

	private static String snapRequest(String orderId, String extra) {
		return "{\"transaction_details\":{\"order_id\":\"" + orderId + "\",\"gross_amount\":10000}" + extra + "}";
	}

	private static SubscriptionRequest monthlyCard(String name, int retries) {
		return SubscriptionRequest
			.creditCard(name, 14_000, SAVED_TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.retrySchedule(SubscriptionRetrySchedule.of(1, IntervalUnit.HOUR, retries))
			.build();
	}

	private void choose(String redirectUrl, String method) throws IOException {
		Request request = new Request.Builder().url(redirectUrl + "/choose")
			.post(new FormBody.Builder().add("method", method).build())
			.build();
		try (Response response = BROWSER.newCall(request).execute()) {
			assertThat(response.code()).as("the page accepts the choice").isEqualTo(303);
		}
	}

	private SimulatorFixture.RawAnswer post(String path, String body) {
		return SimulatorFixture.send(this.simulator, "POST", path, body);
	}

	private SimulatorFixture.RawAnswer get(String path) {
		return SimulatorFixture.send(this.simulator, "GET", path, "");
	}

	private static JsonNode take(MockWebServer server) throws InterruptedException {
		RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("notification").isNotNull();
		return SimulatorFixture.JSON.readTree(request.getBody().utf8());
	}

}
