package io.github.springmidtrans.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import io.github.springmidtrans.LogCapture;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server key, the Authorization header and card tokens never reach log output or
 * exception messages, even at DEBUG.
 */
class MidtransClientSecretsTests {

	private static final String CARD_TOKEN = "48111111-1114-CARD-TOKEN-SECRET";

	@StartStop
	final MockWebServer server = new MockWebServer();

	private LogCapture logs;

	@BeforeEach
	void captureEverything() {
		this.logs = LogCapture.at(Level.ALL, org.slf4j.Logger.ROOT_LOGGER_NAME, "io.github.springmidtrans");
	}

	@AfterEach
	void restore() {
		this.logs.close();
	}

	@Test
	void fullFlowLeaksNoSecret() {
		MidtransClient client = MockMidtrans.client(this.server)
			.newBuilder()
			.readTimeout(Duration.ofMillis(300))
			.build();
		List<String> exceptionText = new ArrayList<>();
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_status\":\"pending\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"transaction_status\":\"settlement\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"transaction_status\":\"refund\"}"));
		this.server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());
		this.server.enqueue(MockMidtrans.json(500, "{\"status_code\":\"500\"}"));
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"gross_amount\":\"" + CARD_TOKEN + "\"}"));
		this.server.enqueue(new MockResponse.Builder().body("{}").headersDelay(2, TimeUnit.SECONDS).build());

		client.charge(ChargeRequest.creditCard("order-1", 10_000, CARD_TOKEN).build());
		client.status("order-1");
		client.refund("order-1", RefundRequest.full("rk-1", "customer asked"));
		for (Runnable failing : List.<Runnable>of(() -> client.status("order-1"), () -> client.status("order-1"),
				() -> client.charge(ChargeRequest.creditCard("order-2", 10_000, CARD_TOKEN).build()),
				() -> client.status("order-1"), () -> client.verifyNotification(
						"{\"order_id\":\"order-1\",\"status_code\":\"200\",\"gross_amount\":\"1.00\",\"signature_key\":\"x\"}"))) {
			try {
				failing.run();
			}
			catch (MidtransException ex) {
				exceptionText.add(ex.toString());
				exceptionText.add(String.valueOf(ex.getCause()));
			}
		}

		assertThat(exceptionText).hasSize(10);
		List<String> logged = this.logs.events()
			.stream()
			.map((event) -> event.getFormattedMessage() + ((event.getThrowableProxy() != null)
					? ThrowableProxyUtil.asString(event.getThrowableProxy()) : ""))
			.toList();
		assertThat(logged).anySatisfy((line) -> assertThat(line).contains("order-1"));
		for (String text : concat(logged, exceptionText)) {
			assertThat(text).doesNotContain(MockMidtrans.SERVER_KEY)
				.doesNotContain(MockMidtrans.AUTHORIZATION.substring("Basic ".length()))
				.doesNotContain(CARD_TOKEN)
				.doesNotContainIgnoringCase("authorization");
		}
	}

	private static List<String> concat(List<String> first, List<String> second) {
		List<String> all = new ArrayList<>(first);
		all.addAll(second);
		return all;
	}

}
