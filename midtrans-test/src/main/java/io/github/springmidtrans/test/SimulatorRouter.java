package io.github.springmidtrans.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.test.SimulatorFaults.Fault;
import io.github.springmidtrans.test.SimulatorServer.Exchange;
import io.github.springmidtrans.test.SimulatorServer.Reply;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's router: every request the server receives passes here. It records the
 * request in the journal (without keys or card data), serves the control endpoints and
 * the QR pictures, applies scripted faults, checks the server key, and hands each
 * Midtrans operation to the {@link SimulatorEngine}, whose rule sets, one per product,
 * answer it. Errors it answers itself take the shape of the path's API family
 * ({@link SimulatorErrors}).
 */
final class SimulatorRouter {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	/**
	 * One line per request (method, path without query, status, time): at INFO when
	 * {@link MidtransSimulator.Builder#logRequests(boolean)} is on, else at DEBUG.
	 */
	private static final Logger requestLogger = LoggerFactory
		.getLogger(MidtransSimulator.class.getName() + ".requests");

	private static final String CONTROL_PREFIX = "/_simulator/";

	private static final Pattern QR_CODE_PATH = Pattern.compile("/v2/(?:qris|gopay)/([^/]+)/qr-code(?:-v2)?");

	private final String serverKey;

	private final SimulatorClock clock;

	private final SimulatorEngine engine;

	private final ControlEndpoints control;

	private final boolean controlEndpoints;

	private final SimulatorFaults faults;

	private final List<RecordedCall> journal;

	private final boolean logRequests;

	SimulatorRouter(String serverKey, SimulatorClock clock, SimulatorEngine engine, ControlEndpoints control,
			boolean controlEndpoints, SimulatorFaults faults, List<RecordedCall> journal, boolean logRequests) {
		this.serverKey = serverKey;
		this.clock = clock;
		this.engine = engine;
		this.control = control;
		this.controlEndpoints = controlEndpoints;
		this.faults = faults;
		this.journal = journal;
		this.logRequests = logRequests;
	}

	Reply serve(Exchange exchange) {
		long started = System.nanoTime();
		Reply reply = handle(exchange);
		if (requestLogger.isDebugEnabled() || (this.logRequests && requestLogger.isInfoEnabled())) {
			// The path only: queries carry card numbers (GET /v2/token), bodies carry
			// customer data.
			String path = exchange.target();
			int query = path.indexOf('?');
			String line = "{} {}{} -> {} ({} ms)";
			Object[] values = { exchange.method(), (query >= 0) ? path.substring(0, query) : path,
					(exchange.host() != null && !isLocal(exchange.host())) ? " [" + exchange.host() + "]" : "",
					reply.dropConnection() ? "dropped" : reply.status(), (System.nanoTime() - started) / 1_000_000 };
			if (this.logRequests) {
				requestLogger.info(line, values);
			}
			else {
				requestLogger.debug(line, values);
			}
		}
		return reply;
	}

	private Reply handle(Exchange exchange) {
		String method = exchange.method();
		HttpUrl url = HttpUrl.parse("http://localhost" + exchange.target());
		if (url == null) {
			return reply(new Answer(400,
					Wire.write(Wire.error("400", "The request target is not a valid URL: " + exchange.target())),
					Map.of(), false));
		}
		String path = url.encodedPath();
		String body = exchange.bodyText();
		Map<String, String> headers = headers(exchange.headers());
		SimulatorOperation operation = SimulatorOperation.of(method, path);
		record(exchange, method, url, body, operation);
		if (path.startsWith(CONTROL_PREFIX)) {
			Answer answer = this.control.handle(method, url, this.controlEndpoints);
			return reply(answer);
		}
		if (operation == null && "GET".equals(method)) {
			Reply picture = qrPicture(path);
			if (picture != null) {
				return picture;
			}
		}
		if (operation == null) {
			return reply(SimulatorErrors.notFound(method, path));
		}
		Fault fault = this.faults.take(operation, path);
		if (fault != null && !fault.processes()) {
			logger.debug("Simulator injects {} into {}", fault.kind(), operation);
			return failure(fault);
		}
		Answer answer;
		if (!operation.requiresServerKey() || authorized(headers.get("authorization"))) {
			answer = this.engine.handle(operation, url, headers, body);
		}
		else {
			answer = SimulatorErrors.unauthorized(operation);
		}
		Reply reply = reply(answer);
		if (fault != null) {
			logger.debug("Simulator injects {} into {} after processing", fault.kind(), operation);
			reply = switch (fault.kind()) {
				case LATENCY, TIMEOUT_AFTER_PROCESSING -> reply.withHeadersDelay(fault.delay());
				case DROP_AFTER_PROCESSING -> reply.withDrop();
				case MALFORMED_BODY -> reply.withBody("{\"status_code\":\"20");
				case SLOW_BODY -> reply.withBodyDelay(fault.delay());
				default -> reply;
			};
		}
		return reply;
	}

	private static boolean isLocal(String host) {
		return "localhost".equals(host) || host.startsWith("127.") || host.startsWith("[");
	}

	private Reply failure(Fault fault) {
		return switch (fault.kind()) {
			case SERVER_ERROR ->
				reply(new Answer(fault.httpStatus(),
						Wire.write(Wire.error(Integer.toString(fault.httpStatus()),
								"Sorry, we encountered internal server error. We will fix this soon.")),
						Map.of(), false));
			case SERVER_ERROR_IN_BODY -> reply(new Answer(200,
					Wire.write(
							Wire.error("500", "Sorry, we encountered internal server error. We will fix this soon.")),
					Map.of(), false));
			case RATE_LIMITED -> reply(new Answer(429, "{\"message\":\"API rate limit exceeded\"}",
					Map.of("Retry-After", Long.toString(fault.delay().toSeconds())), false));
			default -> Reply.drop();
		};
	}

	/**
	 * The picture behind a QRIS or GoPay charge's {@code generate-qr-code} action: drawn
	 * from the transaction's QR string, not scannable. Like Midtrans' image URL it needs
	 * no key. Unknown transactions get {@code null} (and so a 404).
	 */
	private @Nullable Reply qrPicture(String path) {
		Matcher matcher = QR_CODE_PATH.matcher(path);
		if (!matcher.matches()) {
			return null;
		}
		ObjectNode status = this.engine.statusBody(matcher.group(1));
		if (status == null) {
			return null;
		}
		String qrString = Wire.text(status, "qr_string");
		byte[] png = SnapPage.qrPng((qrString != null) ? qrString : matcher.group(1), 8);
		return Reply.of(200, Map.of("Content-Type", "image/png", "Cache-Control", "no-store"), png);
	}

	private static Reply reply(Answer answer) {
		Map<String, String> headers = new LinkedHashMap<>();
		boolean html = answer.body().startsWith("<");
		headers.put("Content-Type", html ? "text/html; charset=utf-8" : "application/json");
		headers.putAll(answer.headers());
		return Reply.of(answer.httpStatus(), headers, answer.body().getBytes(StandardCharsets.UTF_8));
	}

	private void record(Exchange exchange, String method, HttpUrl url, String body,
			@Nullable SimulatorOperation operation) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		exchange.headers().forEach((name, values) -> {
			if (!"authorization".equals(name)) {
				headers.put(name, List.copyOf(values));
			}
		});
		String orderId = null;
		if (operation == SimulatorOperation.CHARGE || operation == SimulatorOperation.CAPTURE
				|| operation == SimulatorOperation.SNAP_CREATE) {
			try {
				JsonNode json = Wire.MAPPER.readTree(body);
				orderId = (operation != SimulatorOperation.CAPTURE)
						? Wire.text(json.get("transaction_details"), "order_id") : Wire.text(json, "transaction_id");
			}
			catch (JacksonException | IllegalArgumentException ex) {
				// not JSON: no order id to record
			}
		}
		else if (operation != null && url.pathSize() > 1) {
			orderId = operation.subjectId(url);
		}
		String recordedBody = (operation == SimulatorOperation.SNAP_ACTION) ? redactCardForm(body) : body;
		this.journal.add(new RecordedCall(this.clock.instant(), method, url.encodedPath(), redactCardData(url), headers,
				recordedBody, operation, orderId));
	}

	/**
	 * The query without card data: card numbers and CVVs never reach the journal.
	 */
	private static @Nullable String redactCardData(HttpUrl url) {
		if (url.encodedQuery() == null) {
			return null;
		}
		HttpUrl.Builder redacted = url.newBuilder();
		for (String name : List.of("card_number", "card_cvv")) {
			if (url.queryParameter(name) != null) {
				redacted.setQueryParameter(name, "REDACTED");
			}
		}
		return redacted.build().encodedQuery();
	}

	/**
	 * A Snap page form without card data: the card form's number and CVV never reach the
	 * journal.
	 */
	private static String redactCardForm(String body) {
		return body.replaceAll("(^|&)(card_number|card_cvv)=[^&]*", "$1$2=REDACTED");
	}

	private static Map<String, String> headers(Map<String, List<String>> headers) {
		Map<String, String> map = new LinkedHashMap<>();
		headers.forEach((name, values) -> map.put(name, values.get(0)));
		return map;
	}

	private boolean authorized(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return false;
		}
		String decoded;
		try {
			decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		int colon = decoded.indexOf(':');
		String user = (colon >= 0) ? decoded.substring(0, colon) : decoded;
		return MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
				this.serverKey.getBytes(StandardCharsets.UTF_8));
	}

}
