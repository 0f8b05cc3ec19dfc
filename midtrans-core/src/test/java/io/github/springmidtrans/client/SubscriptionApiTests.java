package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionActionResponse;
import io.github.springmidtrans.client.model.SubscriptionPaymentType;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionRetrySchedule;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.client.model.SubscriptionStatus;
import io.github.springmidtrans.client.model.SubscriptionUpdateRequest;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Subscriptions API: request shapes, parsed answers and error shapes.
 */
class SubscriptionApiTests {

	private static final String TOKEN = "48111111sHfSakAvHvFQFEjTivUV1114";

	private static final String CREATED = """
			{"id":"d98a63b8-97e4-4059-825f-0f62340407e9","name":"MONTHLY_2019","amount":"14000","currency":"IDR",
			 "created_at":"2019-05-29T09:11:01.810452",
			 "schedule":{"interval":1,"interval_unit":"month","start_time":"2019-05-29T09:11:01.803677",
			  "previous_execution_at":"2019-05-29T09:11:01.803677","next_execution_at":"2019-06-29T09:11:01.803677"},
			 "retry_schedule":{"interval":1,"interval_unit":"day","max_interval":3},
			 "status":"active","token":"48111111sHfSakAvHvFQFEjTivUV1114","payment_type":"credit_card",
			 "metadata":{"description":"Recurring payment for A"},"customer_details":{"first_name":"John"}}
			""";

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void createSendsAmountAsStringAndParsesSubscription() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);
		OffsetDateTime start = OffsetDateTime.of(2020, 7, 22, 7, 25, 1, 0, ZoneOffset.ofHours(7));

		SubscriptionResponse response = client.subscriptions()
			.create(SubscriptionRequest
				.creditCard("MONTHLY_2019", 14_000, TOKEN,
						SubscriptionSchedule.every(1, IntervalUnit.MONTH).withMaxInterval(12).withStartTime(start))
				.retrySchedule(SubscriptionRetrySchedule.of(1, IntervalUnit.DAY, 0))
				.metadata("description", "Recurring payment for A")
				.customer(CustomerDetails.of("John", "Doe", "johndoe@email.com", "+62812345678"))
				.build());

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/subscriptions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("amount").isString()).isTrue();
		assertThat(body.get("amount").asString()).isEqualTo("14000");
		assertThat(body.get("currency").asString()).isEqualTo("IDR");
		assertThat(body.get("payment_type").asString()).isEqualTo("credit_card");
		assertThat(body.get("token").asString()).isEqualTo(TOKEN);
		assertThat(body.at("/schedule/interval").asInt()).isEqualTo(1);
		assertThat(body.at("/schedule/interval_unit").asString()).isEqualTo("month");
		assertThat(body.at("/schedule/max_interval").asInt()).isEqualTo(12);
		assertThat(body.at("/schedule/start_time").asString()).isEqualTo("2020-07-22 07:25:01 +0700");
		assertThat(body.at("/retry_schedule/interval_unit").asString()).isEqualTo("day");
		assertThat(body.at("/retry_schedule/max_interval").isIntegralNumber()).isTrue();
		assertThat(body.at("/retry_schedule/max_interval").asInt()).isZero();
		assertThat(body.at("/metadata/description").asString()).isEqualTo("Recurring payment for A");
		assertThat(body.at("/customer_details/email").asString()).isEqualTo("johndoe@email.com");
		assertThat(body.propertyNames()).containsOnly("name", "amount", "currency", "payment_type", "token", "schedule",
				"retry_schedule", "metadata", "customer_details");

		assertThat(response.id()).isEqualTo("d98a63b8-97e4-4059-825f-0f62340407e9");
		assertThat(response.status()).isEqualTo(SubscriptionStatus.ACTIVE);
		assertThat(response.isActive()).isTrue();
		assertThat(response.paymentType()).isEqualTo(SubscriptionPaymentType.CREDIT_CARD);
		assertThat(response.amount()).isEqualByComparingTo(new BigDecimal("14000"));
		// zone-less subscription times are Asia/Jakarta wall times
		assertThat(response.createdAt())
			.isEqualTo(OffsetDateTime.of(2019, 5, 29, 9, 11, 1, 810_452_000, ZoneOffset.ofHours(7)));
		assertThat(response.schedule().intervalUnit()).isEqualTo(IntervalUnit.MONTH);
		assertThat(response.schedule().nextExecutionAt())
			.isEqualTo(OffsetDateTime.of(2019, 6, 29, 9, 11, 1, 803_677_000, ZoneOffset.ofHours(7)));
		assertThat(response.retrySchedule().maxInterval()).isEqualTo(3);
		assertThat(response.metadata()).containsEntry("description", "Recurring payment for A");
		assertThat(response.customerDetails().firstName()).isEqualTo("John");
		assertThat(response.raw().text("name")).isEqualTo("MONTHLY_2019");
		assertThat(response.toString()).doesNotContain(TOKEN);
	}

	@Test
	void createWithIdempotencyKeySendsIdempotencyKeyHeader() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);

		client.subscriptions()
			.create(SubscriptionRequest
				.creditCard("MONTHLY_2019", 14_000, TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
				.build(), RequestOptions.none().withIdempotencyKey("sub-key-1"));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("Idempotency-Key")).isEqualTo("sub-key-1");
		assertThat(request.getHeaders().get("X-Idempotency-Key")).isNull();
	}

	@Test
	void gopaySubscriptionSendsAccountId() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);

		client.subscriptions()
			.create(SubscriptionRequest
				.gopay("WEEKLY-1", 25_000, "eyJ0eXBlIjogIkdPUEFZX1dBTExFVCJ9", "0dd2cd90-a9a9-4a09-b393-21162dfb713b",
						SubscriptionSchedule.every(2, IntervalUnit.WEEK))
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("payment_type").asString()).isEqualTo("gopay");
		assertThat(body.at("/gopay/account_id").asString()).isEqualTo("0dd2cd90-a9a9-4a09-b393-21162dfb713b");
		assertThat(body.at("/schedule/interval_unit").asString()).isEqualTo("week");
		assertThat(body.has("retry_schedule")).isFalse();
	}

	@Test
	void getParsesProgressTransactionIdsAndGopayAccount() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"id":"sub-1","name":"GOPAY-PLAN","amount":"25000","currency":"IDR",
				 "created_at":"2022-10-26T09:59:00.000000Z",
				 "schedule":{"interval":1,"interval_unit":"month","max_interval":12,"current_interval":2,
				  "start_time":"2022-10-26T09:59:00.000000Z","previous_execution_at":null,
				  "next_execution_at":"2022-11-26T09:59:00.000000Z"},
				 "status":"inactive","token":"eyJ0","payment_type":"gopay",
				 "transaction_ids":["tx-1","tx-2"],"gopay":{"account_id":"acc-9"}}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		SubscriptionResponse response = client.subscriptions().get("sub-1");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(response.status()).isEqualTo(SubscriptionStatus.INACTIVE);
		assertThat(response.isActive()).isFalse();
		assertThat(response.paymentType()).isEqualTo(SubscriptionPaymentType.GOPAY);
		assertThat(response.schedule().currentInterval()).isEqualTo(2);
		assertThat(response.schedule().maxInterval()).isEqualTo(12);
		assertThat(response.schedule().previousExecutionAt()).isNull();
		// "Z" times keep UTC
		assertThat(response.createdAt()).isEqualTo(OffsetDateTime.of(2022, 10, 26, 9, 59, 0, 0, ZoneOffset.UTC));
		assertThat(response.transactionIds()).containsExactly("tx-1", "tx-2");
		assertThat(response.gopay().accountId()).isEqualTo("acc-9");
	}

	@Test
	void getReadsSingularTransactionIdAndUnknownStatus() {
		this.server.enqueue(MockMidtrans.json("""
				{"id":"sub-2","status":"Paused","transaction_id":["tx-7"]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		SubscriptionResponse response = client.subscriptions().get("sub-2");

		assertThat(response.status()).isEqualTo(SubscriptionStatus.UNKNOWN);
		assertThat(response.transactionIds()).containsExactly("tx-7");
	}

	@Test
	void canceledSpellingIsReadAsCancelled() {
		assertThat(SubscriptionStatus.fromWireValue("canceled")).isEqualTo(SubscriptionStatus.CANCELLED);
		assertThat(SubscriptionStatus.fromWireValue("CANCELLED")).isEqualTo(SubscriptionStatus.CANCELLED);
		assertThat(SubscriptionStatus.fromWireValue("disabled")).isEqualTo(SubscriptionStatus.DISABLED);
	}

	@Test
	void updatePatchesRequiredFieldsAndInterval() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_message\":\"Subscription is updated.\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		SubscriptionActionResponse response = client.subscriptions()
			.update("sub-1", SubscriptionUpdateRequest.of("MONTHLY_2019", 15_000, TOKEN)
				.withSchedule(SubscriptionUpdateRequest.ScheduleUpdate.interval(2)));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-1");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("amount").isString()).isTrue();
		assertThat(body.get("amount").asString()).isEqualTo("15000");
		assertThat(body.get("currency").asString()).isEqualTo("IDR");
		assertThat(body.get("token").asString()).isEqualTo(TOKEN);
		assertThat(body.at("/schedule/interval").asInt()).isEqualTo(2);
		assertThat(body.propertyNames()).containsOnly("name", "amount", "currency", "token", "schedule");
		assertThat(response.statusMessage()).isEqualTo("Subscription is updated.");
		assertThat(SubscriptionUpdateRequest.of("MONTHLY_2019", 15_000, TOKEN).toString()).doesNotContain(TOKEN);
	}

	@Test
	void disableEnableAndCancelPostToTheirPaths() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(MockMidtrans.json("{\"status_message\":\"Subscription is updated.\"}"));
		}
		MidtransClient client = MockMidtrans.client(this.server);

		SubscriptionActionResponse disabled = client.subscriptions().disable("sub-1");
		client.subscriptions().enable("sub-1");
		client.subscriptions().cancel("sub-1");

		assertThat(disabled.statusMessage()).isEqualTo("Subscription is updated.");
		for (String action : new String[] { "disable", "enable", "cancel" }) {
			RecordedRequest request = this.server.takeRequest();
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/subscriptions/sub-1/" + action);
			assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
			assertThat(MockMidtrans.body(request)).isEmpty();
		}
	}

	@Test
	void actionWithEmptyBodyIsAcknowledged() {
		this.server.enqueue(new mockwebserver3.MockResponse.Builder().code(200).build());
		MidtransClient client = MockMidtrans.client(this.server);

		SubscriptionActionResponse response = client.subscriptions().disable("sub-1");

		assertThat(response.statusMessage()).isNull();
		assertThat(response.raw()).isNull();
	}

	@Test
	void subscriptionIdIsPathEncoded() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);

		client.subscriptions().get("a/b c");

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/subscriptions/a%2Fb%20c");
	}

	@Test
	void invalidParameterIsValidationErrorWithMessages() {
		this.server.enqueue(MockMidtrans.json(400, """
				{"status_message":"Invalid parameter.","validation_messages":["subscription.amount is required"]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client.subscriptions()
				.create(SubscriptionRequest
					.creditCard("MONTHLY_2019", 14_000, TOKEN, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
					.build()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(400);
				assertThat(ex.getStatusMessage()).isEqualTo("Invalid parameter.");
				assertThat(ex.getValidationMessages()).containsExactly("subscription.amount is required");
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.SUBSCRIPTION_CREATE);
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getMessage()).doesNotContain(TOKEN);
			});
	}

	@Test
	void unknownSubscriptionIsNotFound() {
		this.server.enqueue(MockMidtrans.json(404, "{\"status_message\":\"Subscription doesn't exist.\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> client.subscriptions().cancel("missing"))
			.satisfies((ex) -> {
				assertThat(ex.getOrderId()).isEqualTo("missing");
				assertThat(ex.getStatusMessage()).isEqualTo("Subscription doesn't exist.");
				assertThat(ex.getMessage()).contains("subscription 'missing'");
			});
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(500,
				"{\"status_message\":\"Sorry, Our system is recovering from unexpected issues. Please retry.\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> client.subscriptions().get("sub-1"))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getStatusMessage()).startsWith("Sorry, Our system is recovering");
			});
	}

	@Test
	void malformedAnswerIsInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"id\":\"sub-1\",\"schedule\":\"monthly\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.subscriptions().get("sub-1"));
	}

	@Test
	void requestRejectsWhatMidtransWouldReject() {
		SubscriptionSchedule monthly = SubscriptionSchedule.every(1, IntervalUnit.MONTH);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SubscriptionRequest.creditCard("has space", 14_000, TOKEN, monthly).build())
			.withMessageContaining("name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SubscriptionRequest.creditCard("PLAN", 0, TOKEN, monthly).build())
			.withMessageContaining("amount");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SubscriptionRequest.creditCard("PLAN", 14_000, " ", monthly).build())
			.withMessageContaining("token");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SubscriptionRequest("PLAN", 14_000, "IDR", SubscriptionPaymentType.GOPAY, "tok",
					monthly, null, null, null, null))
			.withMessageContaining("gopay.account_id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SubscriptionRequest("PLAN", 14_000, "USD", SubscriptionPaymentType.CREDIT_CARD, TOKEN,
					monthly, null, null, null, null))
			.withMessageContaining("IDR")
			.withMessageNotContaining(TOKEN);
		assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionSchedule.every(1, IntervalUnit.HOUR))
			.withMessageContaining("interval_unit");
		assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionRetrySchedule.of(1, IntervalUnit.HOUR, 4))
			.withMessageContaining("max_interval");
		assertThatIllegalArgumentException().isThrownBy(() -> SubscriptionRetrySchedule.of(1, IntervalUnit.MONTH, 1))
			.withMessageContaining("interval_unit");
		assertThat(SubscriptionRequest.creditCard("PLAN", 14_000, TOKEN, monthly).build().toString())
			.doesNotContain(TOKEN);
	}

}
