package io.github.springmidtrans.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Building clients: validation, defaults, variants and connection pooling.
 */
class MidtransClientBuilderTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void plainJavaSetupTakesThreeLines() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_status\":\"pending\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_status\":\"pending\"}"));

		MidtransClient client = MidtransClient.builder()
			.serverKey(MockMidtrans.SERVER_KEY)
			.baseUrl(this.server.url("/").toString())
			.build();
		client.charge(io.github.springmidtrans.client.model.ChargeRequest
			.bankTransfer("ORDER-1", 150_000, io.github.springmidtrans.client.model.Bank.BCA)
			.build());
		TransactionResponse status = client.status("ORDER-1");

		assertThat(status.statusCode()).isEqualTo("201");
	}

	@Test
	void missingServerKeyFailsWithAClearMessage() {
		assertThatIllegalStateException().isThrownBy(() -> MidtransClient.builder().build())
			.withMessage("Midtrans server key is required (set it with serverKey(...))");
		assertThatIllegalStateException().isThrownBy(() -> MidtransClient.builder().serverKey("  ").build())
			.withMessageContaining("server key is required");
	}

	@Test
	void keyOfTheOtherEnvironmentIsRefusedWithoutShowingIt() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MidtransClient.builder()
				.serverKey("SB-Mid-server-example123456")
				.environment(MidtransEnvironment.PRODUCTION)
				.build())
			.withMessageContaining("sandbox key")
			.withMessageNotContaining("example123456");
		assertThatIllegalStateException()
			.isThrownBy(() -> MidtransClient.builder().serverKey("Mid-server-example123456").build())
			.withMessageContaining("production key")
			.withMessageNotContaining("example123456");
	}

	@Test
	void keyWithControlCharactersIsRefused() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MidtransClient.builder().serverKey("SB-Mid-server-abc\r\nX-Evil: 1").build())
			.withMessageContaining("whitespace or control characters");
	}

	@Test
	void environmentsHaveTheirBaseUrls() {
		MidtransClient sandbox = MidtransClient.builder().serverKey("SB-Mid-server-x").build();
		MidtransClient production = MidtransClient.builder()
			.serverKey("Mid-server-x")
			.environment(MidtransEnvironment.PRODUCTION)
			.build();
		assertThat(sandbox.baseUrl()).hasToString("https://api.sandbox.midtrans.com/");
		assertThat(production.baseUrl()).hasToString("https://api.midtrans.com/");
	}

	@Test
	void invalidBaseUrlAndAuthorizationHeaderAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> MidtransClient.builder().baseUrl("localhost:8080"))
			.withMessageContaining("http or https URL");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MidtransClient.builder().header("Authorization", "Basic x"))
			.withMessageContaining("derived from the server key");
	}

	@Test
	void toStringNeverShowsTheServerKey() {
		MidtransClient client = MockMidtrans.client(this.server);
		assertThat(client.toString()).doesNotContain(MockMidtrans.SERVER_KEY).doesNotContain("U0ItTWlk");
		assertThat(client.newBuilder().toString()).doesNotContain(MockMidtrans.SERVER_KEY);
	}

	@Test
	void extraHeadersAndUserAgentAreSentOnEveryCall() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.header("X-POP-ID", "pop-1")
			.userAgent("shop/1.0")
			.build();
		client.status("o-1");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("X-POP-ID")).isEqualTo("pop-1");
		assertThat(request.getHeaders().get("User-Agent")).isEqualTo("shop/1.0");
	}

	@Test
	void callListenerHearsOfEveryCallAndItsOutcome() {
		List<String> heard = new CopyOnWriteArrayList<>();
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.callListener((operation, outcome, httpStatus, duration) -> heard
				.add(operation + " " + outcome + " " + httpStatus + " " + !duration.isNegative()))
			.build();
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"404\"}"));

		client.status("o-1");
		try {
			client.status("o-2");
		}
		catch (MidtransNotFoundException ex) {
			// expected
		}

		assertThat(heard).containsExactly("STATUS success 200 true", "STATUS MidtransNotFoundException 200 true");
	}

	@Test
	void addedCallListenersAreAllToldOfTheStartAndEndOfEveryCall() {
		List<String> heard = new CopyOnWriteArrayList<>();
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.addCallListener(new MidtransCallListener() {

				@Override
				public void onStart(MidtransOperation operation) {
					heard.add("first start " + operation + " on " + Thread.currentThread().getName());
				}

				@Override
				public void onCall(MidtransOperation operation, String outcome, int httpStatus, Duration duration) {
					heard.add("first end " + operation + " " + outcome + " on " + Thread.currentThread().getName());
				}

			})
			.addCallListener((operation, outcome, httpStatus, duration) -> {
				heard.add("second end " + operation + " " + outcome);
				throw new IllegalStateException("a failing listener is only logged");
			})
			.build();
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));

		client.status("o-1");

		String thread = Thread.currentThread().getName();
		assertThat(heard).containsExactly("first start STATUS on " + thread, "first end STATUS success on " + thread,
				"second end STATUS success");
	}

	@Test
	void manyCallsShareOneConnection() throws Exception {
		MidtransClient client = MockMidtrans.client(this.server);
		for (int i = 0; i < 20; i++) {
			this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
			client.status("o-" + i);
		}
		for (int i = 0; i < 20; i++) {
			RecordedRequest request = this.server.takeRequest();
			assertThat(request.getConnectionIndex()).isZero();
			assertThat(request.getExchangeIndex()).isEqualTo(i);
		}
	}

	@Test
	void variantsShareTheConnectionPool() throws Exception {
		MidtransClient client = MockMidtrans.client(this.server);
		MidtransClient otherKey = client.newBuilder().serverKey("SB-Mid-server-other").build();
		MidtransClient otherTimeouts = client.newBuilder().readTimeout(Duration.ofSeconds(1)).build();

		assertThat(otherKey.httpClient()).isSameAs(client.httpClient());
		assertThat(otherTimeouts.httpClient()).isNotSameAs(client.httpClient());
		assertThat(otherTimeouts.httpClient().connectionPool()).isSameAs(client.httpClient().connectionPool());
		assertThat(otherTimeouts.httpClient().readTimeoutMillis()).isEqualTo(1000);

		for (MidtransClient each : new MidtransClient[] { client, otherKey, otherTimeouts }) {
			this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\"}"));
			each.status("o-1");
		}
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		RecordedRequest third = this.server.takeRequest();
		assertThat(first.getConnectionIndex()).isZero();
		assertThat(second.getConnectionIndex()).isZero();
		assertThat(third.getConnectionIndex()).isZero();
		assertThat(second.getHeaders().get("Authorization")).isNotEqualTo(first.getHeaders().get("Authorization"));
	}

	@Test
	void givenHttpClientIsUsedAsIsWhenItNeverRetriesByItself() {
		OkHttpClient shared = new OkHttpClient.Builder().retryOnConnectionFailure(false).build();
		MidtransClient client = MidtransClient.builder().serverKey("SB-Mid-server-x").httpClient(shared).build();
		assertThat(client.httpClient()).isSameAs(shared);
		MidtransClient tuned = MidtransClient.builder()
			.serverKey("SB-Mid-server-x")
			.httpClient(shared)
			.connectTimeout(Duration.ofSeconds(3))
			.build();
		assertThat(tuned.httpClient().connectionPool()).isSameAs(shared.connectionPool());
		assertThat(tuned.httpClient().dispatcher()).isSameAs(shared.dispatcher());
		assertThat(tuned.httpClient().connectTimeoutMillis()).isEqualTo(3000);
	}

	@Test
	void givenHttpClientThatRetriesIsCopiedWithoutRetriesSharingItsPool() {
		OkHttpClient shared = new OkHttpClient();
		MidtransClient client = MidtransClient.builder().serverKey("SB-Mid-server-x").httpClient(shared).build();
		assertThat(client.httpClient().retryOnConnectionFailure()).isFalse();
		assertThat(client.httpClient().connectionPool()).isSameAs(shared.connectionPool());
		assertThat(MockMidtrans.client(this.server).httpClient().retryOnConnectionFailure()).isFalse();
	}

}
