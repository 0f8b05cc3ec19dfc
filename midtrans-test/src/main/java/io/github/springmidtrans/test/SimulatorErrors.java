package io.github.springmidtrans.test;

import java.util.List;
import java.util.Map;

import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Error answers in the shape of the API family a path belongs to: the Core API puts
 * {@code status_code} and {@code status_message} in its bodies, Snap, Invoicing and
 * Payment Links answer {@code error_messages}, and the Subscriptions API answers a bare
 * {@code status_message} (see the Midtrans API notes, section 3.1).
 */
final class SimulatorErrors {

	/**
	 * Midtrans' wording for a wrong or missing key outside the Core API (Snap and the
	 * error-code page).
	 */
	static final String ACCESS_DENIED = "Access denied due to unauthorized transaction, please check client or server key";

	/** The Core API's wording for a wrong or missing key (its endpoint pages' 401). */
	static final String CORE_UNAUTHORIZED = "Transaction cannot be authorized with the current client/server key.";

	private SimulatorErrors() {
	}

	/**
	 * The API families, told apart by path.
	 */
	enum Family {

		CORE, SNAP, SUBSCRIPTIONS, INVOICING, PAYMENT_LINKS;

		static Family of(String path) {
			if (path.startsWith("/snap/")) {
				return SNAP;
			}
			if (path.startsWith("/v1/subscriptions")) {
				return SUBSCRIPTIONS;
			}
			if (path.startsWith("/v1/invoices")) {
				return INVOICING;
			}
			if (path.startsWith("/v1/payment-links")) {
				return PAYMENT_LINKS;
			}
			return CORE;
		}

	}

	/**
	 * HTTP 401 for a request without the server key, in its family's shape. Snap adds the
	 * pointer to its request-header documentation, as Midtrans does.
	 */
	static Answer unauthorized(SimulatorOperation operation) {
		return switch (Family.of(operation.pathPattern())) {
			case SNAP -> new Answer(401,
					Wire.write(Wire.errorMessages(List.of(ACCESS_DENIED,
							"Visit https://snap-docs.midtrans.com/#request-headers for more details"))),
					Map.of(), false);
			case SUBSCRIPTIONS ->
				new Answer(401, Wire.write(Wire.object().put("status_message", ACCESS_DENIED)), Map.of(), false);
			case INVOICING, PAYMENT_LINKS ->
				new Answer(401, Wire.write(Wire.errorMessages(List.of(ACCESS_DENIED))), Map.of(), false);
			case CORE -> new Answer(401, Wire.write(Wire.error("401", CORE_UNAUTHORIZED)), Map.of(), false);
		};
	}

	/**
	 * HTTP 400 for a body that is not JSON, in the family's validation shape.
	 */
	static Answer invalidJson(SimulatorOperation operation) {
		String message = "The request body is not valid JSON";
		return switch (Family.of(operation.pathPattern())) {
			case SNAP, INVOICING, PAYMENT_LINKS ->
				new Answer(400, Wire.write(Wire.errorMessages(List.of(message))), Map.of(), false);
			case SUBSCRIPTIONS -> {
				ObjectNode body = Wire.object().put("status_message", "Invalid parameter.");
				body.putArray("validation_messages").add(message);
				yield new Answer(400, Wire.write(body), Map.of(), false);
			}
			case CORE -> {
				ObjectNode body = Wire.error("400", "One or more parameters in the payload is invalid.");
				body.putArray("validation_messages").add(message);
				yield new Answer(400, Wire.write(body), Map.of(), false);
			}
		};
	}

	/**
	 * HTTP 404 for a path (or method) the simulator does not serve, in the shape of the
	 * family the path looks like.
	 */
	static Answer notFound(String method, String path) {
		return switch (Family.of(path)) {
			case SNAP, INVOICING, PAYMENT_LINKS ->
				new Answer(404, Wire.write(Wire.errorMessages(List.of("Not Found"))), Map.of(), false);
			case SUBSCRIPTIONS ->
				new Answer(404, Wire.write(Wire.object().put("status_message", "The requested resource is not found")),
						Map.of(), false);
			case CORE ->
				new Answer(404, Wire.write(Wire.error("404", "The requested resource is not found")), Map.of(), false);
		};
	}

	/**
	 * The Core API's answer for an unknown order or transaction id: body
	 * {@code status_code} 404 under HTTP 200.
	 */
	static Answer transactionNotFound() {
		return Answer.ok(Wire.error("404", "Transaction doesn't exist."));
	}

	/**
	 * The Core API's answer for an action the transaction's state does not allow: body
	 * {@code status_code} 412 under HTTP 200.
	 */
	static Answer cannotModify() {
		return Answer.ok(Wire.error("412", "Merchant cannot modify the status of the transaction"));
	}

	/**
	 * The Core API's validation answer: HTTP 400 with {@code validation_messages}.
	 */
	static Answer validation(List<String> messages) {
		ObjectNode body = Wire.error("400", "One or more parameters in the payload is invalid.");
		ArrayNode list = body.putArray("validation_messages");
		messages.forEach(list::add);
		return new Answer(400, Wire.write(body), Map.of(), false);
	}

}
