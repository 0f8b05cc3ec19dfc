package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import io.github.springmidtrans.client.MidtransClient;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shared set-up for simulator tests: a simulator on a clock standing still, a real
 * client, and a raw HTTP helper for requests the client would refuse to send.
 */
final class SimulatorFixture implements AutoCloseable {

	/** 2026-03-01 10:00:00 in Jakarta. */
	static final Instant START = Instant.parse("2026-03-01T03:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private static final OkHttpClient RAW = new OkHttpClient();

	final SimulatorClock clock = SimulatorClock.startingAt(START);

	final MidtransSimulator simulator;

	final MidtransClient client;

	SimulatorFixture() {
		this(null);
	}

	SimulatorFixture(String notificationUrl) {
		this.simulator = MidtransSimulator.builder().clock(this.clock).notificationUrl(notificationUrl).build().start();
		this.client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl(this.simulator.baseUrl())
			.snapBaseUrl(this.simulator.snapBaseUrl())
			.build();
	}

	/**
	 * Send a raw request with the simulator's key; returns HTTP status and parsed body.
	 */
	RawAnswer send(String method, String path, String body) {
		return send(this.simulator, method, path, body);
	}

	/**
	 * Send a raw request to any simulator with its key; returns HTTP status and parsed
	 * body.
	 */
	static RawAnswer send(MidtransSimulator simulator, String method, String path, String body) {
		RawAnswer answer = sendText(simulator, method, path, body);
		return new RawAnswer(answer.httpStatus(), answer.text().isEmpty() ? null : JSON.readTree(answer.text()),
				answer.text());
	}

	/**
	 * Send a raw request with the simulator's key; the body is not parsed.
	 */
	RawAnswer sendText(String method, String path, String body) {
		return sendText(this.simulator, method, path, body);
	}

	private static RawAnswer sendText(MidtransSimulator simulator, String method, String path, String body) {
		String auth = "Basic "
				+ Base64.getEncoder().encodeToString((simulator.serverKey() + ":").getBytes(StandardCharsets.UTF_8));
		RequestBody requestBody = "GET".equals(method) ? null
				: RequestBody.create(body, MediaType.get("application/json"));
		Request request = new Request.Builder().url(simulator.baseUrl() + path.substring(1))
			.header("Authorization", auth)
			.method(method, requestBody)
			.build();
		try (Response response = RAW.newCall(request).execute()) {
			String text = response.body().string();
			return new RawAnswer(response.code(), null, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A dispatcher for a notification receiver that answers every request with a status.
	 */
	static Dispatcher answering(int status) {
		return new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(status).build();
			}
		};
	}

	@Override
	public void close() {
		this.simulator.close();
	}

	record RawAnswer(int httpStatus, JsonNode json, String text) {

		String field(String name) {
			JsonNode value = this.json.get(name);
			return (value != null) ? value.asString() : null;
		}

	}

}
