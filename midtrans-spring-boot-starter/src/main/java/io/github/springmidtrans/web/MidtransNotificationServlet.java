package io.github.springmidtrans.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.notification.NotificationResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The endpoint Midtrans posts payment notifications to. It reads the body (refusing
 * bodies over the configured limit with 413), hands it to {@link NotificationHandler},
 * and answers with the outcome's HTTP status and a small JSON body naming the outcome
 * (and why, when it was not applied), with its length. Only POST is accepted.
 *
 * <p>
 * Midtrans cannot authenticate: the endpoint must be reachable without login and without
 * CSRF protection; the signature check stands in for authentication.
 *
 * @since 0.1.0
 */
public class MidtransNotificationServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	private static final String CONTENT_TYPE = "application/json;charset=UTF-8";

	/** The answer to each outcome without a message, encoded once. */
	private static final Map<NotificationOutcome, byte[]> PLAIN_ANSWERS = plainAnswers();

	private static final byte[] OUTCOME_START = "{\"outcome\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] MESSAGE_START = "\",\"message\":\"".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);

	private final transient NotificationHandler handler;

	private final long maxBodyBytes;

	private final transient List<NotificationObserver> observers;

	/**
	 * Create the servlet.
	 * @param handler the handler that verifies and applies notifications
	 * @param maxBodyBytes the largest body accepted
	 */
	public MidtransNotificationServlet(NotificationHandler handler, long maxBodyBytes) {
		this(handler, maxBodyBytes, List.of());
	}

	/**
	 * Create the servlet with observers of its answers.
	 * @param handler the handler that verifies and applies notifications
	 * @param maxBodyBytes the largest body accepted
	 * @param observers told about every answered notification
	 */
	public MidtransNotificationServlet(NotificationHandler handler, long maxBodyBytes,
			List<NotificationObserver> observers) {
		this.handler = handler;
		this.maxBodyBytes = maxBodyBytes;
		this.observers = List.copyOf(observers);
	}

	@Override
	protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
		long declared = request.getContentLengthLong();
		if (declared > this.maxBodyBytes) {
			answer(response, 413, "TOO_LARGE", "the body is larger than " + this.maxBodyBytes + " bytes");
			return;
		}
		byte[] body = read(request, declared);
		if (body == null) {
			answer(response, 413, "TOO_LARGE", "the body is larger than " + this.maxBodyBytes + " bytes");
			return;
		}
		NotificationResult result = this.handler.handle(new String(body, StandardCharsets.UTF_8));
		for (NotificationObserver observer : this.observers) {
			try {
				observer.onNotification(result);
			}
			catch (RuntimeException ex) {
				// An observer's failure must not change Midtrans' answer.
			}
		}
		NotificationOutcome outcome = result.outcome();
		String message = result.message();
		if (message == null) {
			write(response, outcome.httpStatus(), PLAIN_ANSWERS.get(outcome));
		}
		else {
			answer(response, outcome.httpStatus(), outcome.name(), message);
		}
	}

	/**
	 * The body, read into one array of its declared length when it has one, or
	 * {@code null} when it is larger than the limit.
	 */
	private byte @Nullable [] read(HttpServletRequest request, long declared) throws IOException {
		try (InputStream in = request.getInputStream()) {
			if (declared >= 0 && declared <= Integer.MAX_VALUE - 8) {
				byte[] body = new byte[(int) declared];
				int read = in.readNBytes(body, 0, body.length);
				return (read == body.length) ? body : Arrays.copyOf(body, read);
			}
			byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
			return (body.length > this.maxBodyBytes) ? null : body;
		}
	}

	private static void answer(HttpServletResponse response, int status, String outcome, String message)
			throws IOException {
		JsonStringEncoder encoder = JsonStringEncoder.getInstance();
		ByteArrayOutputStream json = new ByteArrayOutputStream(32 + message.length());
		json.writeBytes(OUTCOME_START);
		json.writeBytes(encoder.quoteAsUTF8(outcome));
		json.writeBytes(MESSAGE_START);
		json.writeBytes(encoder.quoteAsUTF8(message));
		json.writeBytes(END);
		write(response, status, json.toByteArray());
	}

	private static void write(HttpServletResponse response, int status, byte[] json) throws IOException {
		response.setStatus(status);
		response.setContentType(CONTENT_TYPE);
		response.setContentLength(json.length);
		response.getOutputStream().write(json);
	}

	private static Map<NotificationOutcome, byte[]> plainAnswers() {
		Map<NotificationOutcome, byte[]> answers = new EnumMap<>(NotificationOutcome.class);
		for (NotificationOutcome outcome : NotificationOutcome.values()) {
			answers.put(outcome, ("{\"outcome\":\"" + outcome.name() + "\"}").getBytes(StandardCharsets.UTF_8));
		}
		return answers;
	}

}
