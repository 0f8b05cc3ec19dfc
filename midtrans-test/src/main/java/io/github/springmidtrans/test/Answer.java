package io.github.springmidtrans.test;

import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.node.ObjectNode;

/**
 * An answer of the simulator's rule sets: HTTP status, JSON body, extra headers, and
 * whether an idempotency key may replay it.
 */
record Answer(int httpStatus, String body, Map<String, String> headers, boolean replayable) {

	/**
	 * HTTP 200 with a JSON body, replayable: the Core API answers its outcomes so, errors
	 * included.
	 */
	static Answer ok(ObjectNode body) {
		return new Answer(200, Wire.write(body), Map.of(), true);
	}

	/**
	 * Whether Midtrans would store it for an idempotency key: a successful answer.
	 */
	boolean successful() {
		if (this.httpStatus < 200 || this.httpStatus >= 300) {
			return false;
		}
		try {
			String code = Wire.text(Wire.MAPPER.readTree(this.body), "status_code");
			return code == null || code.startsWith("2") || "407".equals(code);
		}
		catch (JacksonException ex) {
			return false;
		}
	}

}
