package io.github.springmidtrans.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.CaptureRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionListResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import okhttp3.ConnectionPool;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Client for the Midtrans HTTP API: Core API transactions, cards, GoPay pay accounts,
 * subscriptions, invoices, payment links and Snap checkout.
 *
 * <p>
 * Immutable and thread-safe; build one per server key and share it. Each client owns
 * exactly one {@link OkHttpClient}, so connections are pooled and kept alive across
 * calls; {@link #newBuilder()} makes variants (another key, other timeouts) that share
 * the same connection pool. No method opens a database transaction or retries by itself:
 * failures surface as unchecked {@link MidtransException}s whose
 * {@link MidtransException#isRetryable()} tells whether repeating the call is safe.
 *
 * <pre>{@code
 * MidtransClient client = MidtransClient.builder().serverKey(System.getenv("MIDTRANS_SERVER_KEY")).build();
 * TransactionResponse charge = client.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());
 * TransactionResponse status = client.status("ORDER-1");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MidtransClient {

	static final String USER_AGENT = "springmidtrans-java/0.1";

	private final MidtransEnvironment environment;

	private final HttpUrl baseUrl;

	private final OkHttpClient httpClient;

	private final String serverKey;

	private final @Nullable String clientKey;

	private final Headers extraHeaders;

	private final HttpTransport transport;

	private final HttpUrl chargeUrl;

	private final HttpUrl captureUrl;

	private final MidtransCallListener callListener;

	private final CardApi cards;

	private final PayAccountApi payAccounts;

	private final SubscriptionApi subscriptions;

	private final InvoiceApi invoices;

	private final PaymentLinkApi paymentLinks;

	private final HttpUrl snapBaseUrl;

	private final SnapApi snap;

	private MidtransClient(Builder builder, OkHttpClient httpClient) {
		this.environment = builder.environment;
		this.baseUrl = (builder.baseUrl != null) ? builder.baseUrl : builder.environment.apiBaseUrl();
		this.httpClient = httpClient;
		this.serverKey = Objects.requireNonNull(builder.serverKey);
		this.clientKey = builder.clientKey;
		this.extraHeaders = builder.headers.build();
		String authorization = "Basic "
				+ Base64.getEncoder().encodeToString((this.serverKey + ":").getBytes(StandardCharsets.UTF_8));
		Headers headers = this.extraHeaders.newBuilder()
			.set("Accept", "application/json")
			.set("User-Agent", builder.userAgent)
			.build();
		this.callListener = builder.callListener;
		this.transport = new HttpTransport(httpClient, this.baseUrl, authorization, headers, MidtransJson.newMapper(),
				builder.callListener);
		this.chargeUrl = this.transport.url("v2", "charge").build();
		this.captureUrl = this.transport.url("v2", "capture").build();
		this.cards = new CardApi(this.transport, this.clientKey);
		this.payAccounts = new PayAccountApi(this.transport);
		this.subscriptions = new SubscriptionApi(this.transport);
		this.invoices = new InvoiceApi(this.transport);
		this.paymentLinks = new PaymentLinkApi(this.transport);
		this.snapBaseUrl = (builder.snapBaseUrl != null) ? builder.snapBaseUrl : builder.environment.snapBaseUrl();
		// Same HTTP client and headers, another host: Snap lives on
		// app.(sandbox.)midtrans.com.
		this.snap = new SnapApi(new HttpTransport(httpClient, this.snapBaseUrl, authorization, headers,
				MidtransJson.newMapper(), builder.callListener));
	}

	/**
	 * Start building a client.
	 * @return a new builder (sandbox by default)
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start building a variant of this client that shares its connection pool, for
	 * example with another server key or other timeouts.
	 * @return a builder holding this client's settings
	 */
	public Builder newBuilder() {
		return new Builder(this);
	}

	/**
	 * Charge a transaction: {@code POST /v2/charge}.
	 *
	 * <p>
	 * Not idempotent by itself: send the same {@code order_id} on a retry (Midtrans then
	 * answers {@link MidtransDuplicateOrderException} if the first attempt landed, which
	 * is the cue to reconcile through {@link #status(String)}), or pass an idempotency
	 * key with {@link #charge(ChargeRequest, RequestOptions)}.
	 * @param request the charge
	 * @return Midtrans' answer: {@code pending} with payment instructions,
	 * {@code capture}, {@code settlement}, or {@code deny} for a declined card
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see <a href="https://docs.midtrans.com/reference/charge-transactions-1">Charge</a>
	 */
	public TransactionResponse charge(ChargeRequest request) {
		return charge(request, RequestOptions.none());
	}

	/**
	 * Charge a transaction with optional headers (idempotency key, notification URLs,
	 * payment locale): {@code POST /v2/charge}.
	 * @param request the charge
	 * @param options headers for this call
	 * @return Midtrans' answer
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see #charge(ChargeRequest)
	 */
	public TransactionResponse charge(ChargeRequest request, RequestOptions options) {
		String orderId = request.transactionDetails().orderId();
		return required(this.transport.send(MidtransOperation.CHARGE, "POST", this.chargeUrl, request, options, orderId,
				TransactionResponse.class), MidtransOperation.CHARGE, orderId);
	}

	/**
	 * Read a transaction's current state: {@code GET /v2/{id}/status}. Safe to repeat. An
	 * expired transaction is an answer ({@code status_code} 407,
	 * {@code transaction_status} {@code expire}), not an exception.
	 * @param orderIdOrTransactionId the merchant order id or Midtrans' transaction id
	 * @return the transaction
	 * @throws MidtransNotFoundException when Midtrans does not know the id (for Snap
	 * orders: also before the customer chose a payment method)
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-transaction-status">Get
	 * Status</a>
	 */
	public TransactionResponse status(String orderIdOrTransactionId) {
		return transactionAction(MidtransOperation.STATUS, "GET", orderIdOrTransactionId, RequestOptions.none(),
				"status");
	}

	/**
	 * Read the payments made to a multi-use (B2B) virtual account: {@code GET
	 * /v2/{id}/status/b2b}, newest first. Safe to repeat.
	 * @param orderIdOrTransactionId the order or transaction id of the VA
	 * @param page zero-based page
	 * @param perPage page size
	 * @return one page of transactions
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionListResponse statusB2b(String orderIdOrTransactionId, int page, int perPage) {
		if (page < 0 || perPage < 1) {
			throw new IllegalArgumentException("page must be >= 0 and perPage >= 1");
		}
		HttpUrl url = this.transport.url("v2", requireId(orderIdOrTransactionId), "status", "b2b")
			.addQueryParameter("page", Integer.toString(page))
			.addQueryParameter("per_page", Integer.toString(perPage))
			.build();
		TransactionListResponse answer = required(
				this.transport.send(MidtransOperation.STATUS_B2B, "GET", url, null, RequestOptions.none(),
						orderIdOrTransactionId, TransactionListResponse.class),
				MidtransOperation.STATUS_B2B, orderIdOrTransactionId);
		// Give each transaction its own raw body rather than the whole page's.
		JsonNode elements = (answer.raw() != null) ? answer.raw().node().get("transactions") : null;
		if (elements == null || !elements.isArray()) {
			return answer;
		}
		List<TransactionResponse> transactions = new ArrayList<>();
		for (JsonNode element : elements) {
			transactions.add(this.transport.read(element, TransactionResponse.class));
		}
		return new TransactionListResponse(answer.statusCode(), answer.statusMessage(), transactions, answer.raw());
	}

	/**
	 * Cancel a transaction that is {@code pending}, {@code authorize} or {@code capture}
	 * (before settlement): {@code POST /v2/{id}/cancel}. A settled transaction needs a
	 * refund instead (Midtrans answers 412).
	 * @param orderIdOrTransactionId the order or transaction id
	 * @return the cancelled transaction
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse cancel(String orderIdOrTransactionId) {
		return cancel(orderIdOrTransactionId, RequestOptions.none());
	}

	/**
	 * Cancel a transaction, with an idempotency key: {@code POST /v2/{id}/cancel}.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param options headers for this call
	 * @return the cancelled transaction
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse cancel(String orderIdOrTransactionId, RequestOptions options) {
		return transactionAction(MidtransOperation.CANCEL, "POST", orderIdOrTransactionId, options, "cancel");
	}

	/**
	 * Expire a {@code pending} transaction now: {@code POST /v2/{id}/expire}. Midtrans'
	 * success answer carries {@code status_code} 407; it is returned, not thrown.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @return the expired transaction
	 * @throws MidtransException when Midtrans refuses (412 when it is no longer pending)
	 * or cannot be reached
	 */
	public TransactionResponse expire(String orderIdOrTransactionId) {
		return expire(orderIdOrTransactionId, RequestOptions.none());
	}

	/**
	 * Expire a {@code pending} transaction, with an idempotency key.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param options headers for this call
	 * @return the expired transaction
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse expire(String orderIdOrTransactionId, RequestOptions options) {
		return transactionAction(MidtransOperation.EXPIRE, "POST", orderIdOrTransactionId, options, "expire");
	}

	/**
	 * Accept a transaction that fraud detection put on {@code challenge}: {@code POST
	 * /v2/{id}/approve}.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @return the approved transaction ({@code capture}, {@code accept})
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse approve(String orderIdOrTransactionId) {
		return transactionAction(MidtransOperation.APPROVE, "POST", orderIdOrTransactionId, RequestOptions.none(),
				"approve");
	}

	/**
	 * Reject a transaction that fraud detection put on {@code challenge}: {@code POST
	 * /v2/{id}/deny}.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @return the denied transaction (Midtrans reports {@code deny} or {@code cancel})
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse deny(String orderIdOrTransactionId) {
		return transactionAction(MidtransOperation.DENY, "POST", orderIdOrTransactionId, RequestOptions.none(), "deny");
	}

	/**
	 * Capture an {@code authorize}d (pre-authorised) card or GoPay transaction:
	 * {@code POST /v2/capture}.
	 * @param request the transaction id and, for a partial capture, the amount
	 * @return the captured transaction
	 * @throws MidtransException when Midtrans refuses (including a 202 refusal) or cannot
	 * be reached
	 */
	public TransactionResponse capture(CaptureRequest request) {
		return capture(request, RequestOptions.none());
	}

	/**
	 * Capture a pre-authorised transaction, with an idempotency key.
	 * @param request the capture
	 * @param options headers for this call
	 * @return the captured transaction
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public TransactionResponse capture(CaptureRequest request, RequestOptions options) {
		return required(
				this.transport.send(MidtransOperation.CAPTURE, "POST", this.captureUrl, request, options,
						request.transactionId(), TransactionResponse.class),
				MidtransOperation.CAPTURE, request.transactionId());
	}

	/**
	 * Refund a settled transaction, fully or partly: {@code POST /v2/{id}/refund}.
	 *
	 * <p>
	 * The {@code refund_key} in the request makes the refund repeatable: persist it
	 * before calling and send the same key on every retry. A
	 * {@link MidtransDuplicateOrderException} then means the refund exists; confirm it
	 * through {@link #status(String)}'s {@code refunds}.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param request the refund key, amount and reason
	 * @return the refund
	 * @throws MidtransException when Midtrans refuses (412 not refundable now, 414
	 * amount) or cannot be reached
	 */
	public RefundResponse refund(String orderIdOrTransactionId, RefundRequest request) {
		return refund(orderIdOrTransactionId, request, RequestOptions.none());
	}

	/**
	 * Refund a settled transaction, with an idempotency key.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param request the refund
	 * @param options headers for this call
	 * @return the refund
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public RefundResponse refund(String orderIdOrTransactionId, RefundRequest request, RequestOptions options) {
		return refund(MidtransOperation.REFUND, orderIdOrTransactionId, request, options, "refund");
	}

	/**
	 * Refund directly through the payment provider: {@code POST
	 * /v2/{id}/refund/online/direct}. A refusal by the bank ({@code status_code} 202) is
	 * thrown as a {@link MidtransApiException}.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param request the refund
	 * @return the refund
	 * @throws MidtransException when Midtrans or the bank refuses, or Midtrans cannot be
	 * reached
	 */
	public RefundResponse directRefund(String orderIdOrTransactionId, RefundRequest request) {
		return directRefund(orderIdOrTransactionId, request, RequestOptions.none());
	}

	/**
	 * Refund directly through the payment provider, with an idempotency key.
	 * @param orderIdOrTransactionId the order or transaction id
	 * @param request the refund
	 * @param options headers for this call
	 * @return the refund
	 * @throws MidtransException when Midtrans or the bank refuses, or Midtrans cannot be
	 * reached
	 */
	public RefundResponse directRefund(String orderIdOrTransactionId, RefundRequest request, RequestOptions options) {
		return refund(MidtransOperation.DIRECT_REFUND, orderIdOrTransactionId, request, options, "refund", "online",
				"direct");
	}

	/**
	 * Verify an HTTP notification Midtrans posted and read it. The signature covers
	 * {@code order_id}, {@code status_code} and {@code gross_amount} exactly as sent, and
	 * this client's server key; it is compared in constant time. Verification does not
	 * call the network.
	 * @param body the raw request body
	 * @return the notification, shaped like a status answer
	 * @throws MidtransSignatureException when the body is not JSON, a signed field is
	 * missing, or the signature does not match
	 * @see NotificationSignature
	 */
	public TransactionResponse verifyNotification(String body) {
		JsonMapper mapper = this.transport.mapper();
		JsonNode tree;
		try {
			tree = mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new MidtransSignatureException("Midtrans notification rejected: the body is not valid JSON", null);
		}
		if (tree == null || !tree.isObject()) {
			throw new MidtransSignatureException("Midtrans notification rejected: the body is not a JSON object", null);
		}
		String orderId = textOrNull(tree, "order_id");
		NotificationSignature.verify(orderId, textOrNull(tree, "status_code"), textOrNull(tree, "gross_amount"),
				textOrNull(tree, "signature_key"), this.serverKey);
		try {
			return this.transport.read(tree, TransactionResponse.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			throw new MidtransSignatureException(
					"Midtrans notification for order '" + orderId + "' rejected: fields have the wrong type", orderId);
		}
	}

	/**
	 * Whether a signature was made with this client's server key, compared in constant
	 * time. The fields must be exactly as Midtrans sent them. No network call.
	 * @param signatureKey the received {@code signature_key}
	 * @param orderId {@code order_id} as sent
	 * @param statusCode {@code status_code} as sent
	 * @param grossAmount {@code gross_amount} as sent, such as {@code "10000.00"}
	 * @return {@code true} when it matches
	 * @see NotificationSignature
	 */
	public boolean isValidSignature(String signatureKey, String orderId, String statusCode, String grossAmount) {
		return NotificationSignature.matches(signatureKey, orderId, statusCode, grossAmount, this.serverKey);
	}

	/**
	 * Card tokenization, card registration, point inquiry and BIN lookup.
	 * @return the card API of this client
	 */
	public CardApi cards() {
		return this.cards;
	}

	/**
	 * GoPay account linking (tokenization).
	 * @return the pay account API of this client
	 */
	public PayAccountApi payAccounts() {
		return this.payAccounts;
	}

	/**
	 * Recurring charges.
	 * @return the subscription API of this client
	 */
	public SubscriptionApi subscriptions() {
		return this.subscriptions;
	}

	/**
	 * The Invoicing API.
	 * @return the invoice API of this client
	 */
	public InvoiceApi invoices() {
		return this.invoices;
	}

	/**
	 * The Payment Link API.
	 * @return the payment link API of this client
	 */
	public PaymentLinkApi paymentLinks() {
		return this.paymentLinks;
	}

	/**
	 * Snap, the hosted checkout page (popup or redirect).
	 * @return the Snap API of this client
	 * @since 0.1.0
	 */
	public SnapApi snap() {
		return this.snap;
	}

	/**
	 * The environment this client was built for.
	 * @return the environment
	 */
	public MidtransEnvironment environment() {
		return this.environment;
	}

	/**
	 * The base URL calls go to: the environment's, or the override.
	 * @return the base URL
	 */
	public HttpUrl baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The base URL Snap calls go to: the environment's Snap host, or the override.
	 * @return the Snap base URL
	 * @since 0.1.0
	 */
	public HttpUrl snapBaseUrl() {
		return this.snapBaseUrl;
	}

	/**
	 * The one HTTP client (and connection pool) this client uses; useful for metrics or
	 * for sharing the pool with other code.
	 * @return the HTTP client
	 */
	public OkHttpClient httpClient() {
		return this.httpClient;
	}

	@Override
	public String toString() {
		return "MidtransClient{environment=" + this.environment + ", baseUrl=" + this.baseUrl + ", snapBaseUrl="
				+ this.snapBaseUrl + "}";
	}

	private TransactionResponse transactionAction(MidtransOperation operation, String method, String id,
			RequestOptions options, String action) {
		HttpUrl url = this.transport.url("v2", requireId(id), action).build();
		return required(this.transport.send(operation, method, url, null, options, id, TransactionResponse.class),
				operation, id);
	}

	private RefundResponse refund(MidtransOperation operation, String id, RefundRequest request, RequestOptions options,
			String... path) {
		HttpUrl.Builder url = this.transport.url("v2", requireId(id));
		for (String segment : path) {
			url.addPathSegment(segment);
		}
		return required(this.transport.send(operation, "POST", url.build(), request, options, id, RefundResponse.class),
				operation, id);
	}

	static String requireId(String id) {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("An id (order id, transaction id or resource id) is required");
		}
		return id;
	}

	static <T> T required(@Nullable T value, MidtransOperation operation, @Nullable String subjectId) {
		if (value == null) {
			throw new MidtransInvalidResponseException("Midtrans " + operation.description()
					+ HttpTransport.subjectText(operation, subjectId) + " failed: the answer is empty", operation,
					subjectId, 200, null);
		}
		return value;
	}

	private static @Nullable String textOrNull(JsonNode tree, String field) {
		JsonNode value = tree.get(field);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	/**
	 * Builds a {@link MidtransClient}. Only the server key is required.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private @Nullable String serverKey;

		private @Nullable String clientKey;

		private MidtransEnvironment environment = MidtransEnvironment.SANDBOX;

		private @Nullable HttpUrl baseUrl;

		private @Nullable HttpUrl snapBaseUrl;

		private @Nullable OkHttpClient httpClient;

		private @Nullable Duration connectTimeout;

		private @Nullable Duration readTimeout;

		private @Nullable Duration writeTimeout;

		private @Nullable Duration callTimeout;

		private @Nullable ConnectionPool connectionPool;

		private Headers.Builder headers = new Headers.Builder();

		private String userAgent = USER_AGENT;

		private MidtransCallListener callListener = MidtransCallListener.NONE;

		private Builder() {
		}

		private Builder(MidtransClient client) {
			this.serverKey = client.serverKey;
			this.clientKey = client.clientKey;
			this.environment = client.environment;
			this.baseUrl = client.baseUrl.equals(client.environment.apiBaseUrl()) ? null : client.baseUrl;
			this.snapBaseUrl = client.snapBaseUrl.equals(client.environment.snapBaseUrl()) ? null : client.snapBaseUrl;
			this.httpClient = client.httpClient;
			this.headers = client.extraHeaders.newBuilder();
			this.callListener = client.callListener;
		}

		/**
		 * Set the server key (required). Sandbox keys start with {@code SB-Mid-server-}.
		 * @param serverKey the key; never logged or shown
		 * @return this builder
		 */
		public Builder serverKey(String serverKey) {
			this.serverKey = serverKey;
			return this;
		}

		/**
		 * Set the client key, needed only for card tokenization and registration.
		 * @param clientKey the client key
		 * @return this builder
		 */
		public Builder clientKey(@Nullable String clientKey) {
			this.clientKey = clientKey;
			return this;
		}

		/**
		 * Choose sandbox (the default) or production.
		 * @param environment the environment
		 * @return this builder
		 */
		public Builder environment(MidtransEnvironment environment) {
			this.environment = Objects.requireNonNull(environment, "environment");
			return this;
		}

		/**
		 * Send calls to another base URL, such as a simulator or a proxy, instead of the
		 * environment's.
		 * @param baseUrl the base URL, for example {@code http://localhost:8089/}
		 * @return this builder
		 */
		public Builder baseUrl(@Nullable String baseUrl) {
			if (baseUrl == null) {
				this.baseUrl = null;
				return this;
			}
			HttpUrl parsed = HttpUrl.parse(baseUrl);
			if (parsed == null) {
				throw new IllegalArgumentException("Base URL must be an http or https URL, got '" + baseUrl + "'");
			}
			this.baseUrl = parsed;
			return this;
		}

		/**
		 * Send Snap calls ({@code /snap/v1/transactions}) to another base URL, such as a
		 * simulator, instead of the environment's Snap host ({@code app.midtrans.com} or
		 * {@code app.sandbox.midtrans.com}).
		 * @param snapBaseUrl the base URL, for example {@code http://localhost:8089/}
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder snapBaseUrl(@Nullable String snapBaseUrl) {
			if (snapBaseUrl == null) {
				this.snapBaseUrl = null;
				return this;
			}
			HttpUrl parsed = HttpUrl.parse(snapBaseUrl);
			if (parsed == null) {
				throw new IllegalArgumentException(
						"Snap base URL must be an http or https URL, got '" + snapBaseUrl + "'");
			}
			this.snapBaseUrl = parsed;
			return this;
		}

		/**
		 * Use this HTTP client, or a copy of it that shares its connection pool and
		 * dispatcher when timeouts are also set here or when it would retry requests on
		 * connection failures (the client never lets OkHttp re-send a POST).
		 * @param httpClient the HTTP client to share or customise
		 * @return this builder
		 */
		public Builder httpClient(OkHttpClient httpClient) {
			this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
			return this;
		}

		/**
		 * Set the connect timeout (default 10 seconds).
		 * @param timeout the timeout, zero for none
		 * @return this builder
		 */
		public Builder connectTimeout(Duration timeout) {
			this.connectTimeout = checkTimeout(timeout);
			return this;
		}

		/**
		 * Set the read timeout (default 60 seconds): Midtrans may wait on a bank.
		 * @param timeout the timeout, zero for none
		 * @return this builder
		 */
		public Builder readTimeout(Duration timeout) {
			this.readTimeout = checkTimeout(timeout);
			return this;
		}

		/**
		 * Set the write timeout (default 30 seconds).
		 * @param timeout the timeout, zero for none
		 * @return this builder
		 */
		public Builder writeTimeout(Duration timeout) {
			this.writeTimeout = checkTimeout(timeout);
			return this;
		}

		/**
		 * Set the limit on a whole call (default 120 seconds).
		 * @param timeout the timeout, zero for none
		 * @return this builder
		 */
		public Builder callTimeout(Duration timeout) {
			this.callTimeout = checkTimeout(timeout);
			return this;
		}

		/**
		 * Size the connection pool (default 16 idle connections kept 5 minutes). Ignored
		 * when an HTTP client is given: that client's pool is used.
		 * @param maxIdleConnections idle connections to keep
		 * @param keepAlive how long an idle connection is kept
		 * @return this builder
		 */
		public Builder connectionPool(int maxIdleConnections, Duration keepAlive) {
			if (maxIdleConnections < 0 || keepAlive.isNegative() || keepAlive.isZero()) {
				throw new IllegalArgumentException("maxIdleConnections must be >= 0 and keepAlive positive");
			}
			this.connectionPool = new ConnectionPool(maxIdleConnections, keepAlive.toMillis(), TimeUnit.MILLISECONDS);
			return this;
		}

		/**
		 * Add a header sent on every call, such as {@code X-POP-ID}.
		 * @param name the header name
		 * @param value the value
		 * @return this builder
		 */
		public Builder header(String name, String value) {
			if ("Authorization".equalsIgnoreCase(name)) {
				throw new IllegalArgumentException("Authorization is derived from the server key; do not set it");
			}
			this.headers.set(name, value);
			return this;
		}

		/**
		 * Tell a listener about every call, for metrics, instead of the listeners set so
		 * far.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder callListener(MidtransCallListener listener) {
			this.callListener = Objects.requireNonNull(listener, "listener");
			return this;
		}

		/**
		 * Tell a listener about every call as well as the listeners set so far, which are
		 * told first.
		 * @param listener the listener
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder addCallListener(MidtransCallListener listener) {
			Objects.requireNonNull(listener, "listener");
			this.callListener = (this.callListener == MidtransCallListener.NONE) ? listener
					: CompositeCallListener.of(this.callListener, listener);
			return this;
		}

		/**
		 * Replace the {@code User-Agent} sent on every call.
		 * @param userAgent the user agent
		 * @return this builder
		 */
		public Builder userAgent(String userAgent) {
			this.userAgent = Objects.requireNonNull(userAgent, "userAgent");
			return this;
		}

		/**
		 * Build the client.
		 * @return the client
		 * @throws IllegalStateException when the server key is missing, or is a sandbox
		 * key used for production or the other way round
		 */
		public MidtransClient build() {
			checkServerKey();
			return new MidtransClient(this, buildHttpClient());
		}

		private OkHttpClient buildHttpClient() {
			boolean customised = this.connectTimeout != null || this.readTimeout != null || this.writeTimeout != null
					|| this.callTimeout != null;
			if (this.httpClient != null && !customised && !this.httpClient.retryOnConnectionFailure()) {
				return this.httpClient;
			}
			OkHttpClient.Builder http;
			if (this.httpClient != null) {
				http = this.httpClient.newBuilder();
			}
			else {
				http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(10))
					.readTimeout(Duration.ofSeconds(60))
					.writeTimeout(Duration.ofSeconds(30))
					.callTimeout(Duration.ofSeconds(120))
					.connectionPool((this.connectionPool != null) ? this.connectionPool
							: new ConnectionPool(16, 5, TimeUnit.MINUTES));
			}
			// OkHttp would silently re-send a POST whose pooled connection dropped after
			// Midtrans processed it: a second charge attempt the caller never sees. The
			// transport re-sends only GETs.
			http.retryOnConnectionFailure(false);
			if (this.connectTimeout != null) {
				http.connectTimeout(this.connectTimeout);
			}
			if (this.readTimeout != null) {
				http.readTimeout(this.readTimeout);
			}
			if (this.writeTimeout != null) {
				http.writeTimeout(this.writeTimeout);
			}
			if (this.callTimeout != null) {
				http.callTimeout(this.callTimeout);
			}
			return http.build();
		}

		private void checkServerKey() {
			String key = this.serverKey;
			if (key == null || key.isBlank()) {
				throw new IllegalStateException("Midtrans server key is required (set it with serverKey(...))");
			}
			for (int i = 0; i < key.length(); i++) {
				char c = key.charAt(i);
				if (c <= ' ' || c == 0x7f) {
					throw new IllegalStateException("Midtrans server key contains whitespace or control characters");
				}
			}
			boolean sandboxKey = key.toUpperCase(Locale.ROOT).startsWith("SB-");
			if (this.environment == MidtransEnvironment.PRODUCTION && sandboxKey) {
				throw new IllegalStateException(
						"Midtrans server key is a sandbox key (it starts with 'SB-') but the environment is PRODUCTION");
			}
			if (this.environment == MidtransEnvironment.SANDBOX && key.startsWith("Mid-server-")) {
				throw new IllegalStateException(
						"Midtrans server key is a production key (it starts with 'Mid-server-') but the environment is SANDBOX");
			}
		}

		private static Duration checkTimeout(Duration timeout) {
			if (timeout.isNegative()) {
				throw new IllegalArgumentException("Timeout must not be negative");
			}
			return timeout;
		}

		@Override
		public String toString() {
			return "MidtransClient.Builder{environment=" + this.environment + ", baseUrl=" + this.baseUrl
					+ ", snapBaseUrl=" + this.snapBaseUrl + "}";
		}

	}

}
