package io.github.springmidtrans.test;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The Core API endpoints the simulator serves, used to script faults and to filter the
 * request journal.
 *
 * @since 0.1.0
 */
public enum SimulatorOperation {

	/** {@code POST /v2/charge}. */
	CHARGE("POST", "/v2/charge"),

	/** {@code GET /v2/{id}/status}. */
	STATUS("GET", "/v2/[^/]+/status"),

	/** {@code GET /v2/{id}/status/b2b}. */
	STATUS_B2B("GET", "/v2/[^/]+/status/b2b"),

	/** {@code POST /v2/{id}/cancel}. */
	CANCEL("POST", "/v2/[^/]+/cancel"),

	/** {@code POST /v2/{id}/expire}. */
	EXPIRE("POST", "/v2/[^/]+/expire"),

	/** {@code POST /v2/{id}/approve}. */
	APPROVE("POST", "/v2/[^/]+/approve"),

	/** {@code POST /v2/{id}/deny}. */
	DENY("POST", "/v2/[^/]+/deny"),

	/** {@code POST /v2/capture}. */
	CAPTURE("POST", "/v2/capture"),

	/** {@code POST /v2/{id}/refund}. */
	REFUND("POST", "/v2/[^/]+/refund"),

	/** {@code POST /v2/{id}/refund/online/direct}. */
	DIRECT_REFUND("POST", "/v2/[^/]+/refund/online/direct");

	private final String method;

	private final Pattern path;

	SimulatorOperation(String method, String path) {
		this.method = method;
		this.path = Pattern.compile(path);
	}

	/**
	 * The HTTP method of this endpoint.
	 * @return {@code GET} or {@code POST}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Whether a request (method and encoded path) goes to this endpoint.
	 * @param method the HTTP method
	 * @param encodedPath the path as sent, such as {@code /v2/ORDER-1/status}
	 * @return {@code true} when it matches
	 */
	public boolean matches(String method, String encodedPath) {
		return this.method.equals(method) && this.path.matcher(encodedPath).matches();
	}

	/**
	 * The endpoint a request goes to.
	 * @param method the HTTP method
	 * @param encodedPath the path as sent
	 * @return the operation, or {@code null} for any other request
	 */
	public static @Nullable SimulatorOperation of(String method, String encodedPath) {
		for (SimulatorOperation operation : values()) {
			if (operation.matches(method, encodedPath)) {
				return operation;
			}
		}
		return null;
	}

}
