package io.github.springmidtrans.client;

import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Notification signatures, with the documented test vector.
 */
class NotificationSignatureTests {

	private static final String VECTOR_KEY = "askvnoibnosifnboseofinbofinfgbiufglnbfg";

	private static final String VECTOR_SIGNATURE = "edc076b21793ebe3e17926350f5b8ae67d902fe657b3d0aa31b932d5c127e2375d308a2bc94f3265ac2d80a1f181a79b997ac178a236fcff35af263fc4d4c231";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void computesTheDocumentedVector() {
		assertThat(NotificationSignature.compute("1111", "200", "100000.00", VECTOR_KEY)).isEqualTo(VECTOR_SIGNATURE);
	}

	@Test
	void reformattedAmountGivesAnotherSignature() {
		assertThat(NotificationSignature.compute("1111", "200", "100000", VECTOR_KEY)).isEqualTo(
				"5f363520e86c10c2ea14074cd09dc1d67299633558abe291ded95a16908f9ec5071e982c289c3333bcbcfe62dd8e78ae4c3d3bd92191707ba2e91f7169d8411a");
		assertThat(NotificationSignature.matches(VECTOR_SIGNATURE, "1111", "200", "100000", VECTOR_KEY)).isFalse();
	}

	@Test
	void matchesIgnoresHexCaseAndRejectsOtherKeys() {
		assertThat(
				NotificationSignature.matches(VECTOR_SIGNATURE.toUpperCase(), "1111", "200", "100000.00", VECTOR_KEY))
			.isTrue();
		assertThat(NotificationSignature.matches(VECTOR_SIGNATURE, "1111", "200", "100000.00", "other-key")).isFalse();
		assertThat(NotificationSignature.matches("short", "1111", "200", "100000.00", VECTOR_KEY)).isFalse();
	}

	@Test
	void clientVerifiesAndReadsASignedNotification() {
		MidtransClient client = MockMidtrans.client(this.server);
		String signature = NotificationSignature.compute("order-1", "200", "150000.00", MockMidtrans.SERVER_KEY);
		String body = """
				{"transaction_time":"2021-06-23 11:41:33","transaction_status":"settlement","transaction_id":"9aed5972",
				 "status_message":"midtrans payment notification","status_code":"200","signature_key":"%s",
				 "settlement_time":"2021-06-23 11:42:03","payment_type":"bank_transfer","order_id":"order-1",
				 "gross_amount":"150000.00","fraud_status":"accept","currency":"IDR"}
				""".formatted(signature);

		var notification = client.verifyNotification(body);

		assertThat(notification.orderId()).isEqualTo("order-1");
		assertThat(notification.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(notification.isPaid()).isTrue();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void tamperedAmountIsRejected() {
		MidtransClient client = MockMidtrans.client(this.server);
		String signature = NotificationSignature.compute("order-1", "200", "150000.00", MockMidtrans.SERVER_KEY);
		String body = """
				{"order_id":"order-1","status_code":"200","gross_amount":"1.00","signature_key":"%s"}
				""".formatted(signature);
		assertThatExceptionOfType(MidtransSignatureException.class).isThrownBy(() -> client.verifyNotification(body))
			.withMessage("Midtrans notification for order 'order-1' rejected: the signature does not match")
			.satisfies((ex) -> assertThat(ex.getOrderId()).isEqualTo("order-1"));
	}

	@Test
	void malformedNotificationsAreRejectedWithPreciseReasons() {
		MidtransClient client = MockMidtrans.client(this.server);
		assertThatExceptionOfType(MidtransSignatureException.class).isThrownBy(() -> client.verifyNotification("{oops"))
			.withMessageContaining("not valid JSON");
		assertThatExceptionOfType(MidtransSignatureException.class).isThrownBy(() -> client.verifyNotification("[]"))
			.withMessageContaining("not a JSON object");
		assertThatExceptionOfType(MidtransSignatureException.class)
			.isThrownBy(() -> client
				.verifyNotification("{\"order_id\":\"o\",\"status_code\":\"200\",\"gross_amount\":\"1.00\"}"))
			.withMessageContaining("signature_key is missing");
		assertThatExceptionOfType(MidtransSignatureException.class)
			.isThrownBy(() -> client.verifyNotification("{\"status_code\":\"200\"}"))
			.withMessageContaining("order_id is missing");
	}

}
