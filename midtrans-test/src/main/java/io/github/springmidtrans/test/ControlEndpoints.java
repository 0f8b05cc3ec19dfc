package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import okhttp3.HttpUrl;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /_simulator/} endpoints: customer-facing pages (3DS, deeplinks, cardless
 * credit) that are always served, and control endpoints served only when enabled.
 */
final class ControlEndpoints {

	private static final Set<String> PAGES = Set.of("3ds", "deeplink", "akulaku", "kredivo", "payment-links",
			"invoices");

	private final MidtransSimulator simulator;

	private final SimulatorEngine engine;

	ControlEndpoints(MidtransSimulator simulator, SimulatorEngine engine) {
		this.simulator = simulator;
		this.engine = engine;
	}

	Answer handle(String method, HttpUrl url, boolean enabled) {
		List<String> segments = url.pathSegments();
		String area = (segments.size() > 1) ? segments.get(1) : "";
		if ("GET".equals(method) && PAGES.contains(area)) {
			return page(segments);
		}
		if (!enabled) {
			return error(404, "Control endpoints are disabled; build the simulator with controlEndpoints(true)");
		}
		if ("transactions".equals(area)) {
			return transactions(method, segments);
		}
		if ("clock".equals(area)) {
			return clock(method, segments, url);
		}
		if ("notifications".equals(area) && "GET".equals(method)) {
			return notifications();
		}
		if ("reset".equals(area) && "POST".equals(method)) {
			this.simulator.reset();
			return ok(Wire.object().put("reset", true));
		}
		return error(404, "Unknown control endpoint " + method + " " + url.encodedPath());
	}

	private Answer transactions(String method, List<String> segments) {
		if (segments.size() == 2 && "GET".equals(method)) {
			ObjectNode body = Wire.object();
			body.set("transactions", this.engine.statusBodies());
			return ok(body);
		}
		if (segments.size() == 3 && "GET".equals(method)) {
			ObjectNode status = this.engine.statusBody(segments.get(2));
			return (status != null) ? ok(status) : error(404, "No transaction for '" + segments.get(2) + "'");
		}
		if (segments.size() == 4 && "POST".equals(method)) {
			String id = segments.get(2);
			Map<String, Function<String, TransactionSnapshot>> moves = Map.of("pay", this.simulator::pay, "settle",
					this.simulator::settle, "deny", this.simulator::deny, "expire", this.simulator::expire, "challenge",
					this.simulator::challenge, "deny-next-capture", this.simulator::denyNextCapture,
					"reject-next-direct-refund", this.simulator::rejectNextDirectRefund);
			Function<String, TransactionSnapshot> move = moves.get(segments.get(3));
			if (move == null) {
				return error(404, "Unknown move '" + segments.get(3)
						+ "'; use pay, settle, deny, expire, challenge, deny-next-capture or reject-next-direct-refund");
			}
			if (this.simulator.transaction(id).isEmpty()) {
				return error(404, "No transaction for '" + id + "'");
			}
			try {
				move.apply(id);
			}
			catch (IllegalStateException ex) {
				return error(409, ex.getMessage());
			}
			ObjectNode status = this.engine.statusBody(id);
			return (status != null) ? ok(status) : error(404, "No transaction for '" + id + "'");
		}
		return error(404, "Unknown transactions endpoint");
	}

	private Answer clock(String method, List<String> segments, HttpUrl url) {
		SimulatorClock clock = this.simulator.clock();
		String action = (segments.size() == 3) ? segments.get(2) : "";
		if ("advance".equals(action) && "POST".equals(method)) {
			String seconds = url.queryParameter("seconds");
			long value;
			try {
				value = Long.parseLong((seconds != null) ? seconds.trim() : "");
			}
			catch (NumberFormatException ex) {
				return error(400, "Query parameter 'seconds' must be a whole number");
			}
			if (value < 0) {
				return error(400, "The clock only moves forward");
			}
			clock.advance(Duration.ofSeconds(value));
		}
		else if ("freeze".equals(action) && "POST".equals(method)) {
			clock.freeze();
		}
		else if ("resume".equals(action) && "POST".equals(method)) {
			clock.resume();
		}
		else if ("set".equals(action) && "POST".equals(method)) {
			String time = url.queryParameter("time");
			try {
				clock.set(Instant.parse((time != null) ? time.trim() : ""));
			}
			catch (DateTimeParseException ex) {
				return error(400, "Query parameter 'time' must be an ISO-8601 instant such as 2026-03-01T03:00:00Z");
			}
		}
		else if (segments.size() != 2 || !"GET".equals(method)) {
			return error(404,
					"Unknown clock endpoint; use GET /_simulator/clock or POST .../advance, freeze, resume, set");
		}
		return ok(Wire.object().put("now", Wire.time(clock.instant())).put("running", clock.isRunning()));
	}

	private Answer notifications() {
		ObjectNode body = Wire.object();
		ArrayNode list = body.putArray("deliveries");
		for (NotificationDelivery delivery : this.simulator.notifications().deliveries()) {
			ObjectNode entry = list.addObject();
			entry.put("url", delivery.url());
			entry.put("order_id", delivery.orderId());
			entry.put("transaction_status", delivery.transactionStatus());
			entry.put("status_code", delivery.statusCode());
			entry.put("attempted_at", Wire.time(delivery.attemptedAt()));
			entry.put("http_status", delivery.httpStatus());
		}
		return ok(body);
	}

	private static Answer page(List<String> segments) {
		String subject = escape(String.join("/", segments.subList(1, segments.size())));
		String html = "<!DOCTYPE html><html><head><title>Midtrans simulator</title></head><body>"
				+ "<h1>Midtrans simulator</h1><p>Simulated customer page: " + subject + "</p>"
				+ "<p>Complete the payment with <code>POST /_simulator/transactions/{order_id}/pay</code> "
				+ "(standalone mode) or <code>simulator.pay(orderId)</code> in a test.</p></body></html>";
		return new Answer(200, html, Map.of(), false);
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}

	private static Answer ok(ObjectNode body) {
		return new Answer(200, Wire.write(body), Map.of(), false);
	}

	private static Answer error(int httpStatus, String message) {
		return new Answer(httpStatus, Wire.write(Wire.object().put("error", message)), Map.of(), false);
	}

}
