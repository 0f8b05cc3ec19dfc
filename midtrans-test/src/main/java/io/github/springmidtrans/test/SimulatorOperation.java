package io.github.springmidtrans.test;

import java.util.List;
import java.util.regex.Pattern;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * The endpoints the simulator serves (Core API, card helpers, pay accounts,
 * Subscriptions, Invoicing and Payment Links), used to script faults and to filter the
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
	DIRECT_REFUND("POST", "/v2/[^/]+/refund/online/direct"),

	/** {@code GET /v2/token}: card tokenization, authenticated by the client key. */
	CARD_TOKEN("GET", "/v2/token"),

	/** {@code GET /v2/card/register}: card registration for one-click payments. */
	CARD_REGISTER("GET", "/v2/card/register"),

	/** {@code GET /v1/bins/{bin}}: BIN lookup, with the client key or the server key. */
	BIN("GET", "/v1/bins/[^/]+"),

	/** {@code POST /v2/pay/account}: GoPay account linking. */
	PAY_ACCOUNT_CREATE("POST", "/v2/pay/account"),

	/** {@code GET /v2/pay/account/{account_id}}. */
	PAY_ACCOUNT_GET("GET", "/v2/pay/account/[^/]+"),

	/** {@code POST /v2/pay/account/{account_id}/unbind}. */
	PAY_ACCOUNT_UNBIND("POST", "/v2/pay/account/[^/]+/unbind"),

	/** {@code POST /v1/subscriptions}. */
	SUBSCRIPTION_CREATE("POST", "/v1/subscriptions"),

	/** {@code GET /v1/subscriptions/{id}}. */
	SUBSCRIPTION_GET("GET", "/v1/subscriptions/[^/]+"),

	/** {@code PATCH /v1/subscriptions/{id}}. */
	SUBSCRIPTION_UPDATE("PATCH", "/v1/subscriptions/[^/]+"),

	/** {@code POST /v1/subscriptions/{id}/disable}. */
	SUBSCRIPTION_DISABLE("POST", "/v1/subscriptions/[^/]+/disable"),

	/** {@code POST /v1/subscriptions/{id}/enable}. */
	SUBSCRIPTION_ENABLE("POST", "/v1/subscriptions/[^/]+/enable"),

	/** {@code POST /v1/subscriptions/{id}/cancel}. */
	SUBSCRIPTION_CANCEL("POST", "/v1/subscriptions/[^/]+/cancel"),

	/** {@code POST /v1/invoices}. */
	INVOICE_CREATE("POST", "/v1/invoices"),

	/** {@code GET /v1/invoices/{invoice_id}}. */
	INVOICE_GET("GET", "/v1/invoices/[^/]+"),

	/** {@code PATCH /v1/invoices/{invoice_id}/void}. */
	INVOICE_VOID("PATCH", "/v1/invoices/[^/]+/void"),

	/** {@code POST /v1/payment-links}. */
	PAYMENT_LINK_CREATE("POST", "/v1/payment-links"),

	/** {@code GET /v1/payment-links/{order_id}}. */
	PAYMENT_LINK_GET("GET", "/v1/payment-links/[^/]+"),

	/** {@code DELETE /v1/payment-links/{order_id}}. */
	PAYMENT_LINK_DELETE("DELETE", "/v1/payment-links/[^/]+"),

	/** {@code POST /snap/v1/transactions}: create a Snap checkout session. */
	SNAP_CREATE("POST", "/snap/v1/transactions"),

	/** {@code GET /snap/v4/redirection/{token}}: the hosted Snap page (HTML). */
	SNAP_PAGE("GET", "/snap/v4/redirection/[^/]+"),

	/**
	 * {@code POST /snap/v4/redirection/{token}/{action}}: a form on the hosted Snap page
	 * (choose a method, pay by card, simulate the payment).
	 */
	SNAP_ACTION("POST", "/snap/v4/redirection/[^/]+/[^/]+"),

	/**
	 * {@code GET /snap/v3/users/{user_id}/gopay}: the GoPay account a Snap user linked
	 * through GoPay tokenization.
	 */
	SNAP_GOPAY_ACCOUNT("GET", "/snap/v3/users/[^/]+/gopay");

	private final String method;

	private final Pattern path;

	SimulatorOperation(String method, String path) {
		this.method = method;
		this.path = Pattern.compile(path);
	}

	/**
	 * The HTTP method of this endpoint.
	 * @return {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * The pattern of the paths this endpoint serves.
	 */
	String pathPattern() {
		return this.path.pattern();
	}

	/**
	 * Whether Midtrans replays this endpoint's successful answers for a repeated
	 * {@code Idempotency-Key} within five minutes (the Core API rule; subscription and
	 * invoice creation have rules of their own).
	 * @return {@code true} for the Core API's state-changing calls
	 */
	public boolean coreIdempotent() {
		return switch (this) {
			case CHARGE, CANCEL, EXPIRE, APPROVE, DENY, CAPTURE, REFUND, DIRECT_REFUND -> true;
			default -> false;
		};
	}

	/**
	 * Whether the simulator checks Basic authentication with the server key before
	 * handling the call. Card tokenization is authenticated by the {@code client_key}
	 * query parameter instead, and a BIN lookup accepts the client key too; the engine
	 * checks those itself.
	 * @return {@code false} for {@link #CARD_TOKEN} and {@link #BIN}
	 */
	public boolean requiresServerKey() {
		return this != CARD_TOKEN && this != BIN && this != SNAP_PAGE && this != SNAP_ACTION;
	}

	/**
	 * The id a call is about, for the journal: the resource id in the path (order id,
	 * transaction id, subscription, invoice, pay account or BIN), or {@code null} when
	 * the path has none.
	 * @param url the request URL
	 * @return the id, or {@code null}
	 */
	public @Nullable String subjectId(HttpUrl url) {
		List<String> segments = url.pathSegments();
		return switch (this) {
			case CHARGE, CAPTURE, CARD_TOKEN, CARD_REGISTER, PAY_ACCOUNT_CREATE, SUBSCRIPTION_CREATE, INVOICE_CREATE,
					PAYMENT_LINK_CREATE, SNAP_CREATE ->
				null;
			case SNAP_PAGE, SNAP_ACTION, SNAP_GOPAY_ACCOUNT -> segments.get(3);
			case PAY_ACCOUNT_GET, PAY_ACCOUNT_UNBIND -> segments.get(3);
			case BIN, SUBSCRIPTION_GET, SUBSCRIPTION_UPDATE, SUBSCRIPTION_DISABLE, SUBSCRIPTION_ENABLE,
					SUBSCRIPTION_CANCEL, INVOICE_GET, INVOICE_VOID, PAYMENT_LINK_GET, PAYMENT_LINK_DELETE ->
				segments.get(2);
			default -> segments.get(1);
		};
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
