package io.github.springmidtrans.client;

import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ResponseClassifier} over our own copies of the bodies Midtrans publishes.
 */
class ResponseClassifierTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@ParameterizedTest
	@ValueSource(strings = { "errors/snap-order-id-taken.json", "errors/snap-order-id-taken-id.json",
			"errors/snap-order-id-paid-and-utilized.json" })
	void everySnapWordingOfAUsedOrderIdIsADuplicate(String fixture) {
		MidtransException failure = classify(MidtransOperation.SNAP_CREATE, 400, fixture);

		assertThat(failure).isExactlyInstanceOf(MidtransDuplicateOrderException.class);
		assertThat(failure.isRetryable()).isFalse();
		assertThat(failure.getOrderId()).isEqualTo("ORDER-1");
	}

	@Test
	void coreUsedOrderIdIsADuplicateUnderHttp200() {
		MidtransException failure = classify(MidtransOperation.CHARGE, 200,
				"errors/core-order-id-paid-and-utilized.json");

		assertThat(failure).isExactlyInstanceOf(MidtransDuplicateOrderException.class);
		assertThat(failure.getMidtransStatusCode()).isEqualTo("406");
		assertThat(failure.getStatusMessage()).contains("paid and utilized");
	}

	@Test
	void coreUsedOrderIdWordingIsADuplicateEvenAsABody400() {
		String body = "{\"status_code\":\"400\",\"status_message\":"
				+ "\"order_id has been paid and utilized, please use another order ID\"}";

		assertThat(ResponseClassifier.classify(MidtransOperation.CHARGE, "ORDER-1", 200, MAPPER.readTree(body), false,
				null, false))
			.isExactlyInstanceOf(MidtransDuplicateOrderException.class);
	}

	@Test
	void aTakenIdThatIsNotTheOrderIdStaysAValidationError() {
		assertThat(classify(MidtransOperation.SNAP_CREATE, 400, "errors/snap-payment-link-id-taken.json"))
			.isExactlyInstanceOf(MidtransValidationException.class);
		assertThat(classify(MidtransOperation.PAYMENT_LINK_CREATE, 400, "errors/snap-payment-link-id-taken.json"))
			.isExactlyInstanceOf(MidtransValidationException.class);
	}

	@Test
	void otherSnapBadRequestStaysAValidationError() {
		assertThat(classify(MidtransOperation.SNAP_CREATE, 400, "errors/snap-other-validation.json"))
			.isExactlyInstanceOf(MidtransValidationException.class);
	}

	@Test
	void rejectedDirectRefundKeepsWhatMidtransSaid() {
		MidtransException failure = classify(MidtransOperation.DIRECT_REFUND, 200,
				"refusals/direct-refund-rejected.json");

		assertThat(failure).isInstanceOfSatisfying(MidtransRefusalException.class, (refusal) -> {
			assertThat(refusal.getMidtransStatusCode()).isEqualTo("202");
			assertThat(refusal.getTransactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
			assertThat(refusal.getFraudStatus()).isNull();
			assertThat(refusal.getTransactionId()).isEqualTo("7a0c5b92-1e4d-4f3a-9b8e-2d6c0f1a3e55");
			assertThat(refusal.getGrossAmount()).isEqualByComparingTo("150000");
			assertThat(refusal.getAnswer().text("refund_amount")).isEqualTo("0.00");
			assertThat(refusal.getMessage()).contains("refused; still settlement")
				.contains("Refund denied by the bank");
			assertThat(refusal.isRetryable()).isFalse();
		});
	}

	@Test
	void deniedCaptureKeepsTheAuthorizationAndTheFraudVerdict() {
		MidtransException failure = classify(MidtransOperation.CAPTURE, 200, "refusals/capture-denied.json");

		assertThat(failure).isInstanceOfSatisfying(MidtransRefusalException.class, (refusal) -> {
			assertThat(refusal.getTransactionStatus()).isEqualTo(TransactionStatus.AUTHORIZE);
			assertThat(refusal.getFraudStatus()).isEqualTo(FraudStatus.ACCEPT);
			assertThat(refusal.getChannelResponseCode()).isEqualTo("05");
			assertThat(refusal.getChannelResponseMessage()).isEqualTo("Do not honour");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "refusals/pay-account-link-refused.json", "refusals/pay-account-unbind-refused.json" })
	void refusedPayAccountCallsKeepTheChannelResponse(String fixture) {
		MidtransException failure = classify(MidtransOperation.PAY_ACCOUNT_UNBIND, 200, fixture);

		assertThat(failure).isInstanceOfSatisfying(MidtransRefusalException.class, (refusal) -> {
			assertThat(refusal.getChannelResponseCode()).isNotBlank();
			assertThat(refusal.getTransactionStatus()).isNull();
			assertThat(refusal.getAnswer().toString()).doesNotContain("Caller authentication error");
		});
	}

	@Test
	void aDeniedChargeIsAnAnswerNotARefusal() {
		String body = "{\"status_code\":\"202\",\"transaction_status\":\"deny\",\"transaction_id\":\"tx-1\"}";

		assertThat(ResponseClassifier.classify(MidtransOperation.CHARGE, "ORDER-1", 200, MAPPER.readTree(body), false,
				null, false))
			.isNull();
	}

	@Test
	void successWithoutATreeAgreesWithTheFullVerdict() {
		String[] codes = { null, "200", "201", "202", "204", "400", "404", "406", "407", "409", "429", "500", "900",
				"abc", " 201 ", "" };
		int[] statuses = { 200, 201, 203, 204, 206, 299 };
		for (MidtransOperation operation : MidtransOperation.values()) {
			for (int httpStatus : statuses) {
				for (String code : codes) {
					JsonNode body = MAPPER.createObjectNode().put("status_code", code).put("transaction_id", "tx-1");
					boolean success = ResponseClassifier.classify(operation, "ORDER-1", httpStatus, body, false, null,
							false) == null;
					assertThat(ResponseClassifier.isSuccess(operation, httpStatus, code))
						.as("%s, HTTP %s, status_code %s", operation, httpStatus, code)
						.isEqualTo(success);
				}
			}
		}
	}

	private static MidtransException classify(MidtransOperation operation, int httpStatus, String fixture) {
		JsonNode body = MAPPER.readTree(Fixtures.read(fixture));
		return ResponseClassifier.classify(operation, "ORDER-1", httpStatus, body, false, null, false);
	}

}
