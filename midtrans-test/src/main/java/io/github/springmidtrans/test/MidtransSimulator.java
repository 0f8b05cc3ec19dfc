package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful fake of the Midtrans Core API, on a local HTTP port, for tests and demos.
 *
 * <p>
 * It speaks Midtrans' wire protocol: Basic authentication with the server key (HTTP 401
 * otherwise), {@code POST /v2/charge} for every Core API payment type with Midtrans'
 * answer shapes, {@code GET /v2/{id}/status} and {@code /status/b2b}, cancel, expire,
 * approve, deny, capture, refund and direct refund, business outcomes as a body
 * {@code status_code} under HTTP 200 (404, 406, 407, 412, 414) and validation errors as
 * HTTP 400, the {@code Idempotency-Key} header (successful answers replayed for five
 * minutes of simulator time), and signed payment notifications on every state change. Any
 * other path answers HTTP 404.
 *
 * <pre>{@code
 * try (MidtransSimulator simulator = MidtransSimulator.builder()
 *         .notificationUrl("http://localhost:8080/midtrans/notification").build().start()) {
 *     MidtransClient client = MidtransClient.builder().serverKey(simulator.serverKey())
 *         .baseUrl(simulator.baseUrl()).build();
 *     client.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());
 *     simulator.pay("ORDER-1");                         // settlement + notification
 *     simulator.clock().advance(Duration.ofDays(1));    // unpaid transactions expire
 *     simulator.faults().on(SimulatorOperation.STATUS).once().serverError(503);
 * }
 * }</pre>
 *
 * <p>
 * Beyond the Core API it serves, with real HTTP statuses: the Subscriptions API
 * ({@code /v1/subscriptions}, renewals and retries on the simulator clock, notifications
 * to {@link Builder#recurringNotificationUrl(String)}), the Invoicing API
 * ({@code /v1/invoices}), the Payment Link API ({@code /v1/payment-links}), GoPay account
 * linking ({@code /v2/pay/account}) and the card helpers ({@code /v2/token},
 * {@code /v2/card/register}, {@code /v1/bins/{bin}}, with {@link #clientKey()}) and Snap
 * ({@code POST /snap/v1/transactions}, see {@link #snapBaseUrl()}) with a hosted payment
 * page at the {@code redirect_url} it answers, where a person (or a browser test) picks a
 * method and pays. Their scenario methods are {@link #failNextRenewal(String)},
 * {@link #payInvoice(String)}, {@link #payPaymentLink(String)} and
 * {@link #linkAccount(String)}.
 *
 * <p>
 * Tests move transactions with the scenario methods ({@link #pay(String)},
 * {@link #settle(String)}, {@link #deny(String)}, {@link #expire(String)},
 * {@link #challenge(String)}), which allow only the moves Midtrans makes; time moves with
 * {@link #clock()}; {@link #faults()} scripts failures; {@link #requests()} is the
 * journal of what was received (never the {@code Authorization} header);
 * {@link #transaction(String)} shows the simulator's state. Thread-safe: requests,
 * scenario calls and the clock are serialised on one lock. The server key is never
 * logged.
 *
 * @since 0.1.0
 */
public final class MidtransSimulator implements AutoCloseable {

	/** The server key the simulator accepts unless another is configured. */
	public static final String DEFAULT_SERVER_KEY = "SB-Mid-server-simulator";

	/**
	 * The client key the simulator accepts (card tokenization, card registration, BIN
	 * lookup) unless another is configured.
	 */
	public static final String DEFAULT_CLIENT_KEY = "SB-Mid-client-simulator";

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private final String serverKey;

	private final SimulatorClock clock;

	private final boolean controlEndpoints;

	private final SimulatorServer server;

	private final SimulatorNotifications notifications;

	private final SimulatorFaults faults = new SimulatorFaults();

	private final SimulatorEngine engine;

	private final List<RecordedCall> journal = new CopyOnWriteArrayList<>();

	private final Runnable clockListener;

	private final @Nullable SimulatorTls tls;

	private volatile boolean started;

	private final String clientKeyValue;

	private final String host;

	private @Nullable ScheduledExecutorService ticker;

	private MidtransSimulator(Builder builder) {
		this.serverKey = builder.serverKey;
		this.clock = (builder.clock != null) ? builder.clock : SimulatorClock.startingNow();
		this.controlEndpoints = builder.controlEndpoints;
		this.notifications = new SimulatorNotifications(this.clock);
		this.engine = new SimulatorEngine(this.serverKey, builder.merchantId, this.clock, this.notifications,
				builder.notificationUrl, this::baseUrl);
		this.engine.configure(builder.clientKey, builder.recurringNotificationUrl, builder.payAccountNotificationUrl);
		this.clientKeyValue = builder.clientKey;
		this.clockListener = this.engine::expireDue;
		this.tls = builder.httpsProxy ? SimulatorTls.generate() : null;
		this.host = builder.host;
		SimulatorRouter router = new SimulatorRouter(this.serverKey, this.clock, this.engine,
				new ControlEndpoints(this, this.engine), this.controlEndpoints, this.faults, this.journal,
				builder.logRequests);
		this.server = new SimulatorServer(router::serve, this.tls, builder.host);
	}

	/**
	 * Start configuring a simulator.
	 * @return a builder with the defaults: server key {@value #DEFAULT_SERVER_KEY}, a
	 * clock at the current time, no notification URL
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Start listening on a free port.
	 * @return this simulator
	 * @throws UncheckedIOException when the server cannot start
	 */
	public MidtransSimulator start() {
		return start(0);
	}

	/**
	 * Start listening on the given port of {@code localhost}.
	 * @param port the port, or 0 for a free one
	 * @return this simulator
	 * @throws UncheckedIOException when the port is taken
	 */
	public synchronized MidtransSimulator start(int port) {
		if (this.started) {
			throw new IllegalStateException("The simulator is already started");
		}
		this.server.start(port);
		this.clock.addListener(this.clockListener);
		// A running clock moves without advance(): look for due expiries and renewals
		// every second so their notifications go out on time.
		this.ticker = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "midtrans-simulator-clock");
			thread.setDaemon(true);
			return thread;
		});
		this.ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
		this.started = true;
		logger.info("Midtrans simulator listening on {}", baseUrl());
		return this;
	}

	/**
	 * Stop listening and stop delivering notifications.
	 */
	@Override
	public synchronized void close() {
		this.clock.removeListener(this.clockListener);
		if (this.ticker != null) {
			this.ticker.shutdownNow();
			this.ticker = null;
		}
		this.notifications.close();
		this.server.stop();
		this.started = false;
	}

	/**
	 * The base URL to give {@code MidtransClient.Builder.baseUrl(...)}, such as
	 * {@code http://localhost:53121/}.
	 * @return the base URL, ending with a slash
	 * @throws IllegalStateException before {@link #start()}
	 */
	public String baseUrl() {
		if (!this.started) {
			throw new IllegalStateException("Start the simulator before asking for its URL");
		}
		// In HTTPS proxy mode the port still answers plain HTTP outside CONNECT tunnels.
		String host = ("0.0.0.0".equals(this.host) || "::".equals(this.host)) ? "localhost" : this.host;
		return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + this.server.port() + "/";
	}

	/**
	 * The base URL to give {@code MidtransClient.Builder.snapBaseUrl(...)}: the simulator
	 * serves Snap ({@code POST /snap/v1/transactions} and the hosted page at the
	 * {@code redirect_url} it returns) on the same port as the Core API.
	 * @return the base URL, ending with a slash
	 * @throws IllegalStateException before {@link #start()}
	 * @since 0.1.0
	 */
	public String snapBaseUrl() {
		return baseUrl();
	}

	/**
	 * The port the simulator listens on.
	 * @return the port
	 * @throws IllegalStateException before {@link #start()}
	 */
	public int port() {
		if (!this.started) {
			throw new IllegalStateException("Start the simulator before asking for its port");
		}
		return this.server.port();
	}

	/**
	 * The server key the simulator accepts (a test value, not a real key).
	 * @return the server key
	 */
	public String serverKey() {
		return this.serverKey;
	}

	/**
	 * The clock that drives transaction times and expiry.
	 * @return the clock
	 */
	public SimulatorClock clock() {
		return this.clock;
	}

	/**
	 * Scripted failures.
	 * @return the fault script of this simulator
	 */
	public SimulatorFaults faults() {
		return this.faults;
	}

	/**
	 * Notification delivery options and the record of deliveries.
	 * @return the notifications of this simulator
	 */
	public SimulatorNotifications notifications() {
		return this.notifications;
	}

	/**
	 * Every request received so far, oldest first.
	 * @return an immutable copy of the journal
	 */
	public List<RecordedCall> requests() {
		return List.copyOf(this.journal);
	}

	/**
	 * The requests to one Core API endpoint.
	 * @param operation the endpoint
	 * @return an immutable list, oldest first
	 */
	public List<RecordedCall> requestsTo(SimulatorOperation operation) {
		return this.journal.stream().filter((call) -> call.operation() == operation).toList();
	}

	/**
	 * The requests to an exact path, such as {@code /v2/ORDER-1/status}.
	 * @param encodedPath the path as sent
	 * @return an immutable list, oldest first
	 */
	public List<RecordedCall> requestsTo(String encodedPath) {
		return this.journal.stream().filter((call) -> call.path().equals(encodedPath)).toList();
	}

	/**
	 * How many charges were received for an order id, successful or not.
	 * @param orderId the order id
	 * @return the number of {@code POST /v2/charge} calls with that order id
	 */
	public int chargeCount(String orderId) {
		return (int) this.journal.stream()
			.filter((call) -> call.operation() == SimulatorOperation.CHARGE && orderId.equals(call.orderId()))
			.count();
	}

	/**
	 * Forget the recorded requests.
	 */
	public void clearRequests() {
		this.journal.clear();
	}

	/**
	 * The simulator's current state of a transaction; unpaid transactions past their
	 * expiry time are expired first.
	 * @param orderIdOrTransactionId the order id (its latest transaction) or a
	 * transaction id
	 * @return a snapshot, or empty when the simulator has no such transaction
	 */
	public Optional<TransactionSnapshot> transaction(String orderIdOrTransactionId) {
		return this.engine.snapshot(orderIdOrTransactionId);
	}

	/**
	 * Every transaction, in the order they were created.
	 * @return immutable snapshots
	 */
	public List<TransactionSnapshot> transactions() {
		return this.engine.snapshots();
	}

	/**
	 * The customer pays: a pending transaction settles (cards: {@code capture}, or
	 * {@code authorize} when charged with {@code type: authorize}), and a notification is
	 * sent.
	 * @param orderId the order id or transaction id
	 * @return the transaction after the move
	 * @throws IllegalStateException when the transaction is unknown or not pending
	 */
	public TransactionSnapshot pay(String orderId) {
		return this.engine.pay(orderId);
	}

	/**
	 * A captured card transaction settles ({@code capture} to {@code settlement}), as
	 * Midtrans does the next day.
	 * @param orderId the order id or transaction id
	 * @return the transaction after the move
	 * @throws IllegalStateException when it is not captured, or is challenged
	 */
	public TransactionSnapshot settle(String orderId) {
		return this.engine.settle(orderId);
	}

	/**
	 * The provider or fraud detection denies a pending or authorized transaction, or a
	 * Permata VA, Mandiri Bill or Indomaret settlement is reversed.
	 * @param orderId the order id or transaction id
	 * @return the transaction after the move
	 * @throws IllegalStateException when Midtrans would not make that move
	 */
	public TransactionSnapshot deny(String orderId) {
		return this.engine.deny(orderId);
	}

	/**
	 * A pending or authorized transaction expires now, whatever its expiry time.
	 * @param orderId the order id or transaction id
	 * @return the transaction after the move
	 * @throws IllegalStateException when it is not pending or authorized
	 */
	public TransactionSnapshot expire(String orderId) {
		return this.engine.expire(orderId);
	}

	/**
	 * A pending card transaction (charged with 3DS) is captured with fraud status
	 * {@code challenge}: the merchant must approve or deny it.
	 * @param orderId the order id or transaction id
	 * @return the transaction after the move
	 * @throws IllegalStateException when it is not a pending card transaction
	 */
	public TransactionSnapshot challenge(String orderId) {
		return this.engine.challenge(orderId);
	}

	/**
	 * The bank refuses the next capture of an authorized card transaction: {@code POST
	 * /v2/capture} answers {@code status_code} {@code 202} with the transaction still
	 * {@code authorize}, and nothing is notified. Later captures are accepted again.
	 * @param orderId the order id or transaction id
	 * @return the transaction, unchanged
	 * @throws IllegalStateException when it is not authorized
	 * @since 0.1.0
	 */
	public TransactionSnapshot denyNextCapture(String orderId) {
		return this.engine.denyNextCapture(orderId);
	}

	/**
	 * The bank refuses the next direct refund ({@code /refund/online/direct}) of a
	 * settled transaction: Midtrans answers {@code status_code} {@code 202} "Refund
	 * denied by the bank" with the transaction still settled and {@code refund_amount}
	 * {@code 0.00}, refunds nothing and notifies nothing. The same {@code refund_key} may
	 * try again.
	 * @param orderId the order id or transaction id
	 * @return the transaction, unchanged
	 * @throws IllegalStateException when it is not settled or partially refunded
	 * @since 0.1.0
	 */
	public TransactionSnapshot rejectNextDirectRefund(String orderId) {
		return this.engine.rejectNextDirectRefund(orderId);
	}

	/**
	 * The client key the simulator accepts for card tokenization, card registration and
	 * BIN lookup (a test value, not a real key).
	 * @return the client key
	 */
	public String clientKey() {
		return this.clientKeyValue;
	}

	/**
	 * The simulator's current state of a subscription; renewals that are due on the clock
	 * run first.
	 * @param subscriptionId the subscription id
	 * @return a snapshot, or empty when the simulator has no such subscription
	 */
	public Optional<SubscriptionSnapshot> subscription(String subscriptionId) {
		return this.engine.subscription(subscriptionId);
	}

	/**
	 * Every subscription, in the order they were created.
	 * @return immutable snapshots
	 */
	public List<SubscriptionSnapshot> subscriptions() {
		return this.engine.subscriptions();
	}

	/**
	 * Make the next charge attempt of a subscription fail as a bank decline: the renewal
	 * (or retry) creates a denied transaction and, once the retry schedule is used up, a
	 * subscription notification with {@code transaction.status_code} {@code 202}. Call it
	 * once per attempt that should fail.
	 * @param subscriptionId the subscription id
	 * @throws IllegalStateException when the simulator has no such subscription
	 */
	public void failNextRenewal(String subscriptionId) {
		this.engine.failNextRenewal(subscriptionId, 202);
	}

	/**
	 * Make the next charge attempt of a subscription fail with one of the failure codes
	 * of Midtrans' subscription notification: {@code 202} (bank decline, with a denied
	 * transaction), or, with no transaction created, {@code 402} (payment type not
	 * activated), {@code 411} (token invalid) and {@code 500} (internal error).
	 * @param subscriptionId the subscription id
	 * @param statusCode 202, 402, 411 or 500
	 * @throws IllegalStateException when the simulator has no such subscription
	 * @throws IllegalArgumentException for another status code
	 */
	public void failNextRenewal(String subscriptionId, int statusCode) {
		this.engine.failNextRenewal(subscriptionId, statusCode);
	}

	/**
	 * The customer pays a pending or overdue invoice: a settled transaction with the
	 * invoice's order id is created (bank transfer on the invoice's first virtual
	 * account, GoPay for a payment-link invoice), its notification carries
	 * {@code metadata.midtrans_invoice_id}, and the invoice becomes {@code paid}.
	 * @param invoiceId the invoice id
	 * @return the transaction
	 * @throws IllegalStateException when the invoice is unknown or not payable
	 */
	public TransactionSnapshot payInvoice(String invoiceId) {
		return this.engine.payInvoice(invoiceId);
	}

	/**
	 * The status of an invoice, such as {@code pending}, {@code overdue}, {@code paid} or
	 * {@code voided}; pending invoices past their due date become overdue first.
	 * @param invoiceId the invoice id
	 * @return the status, or empty when the simulator has no such invoice
	 */
	public Optional<String> invoiceStatus(String invoiceId) {
		return this.engine.invoiceStatus(invoiceId);
	}

	/**
	 * A customer pays through a payment link: a settled bank-transfer transaction whose
	 * order id is the link's order id plus a numeric suffix, listed in the link's
	 * {@code purchases}.
	 * @param orderId the link's order id
	 * @return the transaction
	 * @throws IllegalStateException when the link is unknown or used up
	 */
	public TransactionSnapshot payPaymentLink(String orderId) {
		return this.engine.payPaymentLink(orderId, null);
	}

	/**
	 * The customer approves a pending GoPay account link in the Gojek app: the account
	 * becomes {@code ENABLED} with a {@code GOPAY_WALLET} (balance 1,000,000) and a
	 * {@code PAY_LATER} (balance 350,000) payment option, and a pay-account notification
	 * goes to the Pay Account Notification URL, if configured.
	 * @param accountId the pay account id
	 * @throws IllegalStateException when the account is unknown or not pending
	 */
	public void linkAccount(String accountId) {
		this.engine.linkAccount(accountId);
	}

	/**
	 * Forget every transaction, stored idempotent answer, recorded request, scripted
	 * fault and recorded notification, for reuse between tests. The clock is left as it
	 * is.
	 */
	public void reset() {
		this.engine.reset();
		this.journal.clear();
		this.faults.clear();
		this.notifications.clear();
	}

	/**
	 * Whether this simulator also acts as an HTTPS proxy for Midtrans' API hosts (see
	 * {@link Builder#httpsProxy(boolean)}).
	 * @return whether the HTTPS proxy mode is on
	 */
	public boolean isHttpsProxy() {
		return this.tls != null;
	}

	/**
	 * The certificate of the test certificate authority that signed the simulator's
	 * certificate for {@code api.sandbox.midtrans.com} and {@code api.midtrans.com}. It
	 * is made up when the simulator is built and lives only as long as it.
	 * @return the authority's certificate, to be trusted by the client under test
	 * @throws IllegalStateException unless built with {@code httpsProxy(true)}
	 */
	public X509Certificate certificateAuthority() {
		return requireTls().authority();
	}

	/**
	 * The {@link #certificateAuthority() test certificate authority} in PEM form, for
	 * clients such as {@code curl --cacert}.
	 * @return the PEM text of the certificate (no private key)
	 * @throws IllegalStateException unless built with {@code httpsProxy(true)}
	 */
	public String certificateAuthorityPem() {
		return requireTls().authorityPem();
	}

	/**
	 * Write a PKCS12 trust store holding only the {@link #certificateAuthority() test
	 * certificate authority}, for another JVM's {@code -Djavax.net.ssl.trustStore}.
	 * @param file the file to write (parent directories are created)
	 * @param password the store's password, for
	 * {@code -Djavax.net.ssl.trustStorePassword}
	 * @return the file
	 * @throws IllegalStateException unless built with {@code httpsProxy(true)}
	 * @throws UncheckedIOException when the file cannot be written
	 */
	public Path writeTrustStore(Path file, String password) {
		requireTls().writeTrustStore(file, password.toCharArray());
		return file;
	}

	/**
	 * Write the {@link #certificateAuthority() test certificate authority} as a PEM file
	 * (certificate only, no key), for clients outside the JVM: Node.js
	 * ({@code NODE_EXTRA_CA_CERTS}), curl ({@code --cacert}), Python
	 * ({@code REQUESTS_CA_BUNDLE}), Go and PHP.
	 * @param file the file to write (parent directories are created)
	 * @return the file
	 * @throws IllegalStateException unless built with {@code httpsProxy(true)}
	 * @throws UncheckedIOException when the file cannot be written
	 * @since 0.1.0
	 */
	public Path writeCertificateAuthorityPem(Path file) {
		String pem = requireTls().authorityPem();
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, pem, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the simulator's CA certificate to " + file, ex);
		}
		return file;
	}

	private SimulatorTls requireTls() {
		if (this.tls == null) {
			throw new IllegalStateException("Build the simulator with httpsProxy(true) to use its certificates");
		}
		return this.tls;
	}

	@Override
	public String toString() {
		return "MidtransSimulator[" + (this.started ? baseUrl() : "not started") + "]";
	}

	private void tick() {
		if (this.clock.isRunning()) {
			try {
				this.clockListener.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Midtrans simulator failed to expire due transactions", ex);
			}
		}
	}

	/**
	 * Configures a {@link MidtransSimulator}.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private String serverKey = DEFAULT_SERVER_KEY;

		private String merchantId = "G000000000";

		private @Nullable SimulatorClock clock;

		private @Nullable String notificationUrl;

		private boolean controlEndpoints;

		private boolean httpsProxy;

		private String clientKey = DEFAULT_CLIENT_KEY;

		private @Nullable String recurringNotificationUrl;

		private @Nullable String payAccountNotificationUrl;

		private boolean logRequests;

		private String host = "localhost";

		private Builder() {
		}

		/**
		 * Log one line per request at INFO (method, path without its query, status, time;
		 * never keys, card data or bodies), as the standalone simulator does. Off by
		 * default: the lines are then logged at DEBUG.
		 * @param enabled whether to log requests at INFO
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder logRequests(boolean enabled) {
			this.logRequests = enabled;
			return this;
		}

		/**
		 * The interface to listen on: {@code localhost} by default, {@code 0.0.0.0} to
		 * accept connections from other machines or containers.
		 * @param host a host name or address
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder host(String host) {
			if (host == null || host.isBlank()) {
				throw new IllegalArgumentException("Host must not be blank");
			}
			this.host = host;
			return this;
		}

		/**
		 * The client key that card tokenization ({@code client_key} parameter) and BIN
		 * lookup (Basic authentication, as an alternative to the server key) accept.
		 * @param clientKey the key
		 * @return this builder
		 */
		public Builder clientKey(String clientKey) {
			if (clientKey == null || clientKey.isBlank()) {
				throw new IllegalArgumentException("Client key must not be blank");
			}
			this.clientKey = clientKey;
			return this;
		}

		/**
		 * The dashboard's Recurring Notification URL: where subscription notifications
		 * (creation and charge results) go. The payment notification of each charge goes
		 * to the Payment Notification URL as usual.
		 * @param url the URL, or {@code null} for none
		 * @return this builder
		 */
		public Builder recurringNotificationUrl(@Nullable String url) {
			this.recurringNotificationUrl = url;
			return this;
		}

		/**
		 * The dashboard's Pay Account Notification URL: where GoPay link and unbind
		 * notifications go.
		 * @param url the URL, or {@code null} for none
		 * @return this builder
		 */
		public Builder payAccountNotificationUrl(@Nullable String url) {
			this.payAccountNotificationUrl = url;
			return this;
		}

		/**
		 * The server key requests must authenticate with (Basic, key as user name).
		 * @param serverKey the key; never logged
		 * @return this builder
		 */
		public Builder serverKey(String serverKey) {
			if (serverKey == null || serverKey.isBlank()) {
				throw new IllegalArgumentException("Server key must not be blank");
			}
			this.serverKey = serverKey;
			return this;
		}

		/**
		 * The {@code merchant_id} put in answers and notifications.
		 * @param merchantId the merchant id
		 * @return this builder
		 */
		public Builder merchantId(String merchantId) {
			this.merchantId = Objects.requireNonNull(merchantId, "merchantId");
			return this;
		}

		/**
		 * The clock that drives times and expiry (default: one standing at the current
		 * time).
		 * @param clock the clock
		 * @return this builder
		 */
		public Builder clock(SimulatorClock clock) {
			this.clock = Objects.requireNonNull(clock, "clock");
			return this;
		}

		/**
		 * The dashboard's Payment Notification URL: where notifications go unless a
		 * charge sent {@code X-Override-Notification}.
		 * @param notificationUrl the URL, or {@code null} for none
		 * @return this builder
		 */
		public Builder notificationUrl(@Nullable String notificationUrl) {
			this.notificationUrl = notificationUrl;
			return this;
		}

		/**
		 * Serve the control endpoints under {@code /_simulator/} (scenario moves, clock,
		 * transaction list) so that programs in other languages can drive the simulator.
		 * Off by default; {@link MidtransSimulatorMain} turns it on.
		 * @param enabled whether to serve them
		 * @return this builder
		 */
		public Builder controlEndpoints(boolean enabled) {
			this.controlEndpoints = enabled;
			return this;
		}

		/**
		 * Also act as an HTTPS proxy for Midtrans' API hosts, for clients whose base URL
		 * cannot be changed, such as the official Midtrans Java SDK: such a client,
		 * configured with this simulator as its HTTPS proxy ({@code -Dhttps.proxyHost},
		 * {@code -Dhttps.proxyPort}), sends {@code CONNECT api.sandbox.midtrans.com:443};
		 * the simulator accepts it and speaks TLS with a certificate for that host signed
		 * by a test certificate authority made up for this simulator (export it with
		 * {@link MidtransSimulator#writeTrustStore(Path, String)}). CONNECT to any other
		 * host is refused with HTTP 403. Plain HTTP on
		 * {@link MidtransSimulator#baseUrl()} keeps working. Off by default.
		 * @param enabled whether to act as an HTTPS proxy
		 * @return this builder
		 */
		public Builder httpsProxy(boolean enabled) {
			this.httpsProxy = enabled;
			return this;
		}

		/**
		 * Create the simulator; call {@link MidtransSimulator#start()} next.
		 * @return the simulator, not yet listening
		 */
		public MidtransSimulator build() {
			return new MidtransSimulator(this);
		}

	}

}
