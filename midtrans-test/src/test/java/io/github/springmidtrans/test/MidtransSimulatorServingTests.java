package io.github.springmidtrans.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The serving layer answers what Midtrans answers, byte for byte on the socket: requests
 * the official clients send (a GET with a JSON body, as the Node.js client sends on every
 * GET), chunked bodies, several requests on one connection, absolute request targets as
 * sent to a plain proxy, and requests it cannot parse, which still get a Midtrans-shaped
 * answer rather than a silent socket.
 */
class MidtransSimulatorServingTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void statusAnswersAGetWithAJsonBody() throws IOException {
		this.fixture.client.charge(ChargeRequest.bankTransfer("ORDER-GET-BODY", 10_000, Bank.BNI).build());
		try (Connection connection = connect()) {
			RawResponse response = connection
				.exchange("GET /v2/ORDER-GET-BODY/status HTTP/1.1\r\n" + "Host: localhost\r\n" + auth()
						+ "Content-Type: application/json\r\n" + "Content-Length: 2\r\n\r\n{}");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("transaction_status").asString()).isEqualTo("pending");
		}
	}

	@Test
	void chargeAcceptsAChunkedBodyAndTheConnectionIsKeptForTheNextRequest() throws IOException {
		String json = "{\"payment_type\":\"bank_transfer\",\"transaction_details\":{\"order_id\":\"ORDER-CHUNKED\","
				+ "\"gross_amount\":10000},\"bank_transfer\":{\"bank\":\"bca\"}}";
		String first = json.substring(0, 20);
		String rest = json.substring(20);
		try (Connection connection = connect()) {
			RawResponse charge = connection.exchange("POST /v2/charge HTTP/1.1\r\nHost: localhost\r\n" + auth()
					+ "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
					+ Integer.toHexString(first.length()) + "\r\n" + first + "\r\n"
					+ Integer.toHexString(rest.getBytes(StandardCharsets.UTF_8).length) + "\r\n" + rest
					+ "\r\n0\r\n\r\n");
			assertThat(charge.status()).isEqualTo(200);
			assertThat(charge.json().path("status_code").asString()).isEqualTo("201");
			RawResponse status = connection
				.exchange("GET /v2/ORDER-CHUNKED/status HTTP/1.1\r\nHost: localhost\r\n" + auth() + "\r\n");
			assertThat(status.json().path("order_id").asString()).isEqualTo("ORDER-CHUNKED");
		}
	}

	@Test
	void deleteWithABodyIsServed() throws IOException {
		this.fixture.send("POST", "/v1/payment-links",
				"{\"transaction_details\":{\"order_id\":\"LINK-DELETE\",\"gross_amount\":10000}}");
		try (Connection connection = connect()) {
			RawResponse response = connection.exchange("DELETE /v1/payment-links/LINK-DELETE HTTP/1.1\r\n"
					+ "Host: localhost\r\n" + auth() + "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}");
			assertThat(response.status()).isEqualTo(200);
		}
	}

	@Test
	void anAbsoluteRequestTargetAsSentToAPlainProxyIsServed() throws IOException {
		this.fixture.client.charge(ChargeRequest.gopay("ORDER-ABSOLUTE", 10_000).build());
		try (Connection connection = connect()) {
			RawResponse response = connection
				.exchange("GET https://api.sandbox.midtrans.com/v2/ORDER-ABSOLUTE/status HTTP/1.1\r\n"
						+ "Host: api.sandbox.midtrans.com\r\n" + auth() + "\r\n");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.json().path("order_id").asString()).isEqualTo("ORDER-ABSOLUTE");
		}
	}

	@Test
	void expectContinueIsAnsweredBeforeTheBodyIsSent() throws IOException {
		String json = "{\"payment_type\":\"gopay\",\"transaction_details\":{\"order_id\":\"ORDER-EXPECT\","
				+ "\"gross_amount\":10000}}";
		try (Connection connection = connect()) {
			RawResponse interim = connection.exchange("POST /v2/charge HTTP/1.1\r\nHost: localhost\r\n" + auth()
					+ "Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: " + json.length()
					+ "\r\n\r\n");
			assertThat(interim.status()).isEqualTo(100);
			RawResponse charge = connection.exchange(json);
			assertThat(charge.status()).isEqualTo(200);
			assertThat(charge.json().path("order_id").asString()).isEqualTo("ORDER-EXPECT");
		}
	}

	@Test
	void http10WithAFoldedHeaderIsAnsweredAndClosed() throws IOException {
		this.fixture.client.charge(ChargeRequest.gopay("ORDER-HTTP10", 10_000).build());
		try (Connection connection = connect()) {
			RawResponse response = connection.exchange("GET /v2/ORDER-HTTP10/status HTTP/1.0\r\n" + auth()
					+ "X-Odd-Header: first part\r\n  continued\r\n\r\n");
			assertThat(response.status()).isEqualTo(200);
			assertThat(response.headers()).containsEntry("connection", "close");
			assertThat(response.json().path("order_id").asString()).isEqualTo("ORDER-HTTP10");
		}
		assertThat(this.fixture.simulator.requests()).last()
			.satisfies((call) -> assertThat(call.headers()).containsEntry("x-odd-header",
					java.util.List.of("first part continued")));
	}

	@Test
	void aRequestThatCannotBeParsedGetsAMidtransShapedAnswer() throws IOException {
		try (Connection connection = connect()) {
			RawResponse response = connection
				.exchange("GET /v2/x/status HTTP/1.1\r\nHost: localhost\r\n" + "Content-Length: not-a-number\r\n\r\n");
			assertThat(response.status()).isEqualTo(400);
			assertThat(response.headers().get("content-type")).startsWith("application/json");
			assertThat(response.json().path("status_code").asString()).isEqualTo("400");
			assertThat(response.json().path("status_message").asString()).isNotBlank();
		}
	}

	@Test
	void unknownPathsAnswerInTheShapeOfTheirApiFamily() {
		SimulatorFixture.RawAnswer core = this.fixture.send("GET", "/v2/unknown/thing", "");
		assertThat(core.httpStatus()).isEqualTo(404);
		assertThat(core.json().path("status_code").asString()).isEqualTo("404");
		SimulatorFixture.RawAnswer snap = this.fixture.send("GET", "/snap/v1/unknown", "");
		assertThat(snap.httpStatus()).isEqualTo(404);
		assertThat(snap.json().path("error_messages").get(0).asString()).isEqualTo("Not Found");
	}

	@Test
	void aBodyThatIsNotJsonIsRefusedInTheShapeOfItsApiFamily() {
		SimulatorFixture.RawAnswer core = this.fixture.send("POST", "/v2/charge", "{not json");
		assertThat(core.httpStatus()).isEqualTo(400);
		assertThat(core.json().path("status_code").asString()).isEqualTo("400");
		SimulatorFixture.RawAnswer snap = this.fixture.send("POST", "/snap/v1/transactions", "{not json");
		assertThat(snap.httpStatus()).isEqualTo(400);
		assertThat(snap.json().has("status_code")).isFalse();
		assertThat(snap.json().path("error_messages").get(0).asString()).contains("not valid JSON");
		SimulatorFixture.RawAnswer subscription = this.fixture.send("POST", "/v1/subscriptions", "{not json");
		assertThat(subscription.httpStatus()).isEqualTo(400);
		assertThat(subscription.json().has("status_code")).isFalse();
		assertThat(subscription.json().path("status_message").asString()).isEqualTo("Invalid parameter.");
	}

	@Test
	void snapWithAWrongServerKeyAnswersInSnapsShape() throws IOException {
		try (Connection connection = connect()) {
			String body = "{\"transaction_details\":{\"order_id\":\"SNAP-WRONG-KEY\",\"gross_amount\":10000}}";
			RawResponse response = connection.exchange("POST /snap/v1/transactions HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Basic " + base64("SB-Mid-server-wrong:") + "\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().has("status_code")).isFalse();
			assertThat(response.json().path("error_messages").get(0).asString())
				.isEqualTo("Access denied due to unauthorized transaction, please check client or server key");
		}
	}

	@Test
	void subscriptionsWithAWrongServerKeyAnswerAStatusMessage() throws IOException {
		try (Connection connection = connect()) {
			RawResponse response = connection.exchange("GET /v1/subscriptions/any HTTP/1.1\r\nHost: localhost\r\n"
					+ "Authorization: Basic " + base64("SB-Mid-server-wrong:") + "\r\n\r\n");
			assertThat(response.status()).isEqualTo(401);
			assertThat(response.json().has("status_code")).isFalse();
			assertThat(response.json().path("status_message").asString()).startsWith("Access denied");
		}
	}

	private Connection connect() throws IOException {
		return new Connection(new Socket("localhost", this.fixture.simulator.port()));
	}

	private String auth() {
		return "Authorization: Basic " + base64(this.fixture.simulator.serverKey() + ":") + "\r\n";
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private record RawResponse(int status, Map<String, String> headers, String body) {

		JsonNode json() {
			return SimulatorFixture.JSON.readTree(this.body);
		}

	}

	/**
	 * One connection that sends raw request bytes and reads answers delimited by
	 * {@code Content-Length}.
	 */
	private static final class Connection implements AutoCloseable {

		private final Socket socket;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.socket.setSoTimeout(10_000);
		}

		RawResponse exchange(String request) throws IOException {
			OutputStream out = this.socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = this.socket.getInputStream();
			String statusLine = readLine(in);
			Map<String, String> headers = new LinkedHashMap<>();
			for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
				int colon = line.indexOf(':');
				headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
			}
			int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
			byte[] body = in.readNBytes(length);
			return new RawResponse(Integer.parseInt(statusLine.split(" ")[1]), headers,
					new String(body, StandardCharsets.UTF_8));
		}

		private static String readLine(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			int b;
			while ((b = in.read()) != -1 && b != '\n') {
				if (b != '\r') {
					line.write(b);
				}
			}
			if (b == -1 && line.size() == 0) {
				throw new IOException("Connection closed without an answer");
			}
			return line.toString(StandardCharsets.UTF_8);
		}

		@Override
		public void close() throws IOException {
			this.socket.close();
		}

	}

}
