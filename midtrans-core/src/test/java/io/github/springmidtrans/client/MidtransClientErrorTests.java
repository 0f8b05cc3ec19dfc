package io.github.springmidtrans.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.within;

/**
 * Every way Midtrans (or the network) can fail, and how each is classified.
 */
class MidtransClientErrorTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final ChargeRequest charge = ChargeRequest.bankTransfer("order-1", 10_000, Bank.BCA).build();

	@Test
	void httpValidationErrorCarriesMessages() {
		this.server.enqueue(MockMidtrans.json(400, """
				{"status_code":"400","status_message":"One or more parameters in the payload is invalid.",
				 "validation_messages":["transaction_details.gross_amount is not equal to the sum of item_details"],
				 "id":"d2b1"}
				"""));
		assertThatExceptionOfType(MidtransValidationException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.getHttpStatus()).isEqualTo(400);
			assertThat(ex.getValidationMessages())
				.containsExactly("transaction_details.gross_amount is not equal to the sum of item_details");
			assertThat(ex.isRetryable()).isFalse();
			assertThat(ex.getMessage()).startsWith("Midtrans charge for order 'order-1' failed: invalid request");
		});
	}

	@Test
	void errorCodeInsideHttp200IsAnError() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"400","status_message":"Validation Error","validation_messages":["bank is required"]}
				"""));
		assertThatExceptionOfType(MidtransValidationException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.getHttpStatus()).isEqualTo(200);
			assertThat(ex.getMidtransStatusCode()).isEqualTo("400");
			assertThat(ex.getValidationMessages()).containsExactly("bank is required");
		});
	}

	@Test
	void plainTextUnauthorizedIsAnAuthenticationFailure() {
		this.server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());
		assertThatExceptionOfType(MidtransAuthenticationException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.isRetryable()).isFalse();
			assertThat(ex.getMessage()).doesNotContain(MockMidtrans.SERVER_KEY)
				.doesNotContain("U0ItTWlk")
				.contains("server key was refused");
		});
	}

	@Test
	void unknownTransactionIsNotFound() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"404","status_message":"Transaction doesn't exist.","id":"e48447d1"}
				"""));
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).status("nope"))
			.satisfies((ex) -> {
				assertThat(ex.getOrderId()).isEqualTo("nope");
				assertThat(ex.getStatusMessage()).isEqualTo("Transaction doesn't exist.");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void duplicateOrderIdIsReportedForReconciliation() {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"406","status_message":"The request could not be completed due to a conflict with the current state of the target resource, please try again"}
					"""));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class).isThrownBy(this::charge)
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void expiredAnswerIsAnErrorWhereItIsNotTheResult() {
		this.server
			.enqueue(MockMidtrans.json("{\"status_code\":\"407\",\"status_message\":\"Transaction is expired\"}"));
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).cancel("o-1"))
			.withMessageContaining("has expired");
	}

	@Test
	void rateLimitCarriesRetryAfterSeconds() {
		this.server.enqueue(new MockResponse.Builder().code(429)
			.headers(Headers.of("Retry-After", "30", "Content-Type", "application/json"))
			.body("{\"message\":\"API rate limit exceeded\"}")
			.build());
		assertThatExceptionOfType(MidtransRateLimitException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.isRetryable()).isTrue();
			assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
			assertThat(ex.getStatusMessage()).isEqualTo("API rate limit exceeded");
		});
	}

	@Test
	void rateLimitReadsRetryAfterAsHttpDate() {
		String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusMinutes(2));
		this.server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", inTwoMinutes).build());
		assertThatExceptionOfType(MidtransRateLimitException.class).isThrownBy(this::charge)
			.satisfies((ex) -> assertThat(ex.getRetryAfter().toSeconds()).isCloseTo(120, within(5L)));
	}

	@Test
	void serverErrorsAreRetryableWhateverTheirShape() {
		this.server.enqueue(MockMidtrans.json(500, "{\"status_code\":\"500\",\"status_message\":\"Sorry\"}"));
		this.server.enqueue(new MockResponse.Builder().code(503).body("<html>maintenance</html>").build());
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"500\",\"status_message\":\"internal error\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"505\",\"status_message\":\"VA creation failed\"}"));
		this.server
			.enqueue(MockMidtrans.json("{\"status_code\":\"900\",\"status_message\":\"GENERIC_SERVICE_ERROR\"}"));
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(MidtransServerException.class).isThrownBy(this::charge)
				.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
		}
	}

	@Test
	void serverErrorThenSuccessWorksWhenTheCallerRetriesWithTheSameOrderId() throws Exception {
		this.server.enqueue(MockMidtrans.json(503, "{\"status_code\":\"503\"}"));
		this.server.enqueue(MockMidtrans.json(500, "{\"status_code\":\"500\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_status\":\"pending\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		TransactionResponse response = null;
		for (int attempt = 1; response == null; attempt++) {
			try {
				response = client.charge(this.charge);
			}
			catch (MidtransException ex) {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(attempt).isLessThan(3);
			}
		}

		assertThat(response.statusCode()).isEqualTo("201");
		for (int i = 0; i < 3; i++) {
			assertThat(MockMidtrans.jsonBody(this.server.takeRequest()).at("/transaction_details/order_id").asString())
				.isEqualTo("order-1");
		}
	}

	@Test
	void malformedBodyIsAnInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_"));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.isRetryable()).isTrue();
			assertThat(ex.getMessage()).contains("not a JSON object");
		});
	}

	@Test
	void emptyBodyIsAnInvalidResponse() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge)
			.withMessageContaining("empty");
	}

	@Test
	void nonObjectBodyIsAnInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("[1,2,3]"));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge);
	}

	@Test
	void nonNumericStatusCodeIsAnInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"OK\"}"));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge)
			.withMessageContaining("status_code is not a number");
	}

	@Test
	void fieldOfTheWrongTypeIsAnInvalidResponseWithoutEchoingTheBody() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"gross_amount\":\"secret-looking-value\"}"));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.getMessage()).contains("documented shape at 'gross_amount'")
				.doesNotContain("secret-looking-value");
			assertThat(ex.getCause()).isNull();
		});
	}

	@Test
	void idempotentRequestStillInFlightIsRetryable() {
		this.server.enqueue(new MockResponse.Builder().code(202).build());
		assertThatExceptionOfType(MidtransInProgressException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server)
				.charge(this.charge, RequestOptions.none().withIdempotencyKey("key-1")))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void droppedConnectionIsRetryableWithUnknownOutcome() {
		this.server
			.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(this::charge).satisfies((ex) -> {
			assertThat(ex.isRetryable()).isTrue();
			assertThat(ex.getHttpStatus()).isZero();
			assertThat(ex.getMessage()).contains("order 'order-1'").contains("outcome is unknown");
		});
	}

	@Test
	void postIsNeverResentWhenAPooledConnectionDropsAfterMidtransActed() throws Exception {
		MidtransClient client = MockMidtrans.client(this.server);
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\"}")
			.newBuilder()
			.onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
			.build());
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"406\",\"status_message\":\"Duplicate order ID\"}"));
		client.status("warm-up");

		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> client.charge(this.charge));

		this.server.takeRequest();
		assertThat(this.server.takeRequest().getConnectionIndex()).isZero();
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void getIsResentOnceAfterAConnectionFailure() throws Exception {
		this.server
			.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"transaction_status\":\"settlement\"}"));

		TransactionResponse status = MockMidtrans.client(this.server).status("o-1");

		assertThat(status.statusCode()).isEqualTo("200");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void getIsNotResentAfterATimeout() {
		this.server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.readTimeout(Duration.ofMillis(200))
			.build();

		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> client.status("o-1"));
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void slowAnswerPastTheReadTimeoutIsAConnectionFailure() {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.body("{\"status_code\":\"201\"}")
			.headersDelay(2, TimeUnit.SECONDS)
			.build());
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.readTimeout(Duration.ofMillis(200))
			.build();
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> client.charge(this.charge))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getMessage()).contains("timed out");
			});
	}

	@Test
	void refusedConnectionIsAConnectionFailure() throws Exception {
		MidtransClient client = MockMidtrans.client(this.server);
		this.server.close();
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> client.status("o-1"))
			.withMessageContaining("connection failed");
	}

	private TransactionResponse charge() {
		return MockMidtrans.client(this.server).charge(this.charge);
	}

}
