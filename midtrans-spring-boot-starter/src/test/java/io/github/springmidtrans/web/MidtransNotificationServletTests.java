package io.github.springmidtrans.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.notification.NotificationResult;
import io.github.springmidtrans.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransNotificationServlet}: how it reads bodies and answers, with a handler
 * that answers a scripted result.
 */
class MidtransNotificationServletTests {

	private static final String BODY = "{\"order_id\":\"ORDER-1\",\"status_message\":\"Pembayaran berhasil \u2713\"}";

	@Test
	void bodyIsHandedOverExactlyAndTheOutcomeAnsweredWithItsLength() throws Exception {
		ScriptedHandler handler = new ScriptedHandler(
				new NotificationResult(NotificationOutcome.PROCESSED, "ORDER-1", PaymentStatus.SETTLEMENT, null, 1L));
		MockHttpServletResponse response = post(new MidtransNotificationServlet(handler, 1024), request(BODY));

		assertThat(handler.bodies).containsExactly(BODY);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).startsWith("application/json");
		assertThat(response.getCharacterEncoding()).isEqualTo("UTF-8");
		assertThat(response.getContentAsString()).isEqualTo("{\"outcome\":\"PROCESSED\"}");
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
	}

	@Test
	void messageIsAnsweredAsEscapedJsonWithTheOutcomesStatus() throws Exception {
		String message = "the \"amount\" differs\\\nrupiah \u2248 10.000";
		ScriptedHandler handler = new ScriptedHandler(
				new NotificationResult(NotificationOutcome.INVALID_SIGNATURE, "ORDER-1", null, message, 2L));
		MockHttpServletResponse response = post(new MidtransNotificationServlet(handler, 1024), request(BODY));

		assertThat(response.getStatus()).isEqualTo(401);
		JsonNode answer = JsonMapper.builder().build().readTree(response.getContentAsByteArray());
		assertThat(answer.get("outcome").asString()).isEqualTo("INVALID_SIGNATURE");
		assertThat(answer.get("message").asString()).isEqualTo(message);
		assertThat(response.getContentLength()).isEqualTo(response.getContentAsByteArray().length);
	}

	@Test
	void bodyDeclaredLargerThanTheLimitIsRefusedUnread() throws Exception {
		ScriptedHandler handler = new ScriptedHandler(
				new NotificationResult(NotificationOutcome.PROCESSED, null, null, null, 1L));
		MockHttpServletResponse response = post(new MidtransNotificationServlet(handler, 16), request(BODY));

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString()).contains("\"outcome\":\"TOO_LARGE\"")
			.contains("larger than 16 bytes");
		assertThat(handler.bodies).isEmpty();
	}

	@Test
	void bodyWithoutADeclaredLengthIsReadUpToTheLimit() throws Exception {
		ScriptedHandler handler = new ScriptedHandler(
				new NotificationResult(NotificationOutcome.DUPLICATE, "ORDER-1", PaymentStatus.SETTLEMENT, null, 1L));
		int length = BODY.getBytes(StandardCharsets.UTF_8).length;

		MockHttpServletResponse fits = post(new MidtransNotificationServlet(handler, length), chunked(BODY));
		assertThat(fits.getStatus()).isEqualTo(200);
		assertThat(fits.getContentAsString()).isEqualTo("{\"outcome\":\"DUPLICATE\"}");
		assertThat(handler.bodies).containsExactly(BODY);

		MockHttpServletResponse tooLong = post(new MidtransNotificationServlet(handler, length - 1), chunked(BODY));
		assertThat(tooLong.getStatus()).isEqualTo(413);
		assertThat(handler.bodies).hasSize(1);
	}

	@Test
	void observersSeeEveryResultAndTheirFailureDoesNotChangeTheAnswer() throws Exception {
		NotificationResult result = new NotificationResult(NotificationOutcome.FAILED, "ORDER-1", null,
				"processing failed; Midtrans will re-deliver", 3L);
		List<NotificationResult> seen = new ArrayList<>();
		NotificationObserver failing = (answered) -> {
			throw new IllegalStateException("metrics are down");
		};
		MidtransNotificationServlet servlet = new MidtransNotificationServlet(new ScriptedHandler(result), 1024,
				List.of(failing, seen::add));

		MockHttpServletResponse response = post(servlet, request(BODY));

		assertThat(seen).containsExactly(result);
		assertThat(response.getStatus()).isEqualTo(500);
		assertThat(response.getContentAsString())
			.isEqualTo("{\"outcome\":\"FAILED\",\"message\":\"processing failed; Midtrans will re-deliver\"}");
	}

	private static MockHttpServletResponse post(MidtransNotificationServlet servlet, MockHttpServletRequest request)
			throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		servlet.service(request, response);
		return response;
	}

	private static MockHttpServletRequest request(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/midtrans/notification");
		request.setContentType("application/json");
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** A request whose length is not declared, as with chunked transfer encoding. */
	private static MockHttpServletRequest chunked(String body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", "/midtrans/notification") {

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
		request.setContent(body.getBytes(StandardCharsets.UTF_8));
		return request;
	}

	/** Answers one result and keeps the bodies it was given. */
	private static final class ScriptedHandler extends NotificationHandler {

		private final NotificationResult result;

		private final List<String> bodies = new ArrayList<>();

		ScriptedHandler(NotificationResult result) {
			super(null, null, null, null, Clock.systemUTC(), true);
			this.result = result;
		}

		@Override
		public NotificationResult handle(@Nullable String body) {
			this.bodies.add(body);
			return this.result;
		}

	}

}
