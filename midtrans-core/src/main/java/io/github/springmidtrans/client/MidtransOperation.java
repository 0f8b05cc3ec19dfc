package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Every call the client can make, named for logs, metrics and error messages.
 *
 * @since 0.1.0
 */
public enum MidtransOperation {

	/** {@code POST /v2/charge}. */
	CHARGE(Api.CORE, "charge", "POST /v2/charge"),

	/** {@code GET /v2/{id}/status}. */
	STATUS(Api.CORE, "status check", "GET /v2/{id}/status"),

	/** {@code GET /v2/{id}/status/b2b}. */
	STATUS_B2B(Api.CORE, "B2B status check", "GET /v2/{id}/status/b2b"),

	/** {@code POST /v2/{id}/cancel}. */
	CANCEL(Api.CORE, "cancel", "POST /v2/{id}/cancel"),

	/** {@code POST /v2/{id}/expire}. */
	EXPIRE(Api.CORE, "expire", "POST /v2/{id}/expire"),

	/** {@code POST /v2/{id}/approve}. */
	APPROVE(Api.CORE, "approve", "POST /v2/{id}/approve"),

	/** {@code POST /v2/{id}/deny}. */
	DENY(Api.CORE, "deny", "POST /v2/{id}/deny"),

	/** {@code POST /v2/capture}. */
	CAPTURE(Api.CORE, "capture", "POST /v2/capture"),

	/** {@code POST /v2/{id}/refund}. */
	REFUND(Api.CORE, "refund", "POST /v2/{id}/refund"),

	/** {@code POST /v2/{id}/refund/online/direct}. */
	DIRECT_REFUND(Api.CORE, "direct refund", "POST /v2/{id}/refund/online/direct"),

	/** {@code GET /v2/token}. */
	CARD_TOKEN(Api.CORE, "card token", "GET /v2/token"),

	/** {@code GET /v2/card/register}. */
	CARD_REGISTER(Api.CORE, "card register", "GET /v2/card/register"),

	/** {@code GET /v2/point_inquiry/{token_id}}. */
	POINT_INQUIRY(Api.CORE, "point inquiry", "GET /v2/point_inquiry/{token_id}"),

	/** {@code GET /v1/bins/{bin}}. */
	BIN(Api.BIN, "BIN lookup", "GET /v1/bins/{bin}"),

	/** {@code POST /v2/pay/account}. */
	PAY_ACCOUNT_CREATE(Api.CORE, "pay account create", "POST /v2/pay/account"),

	/** {@code GET /v2/pay/account/{account_id}}. */
	PAY_ACCOUNT_GET(Api.CORE, "pay account get", "GET /v2/pay/account/{account_id}"),

	/** {@code POST /v2/pay/account/{account_id}/unbind}. */
	PAY_ACCOUNT_UNBIND(Api.CORE, "pay account unbind", "POST /v2/pay/account/{account_id}/unbind"),

	/** {@code POST /v1/subscriptions}. */
	SUBSCRIPTION_CREATE(Api.SUBSCRIPTIONS, "subscription create", "POST /v1/subscriptions"),

	/** {@code GET /v1/subscriptions/{id}}. */
	SUBSCRIPTION_GET(Api.SUBSCRIPTIONS, "subscription get", "GET /v1/subscriptions/{id}"),

	/** {@code PATCH /v1/subscriptions/{id}}. */
	SUBSCRIPTION_UPDATE(Api.SUBSCRIPTIONS, "subscription update", "PATCH /v1/subscriptions/{id}"),

	/** {@code POST /v1/subscriptions/{id}/disable}. */
	SUBSCRIPTION_DISABLE(Api.SUBSCRIPTIONS, "subscription disable", "POST /v1/subscriptions/{id}/disable"),

	/** {@code POST /v1/subscriptions/{id}/enable}. */
	SUBSCRIPTION_ENABLE(Api.SUBSCRIPTIONS, "subscription enable", "POST /v1/subscriptions/{id}/enable"),

	/** {@code POST /v1/subscriptions/{id}/cancel}. */
	SUBSCRIPTION_CANCEL(Api.SUBSCRIPTIONS, "subscription cancel", "POST /v1/subscriptions/{id}/cancel"),

	/** {@code POST /v1/invoices}. */
	INVOICE_CREATE(Api.INVOICES, "invoice create", "POST /v1/invoices"),

	/** {@code GET /v1/invoices/{invoice_id}}. */
	INVOICE_GET(Api.INVOICES, "invoice get", "GET /v1/invoices/{invoice_id}"),

	/** {@code PATCH /v1/invoices/{invoice_id}/void}. */
	INVOICE_VOID(Api.INVOICES, "invoice void", "PATCH /v1/invoices/{invoice_id}/void"),

	/** {@code POST /v1/payment-links}. */
	PAYMENT_LINK_CREATE(Api.PAYMENT_LINKS, "payment link create", "POST /v1/payment-links"),

	/** {@code GET /v1/payment-links/{order_id}}. */
	PAYMENT_LINK_GET(Api.PAYMENT_LINKS, "payment link get", "GET /v1/payment-links/{order_id}"),

	/** {@code DELETE /v1/payment-links/{order_id}}. */
	PAYMENT_LINK_DELETE(Api.PAYMENT_LINKS, "payment link delete", "DELETE /v1/payment-links/{order_id}"),

	/** {@code POST /snap/v1/transactions} on the Snap host. */
	SNAP_CREATE(Api.SNAP, "Snap transaction create", "POST /snap/v1/transactions"),

	/** {@code GET /snap/v3/users/{user_id}/gopay} on the Snap host. */
	SNAP_GOPAY_ACCOUNT_GET(Api.SNAP, "Snap GoPay account get", "GET /snap/v3/users/{user_id}/gopay"),

	/** {@code DELETE /snap/v3/users/{user_id}/gopay} on the Snap host. */
	SNAP_GOPAY_ACCOUNT_UNLINK(Api.SNAP, "Snap GoPay account unlink", "DELETE /snap/v3/users/{user_id}/gopay"),

	/** Verification of an HTTP notification Midtrans posted to the application. */
	NOTIFICATION(Api.CORE, "notification verification", "POST (notification URL)");

	private final Api api;

	private final String description;

	private final String endpoint;

	MidtransOperation(Api api, String description, String endpoint) {
		this.api = api;
		this.description = description;
		this.endpoint = endpoint;
	}

	/**
	 * Human-readable name used in messages, such as {@code "status check"}.
	 * @return the description
	 */
	public String description() {
		return this.description;
	}

	/**
	 * HTTP method and path template, such as {@code "GET /v2/{id}/status"}; never holds
	 * real ids or query parameters, so it is safe to log.
	 * @return the endpoint template
	 */
	public String endpoint() {
		return this.endpoint;
	}

	Api api() {
		return this.api;
	}

	/**
	 * Header that carries an idempotency key for this call, if Midtrans supports one.
	 */
	@Nullable String idempotencyHeader() {
		return switch (this) {
			case CHARGE, CANCEL, EXPIRE, APPROVE, DENY, CAPTURE, REFUND, DIRECT_REFUND, SUBSCRIPTION_CREATE ->
				"Idempotency-Key";
			case INVOICE_CREATE -> "X-Idempotency-Key";
			default -> null;
		};
	}

	/**
	 * Whether per-transaction notification URLs can be set on this call: Midtrans reads
	 * them only when a transaction is created.
	 */
	boolean acceptsNotificationUrls() {
		return this == CHARGE || this == SNAP_CREATE;
	}

	/**
	 * Whether {@code X-Payment-Locale} means anything for this call.
	 */
	boolean acceptsPaymentLocale() {
		return this == CHARGE || this == PAY_ACCOUNT_CREATE;
	}

	/**
	 * Whether a body {@code status_code} of 202 means Midtrans refused the call (nothing
	 * changed) rather than reporting a denied transaction.
	 */
	boolean treats202AsRefusal() {
		return this == REFUND || this == DIRECT_REFUND || this == CAPTURE || this == PAY_ACCOUNT_CREATE
				|| this == PAY_ACCOUNT_UNBIND;
	}

	/**
	 * Whether a body {@code status_code} of 407 ("expired") is the answer rather than an
	 * error: a status check of an expired transaction, and the success of expire itself.
	 */
	boolean accepts407() {
		return this == STATUS || this == STATUS_B2B || this == EXPIRE;
	}

	/**
	 * Whether a success may come with no body at all.
	 */
	boolean emptyAnswerAllowed() {
		return this == PAYMENT_LINK_DELETE || this == SNAP_GOPAY_ACCOUNT_UNLINK || this == INVOICE_VOID
				|| this == SUBSCRIPTION_UPDATE || this == SUBSCRIPTION_DISABLE || this == SUBSCRIPTION_ENABLE
				|| this == SUBSCRIPTION_CANCEL;
	}

	/**
	 * What the id in messages names, or {@code null} when the call's id must not be
	 * shown.
	 */
	@Nullable String subjectLabel() {
		return switch (this) {
			case CARD_TOKEN, CARD_REGISTER, POINT_INQUIRY -> null;
			case BIN -> "BIN";
			case PAY_ACCOUNT_CREATE, PAY_ACCOUNT_GET, PAY_ACCOUNT_UNBIND -> "pay account";
			case SUBSCRIPTION_CREATE, SUBSCRIPTION_GET, SUBSCRIPTION_UPDATE, SUBSCRIPTION_DISABLE, SUBSCRIPTION_ENABLE,
					SUBSCRIPTION_CANCEL ->
				"subscription";
			case INVOICE_GET, INVOICE_VOID -> "invoice";
			case SNAP_GOPAY_ACCOUNT_GET, SNAP_GOPAY_ACCOUNT_UNLINK -> "Snap user";
			default -> "order";
		};
	}

	/** API families: each reports errors its own way. */
	enum Api {

		/** {@code /v2}: business outcome in the body's {@code status_code}. */
		CORE,

		/** {@code /v1/subscriptions}: real HTTP status, {@code status_message}. */
		SUBSCRIPTIONS,

		/**
		 * {@code /v1/invoices}: real HTTP status, {@code error_messages}, 409 duplicate.
		 */
		INVOICES,

		/**
		 * {@code /v1/payment-links}: real HTTP status, {@code error_messages}, 409
		 * duplicate.
		 */
		PAYMENT_LINKS,

		/** {@code /v1/bins}: real HTTP status, {@code errors}, 409 rate limit. */
		BIN,

		/**
		 * {@code /snap/v1} on the Snap host: real HTTP status, {@code error_messages}, a
		 * taken order id is a 400.
		 */
		SNAP

	}

}
