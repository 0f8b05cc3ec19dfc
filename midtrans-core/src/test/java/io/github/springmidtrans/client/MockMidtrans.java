package io.github.springmidtrans.client;

import java.time.Duration;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Test helpers around a {@link MockWebServer} that plays Midtrans.
 */
final class MockMidtrans {

	static final String SERVER_KEY = "SB-Mid-server-TEST0123456789abcdef";

	/** Basic auth of {@link #SERVER_KEY} with an empty password. */
	static final String AUTHORIZATION = "Basic U0ItTWlkLXNlcnZlci1URVNUMDEyMzQ1Njc4OWFiY2RlZjo=";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private MockMidtrans() {
	}

	static MidtransClient client(MockWebServer server) {
		return MidtransClient.builder()
			.serverKey(SERVER_KEY)
			.clientKey("SB-Mid-client-TEST")
			.baseUrl(server.url("/").toString())
			.readTimeout(Duration.ofSeconds(5))
			.build();
	}

	static MockResponse json(int httpStatus, String body) {
		return new MockResponse.Builder().code(httpStatus)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

	static MockResponse json(String body) {
		return json(200, body);
	}

	static JsonNode jsonBody(RecordedRequest request) {
		return MAPPER.readTree(body(request));
	}

	static String body(RecordedRequest request) {
		return (request.getBody() != null) ? request.getBody().utf8() : "";
	}

}
