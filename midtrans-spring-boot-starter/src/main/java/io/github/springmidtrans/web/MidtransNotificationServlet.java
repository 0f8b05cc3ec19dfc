package io.github.springmidtrans.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.notification.NotificationResult;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The endpoint Midtrans posts payment notifications to. It reads the body (refusing
 * bodies over the configured limit with 413), hands it to {@link NotificationHandler},
 * and answers with the outcome's HTTP status and a small JSON body naming the outcome.
 * Only POST is accepted.
 *
 * <p>
 * Midtrans cannot authenticate: the endpoint must be reachable without login and without
 * CSRF protection; the signature check stands in for authentication.
 *
 * @since 0.1.0
 */
public class MidtransNotificationServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

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
		if (request.getContentLengthLong() > this.maxBodyBytes) {
			answer(response, 413, "TOO_LARGE", "the body is larger than " + this.maxBodyBytes + " bytes");
			return;
		}
		byte[] body;
		try (InputStream in = request.getInputStream()) {
			body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, this.maxBodyBytes + 1));
		}
		if (body.length > this.maxBodyBytes) {
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
		answer(response, outcome.httpStatus(), outcome.name(), result.message());
	}

	private static void answer(HttpServletResponse response, int status, String outcome, String message)
			throws IOException {
		response.setStatus(status);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		StringBuilder json = new StringBuilder("{\"outcome\":\"").append(outcome).append('"');
		if (message != null) {
			json.append(",\"message\":\"").append(escape(message)).append('"');
		}
		response.getWriter().write(json.append('}').toString());
	}

	private static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> escaped.append("\\\"");
				case '\\' -> escaped.append("\\\\");
				default -> {
					if (c < 0x20) {
						escaped.append(String.format("\\u%04x", (int) c));
					}
					else {
						escaped.append(c);
					}
				}
			}
		}
		return escaped.toString();
	}

}
