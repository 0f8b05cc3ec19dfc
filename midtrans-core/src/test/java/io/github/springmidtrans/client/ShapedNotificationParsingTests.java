package io.github.springmidtrans.client;

import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.PayAccountNotification;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.SubscriptionNotification;
import io.github.springmidtrans.client.model.SubscriptionNotification.Kind;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionStatus;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscription and pay account notifications, read leniently from our own copies of the
 * published shapes.
 */
class ShapedNotificationParsingTests {

	private final JsonMapper json = MidtransJson.newMapper();

	@ParameterizedTest
	@CsvSource({ "charge-card-captured.json, CHARGED, capture, 200",
			"charge-gopay-settled.json, CHARGED, settlement, 200", "charge-card-failed.json, CHARGE_FAILED, , 411",
			"charge-gopay-failed.json, CHARGE_FAILED, , 402",
			"charge-failed-no-transaction.json, CHARGE_FAILED, , 500" })
	void everyChargeShapeIsReadWithWhatItClaims(String fixture, Kind kind, String transactionStatus,
			String statusCode) {
		SubscriptionNotification notification = read("subscription/" + fixture, SubscriptionNotification.class);

		assertThat(notification.kind()).isEqualTo(kind);
		assertThat(notification.eventName()).isEqualTo("subscription.charge");
		assertThat(notification.subscriptionId()).isNotBlank();
		assertThat(notification.subscription().amount()).isEqualByComparingTo("14000");
		assertThat(notification.subscription().schedule().nextExecutionAt()).isNotNull();
		assertThat(notification.transaction().statusCode()).isEqualTo(statusCode);
		assertThat(notification.transaction().transactionStatus())
			.isEqualTo(TransactionStatus.fromWireValue(transactionStatus));
		assertThat(notification.transaction().transactionId() != null).isEqualTo(kind == Kind.CHARGED);
		assertThat(notification.toString()).doesNotContain(notification.subscription().token());
	}

	@Test
	void failedChargeKeepsMidtransExplanation() {
		SubscriptionNotification notification = read("subscription/charge-card-failed.json",
				SubscriptionNotification.class);

		assertThat(notification.transaction().statusMessage()).isEqualTo("Token id is missing, invalid, or timed out");
		assertThat(notification.subscription().status()).isEqualTo(SubscriptionStatus.INACTIVE);
	}

	@ParameterizedTest
	@CsvSource({ "created-card.json, credit_card", "created-gopay.json, gopay" })
	void creationShapeIsTheSubscriptionItself(String fixture, String paymentType) {
		SubscriptionResponse subscription = read("subscription/" + fixture, SubscriptionResponse.class);
		SubscriptionNotification notification = SubscriptionNotification.ofCreation(subscription);

		assertThat(notification.kind()).isEqualTo(Kind.CREATED);
		assertThat(notification.subscriptionId()).isEqualTo(subscription.id());
		assertThat(subscription.paymentType().wireValue()).isEqualTo(paymentType);
		assertThat(subscription.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(notification.raw().text("merchant_id")).isEqualTo("M000000");
	}

	@ParameterizedTest
	@CsvSource({ "linked.json, ENABLED, 200", "unbound.json, DISABLED, 204" })
	void payAccountShapesAreRead(String fixture, PayAccountStatus status, String statusCode) {
		PayAccountNotification notification = read("payaccount/" + fixture, PayAccountNotification.class);

		assertThat(notification.accountId()).isEqualTo("5e4d3c2b-1a09-4f8e-9d7c-6b5a49382716");
		assertThat(notification.accountStatus()).isEqualTo(status);
		assertThat(notification.statusCode()).isEqualTo(statusCode);
		assertThat(notification.paymentType()).isEqualTo(PaymentType.GOPAY);
		assertThat(notification.toString()).doesNotContain("placeholder-signature");
	}

	@Test
	void unknownValuesDoNotFailParsing() {
		PayAccountNotification notification = this.json.readValue(
				"{\"account_id\":\"a-1\",\"account_status\":\"FROZEN\",\"extra\":{\"x\":1}}",
				PayAccountNotification.class);
		SubscriptionNotification subscription = this.json.readValue(
				"{\"subscription\":{\"id\":\"s-1\",\"status\":\"paused\",\"amount\":14000},"
						+ "\"transaction\":{\"transaction_status\":\"weird\",\"status_code\":\"200\"}}",
				SubscriptionNotification.class);

		assertThat(notification.accountStatus()).isEqualTo(PayAccountStatus.UNKNOWN);
		assertThat(subscription.subscription().status()).isEqualTo(SubscriptionStatus.UNKNOWN);
		assertThat(subscription.subscription().amount()).isEqualByComparingTo("14000");
		assertThat(subscription.kind()).isEqualTo(Kind.CHARGE_FAILED);
	}

	private <T> T read(String fixture, Class<T> type) {
		JsonNode tree = this.json.readTree(Fixtures.read(fixture));
		return MidtransJson.read(this.json, tree, type);
	}

}
