package io.github.springmidtrans.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's state and its one lock. It hands each Midtrans operation to the rule
 * set of its product, each one place to read: {@link SimulatorCharges} (Core API
 * charges), {@link SimulatorTransactionActions} (status, cancel, expire, approve, deny,
 * capture, refund), {@link SimulatorSnap}, {@link SimulatorSubscriptions},
 * {@link SimulatorInvoices}, {@link SimulatorPaymentLinks}, {@link SimulatorPayAccounts}
 * and {@link SimulatorCards}; {@link SimulatorScenarios} plays what customers and banks
 * do. Transactions live in the {@link SimulatorLedger}, their bodies are written by
 * {@link TransactionBodies}. It also replays answers for a Core API
 * {@code Idempotency-Key}. Every method that reads or changes state holds this object's
 * lock, so calls from the web server's threads, from tests and from the clock are
 * serialised; notifications are queued while the lock is held, so their order is the
 * order of the changes.
 */
final class SimulatorEngine {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

	private static final int MAX_IDEMPOTENCY_KEY = 46;

	private final String serverKey;

	private final String merchantId;

	private final Clock clock;

	private final SimulatorNotifications notifications;

	private final Supplier<String> baseUrl;

	private final Map<String, StoredAnswer> idempotent = new LinkedHashMap<>();

	private final TransactionBodies bodies;

	private final SimulatorLedger ledger;

	private final SimulatorTransactionActions actions;

	private final SimulatorScenarios scenarios;

	private final SimulatorCards cards = new SimulatorCards();

	private final SimulatorPayAccounts payAccounts = new SimulatorPayAccounts();

	private final SimulatorSubscriptions subscriptions = new SimulatorSubscriptions(this);

	private final SimulatorInvoices invoices = new SimulatorInvoices(this);

	private final SimulatorPaymentLinks paymentLinks = new SimulatorPaymentLinks(this);

	private final SimulatorSnap snap = new SimulatorSnap(this);

	private final SimulatorCharges charges = new SimulatorCharges(this);

	private String clientKey = MidtransSimulator.DEFAULT_CLIENT_KEY;

	private @Nullable String recurringNotificationUrl;

	private @Nullable String payAccountNotificationUrl;

	SimulatorEngine(String serverKey, String merchantId, Clock clock, SimulatorNotifications notifications,
			@Nullable String notificationUrl, Supplier<String> baseUrl) {
		this.serverKey = serverKey;
		this.merchantId = merchantId;
		this.clock = clock;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
		this.bodies = new TransactionBodies(serverKey, merchantId);
		this.ledger = new SimulatorLedger(clock, this.bodies, notifications, notificationUrl);
		this.actions = new SimulatorTransactionActions(this.ledger, this.bodies, clock);
		this.scenarios = new SimulatorScenarios(this.ledger, clock);
	}

	/**
	 * Settings beyond the Core API: the client key (card tokenization, BIN lookup), the
	 * Recurring Notification URL (subscription notifications) and the Pay Account
	 * Notification URL (link and unbind notifications).
	 */
	synchronized void configure(String clientKey, @Nullable String recurringNotificationUrl,
			@Nullable String payAccountNotificationUrl) {
		this.clientKey = clientKey;
		this.recurringNotificationUrl = recurringNotificationUrl;
		this.payAccountNotificationUrl = payAccountNotificationUrl;
	}

	/**
	 * Answer one Midtrans operation, replaying the stored answer of a Core API
	 * {@code Idempotency-Key} seen within five minutes.
	 */
	synchronized Answer handle(SimulatorOperation operation, HttpUrl url, Map<String, String> headers, String body) {
		expireDue();
		Instant now = this.clock.instant();
		String key = headers.get("idempotency-key");
		boolean idempotent = operation.coreIdempotent() && key != null && !key.isBlank()
				&& key.length() <= MAX_IDEMPOTENCY_KEY;
		if (idempotent) {
			this.idempotent.values().removeIf((stored) -> now.isAfter(stored.storedAt.plus(IDEMPOTENCY_WINDOW)));
			StoredAnswer stored = this.idempotent.get(key);
			if (stored != null) {
				logger.debug("Simulator replays the stored answer of idempotency key for {}", operation);
				return stored.answer;
			}
		}
		Answer answer = route(operation, url, headers, body);
		if (idempotent && answer.replayable() && answer.successful()) {
			this.idempotent.put(key, new StoredAnswer(now, answer));
		}
		return answer;
	}

	private Answer route(SimulatorOperation operation, HttpUrl url, Map<String, String> headers, String body) {
		List<String> segments = url.pathSegments();
		String id = (segments.size() > 1) ? segments.get(1) : "";
		String subject = Objects.requireNonNullElse(operation.subjectId(url), "");
		if (operation == SimulatorOperation.SNAP_PAGE) {
			return this.snap.page(subject);
		}
		if (operation == SimulatorOperation.SNAP_ACTION) {
			return this.snap.action(subject, segments.get(segments.size() - 1), body);
		}
		JsonNode json;
		try {
			json = (body.isBlank()) ? null : Wire.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return SimulatorErrors.invalidJson(operation);
		}
		return switch (operation) {
			case CHARGE -> this.charges.charge(json, headers);
			case STATUS -> this.actions.status(id);
			case STATUS_B2B -> this.actions.statusB2b(id, url);
			case CANCEL -> this.actions.cancel(id);
			case EXPIRE -> this.actions.expire(id);
			case APPROVE -> this.actions.approve(id);
			case DENY -> this.actions.deny(id);
			case CAPTURE -> this.actions.capture(json);
			case REFUND -> this.actions.refund(id, json, false);
			case DIRECT_REFUND -> this.actions.refund(id, json, true);
			case CARD_TOKEN -> this.cards.token(url, this.clientKey, this.clock.instant());
			case CARD_REGISTER -> this.cards.register(url, this.clientKey, this.clock.instant());
			case BIN -> SimulatorCards.binLookup(url, headers.get("authorization"), this.serverKey, this.clientKey);
			case PAY_ACCOUNT_CREATE -> this.payAccounts.create(json, this.baseUrl.get());
			case PAY_ACCOUNT_GET -> this.payAccounts.get(subject);
			case PAY_ACCOUNT_UNBIND -> unbind(subject);
			case SUBSCRIPTION_CREATE -> this.subscriptions.create(json, headers.get("idempotency-key"));
			case SUBSCRIPTION_GET -> this.subscriptions.get(subject);
			case SUBSCRIPTION_UPDATE -> this.subscriptions.update(subject, json);
			case SUBSCRIPTION_DISABLE -> this.subscriptions.disable(subject);
			case SUBSCRIPTION_ENABLE -> this.subscriptions.enable(subject);
			case SUBSCRIPTION_CANCEL -> this.subscriptions.cancel(subject);
			case INVOICE_CREATE -> this.invoices.create(json, headers.get("x-idempotency-key"), this.baseUrl.get());
			case INVOICE_GET -> this.invoices.get(subject);
			case INVOICE_VOID -> this.invoices.voidInvoice(subject);
			case PAYMENT_LINK_CREATE -> this.paymentLinks.create(json, this.baseUrl.get());
			case PAYMENT_LINK_GET -> this.paymentLinks.get(subject);
			case PAYMENT_LINK_DELETE -> this.paymentLinks.delete(subject);
			case SNAP_CREATE -> this.snap.create(json, headers, this.baseUrl.get());
			case SNAP_GOPAY_ACCOUNT -> this.snap.gopayAccount(subject);
			case SNAP_PAGE, SNAP_ACTION -> throw new IllegalStateException("routed above");
		};
	}

	private Answer unbind(String accountId) {
		Answer answer = this.payAccounts.unbind(accountId);
		SimulatorPayAccounts.Account account = this.payAccounts.find(accountId);
		if (account != null && "DISABLED".equals(account.status) && answer.body().contains("\"204\"")) {
			sendPayAccountNotification(account);
		}
		return answer;
	}

	/**
	 * Everything the clock drives: unpaid transactions expire, subscriptions renew and
	 * retry, invoices become overdue, failed notifications are re-delivered.
	 */
	synchronized void expireDue() {
		Instant now = this.clock.instant();
		this.ledger.expireDue(now);
		this.subscriptions.runDue(now);
		this.invoices.markOverdue(now);
		this.notifications.releaseDue();
	}

	/**
	 * The transactions, for the rule sets (under this engine's lock).
	 */
	SimulatorLedger ledger() {
		return this.ledger;
	}

	/**
	 * The transaction bodies, for the rule sets.
	 */
	TransactionBodies bodies() {
		return this.bodies;
	}

	/**
	 * Create the transaction of a Snap checkout once the customer picked a method: the
	 * same as a Core API charge of that method (answer shape, expiry, notification).
	 * @return the charge answer, or a validation answer
	 */
	Answer createFromSnap(String paymentType, String orderId, long gross, ObjectNode body,
			Map<String, String> headers) {
		return this.charges.createFromSnap(paymentType, orderId, gross, body, headers);
	}

	/**
	 * The item checks of a charge, which Snap shares.
	 */
	void checkItems(@Nullable JsonNode items, @Nullable Long gross, List<String> errors) {
		this.charges.checkItems(items, gross, errors);
	}

	/**
	 * Whether an open Snap checkout holds an order id.
	 */
	boolean snapHolds(String orderId) {
		return this.snap.holds(orderId);
	}

	String clientKey() {
		return this.clientKey;
	}

	/**
	 * The simulator's base URL, for the URLs put in answers.
	 */
	String baseUrl() {
		return this.baseUrl.get();
	}

	Instant now() {
		return this.clock.instant();
	}

	String merchantId() {
		return this.merchantId;
	}

	SimulatorCards cards() {
		return this.cards;
	}

	SimulatorPayAccounts payAccounts() {
		return this.payAccounts;
	}

	/**
	 * Post a subscription notification to the Recurring Notification URL, if any.
	 */
	void sendRecurring(ObjectNode body, String subjectId, String status, @Nullable String statusCode) {
		if (this.recurringNotificationUrl != null) {
			this.notifications.send(List.of(this.recurringNotificationUrl), subjectId, status,
					(statusCode != null) ? statusCode : "", Wire.write(body));
		}
	}

	private void sendPayAccountNotification(SimulatorPayAccounts.Account account) {
		if (this.payAccountNotificationUrl != null) {
			ObjectNode body = SimulatorPayAccounts.notification(account, this.merchantId, this.serverKey);
			this.notifications.send(List.of(this.payAccountNotificationUrl), account.id, account.status,
					Wire.text(body, "status_code"), Wire.write(body));
		}
	}

	synchronized TransactionSnapshot pay(String orderId) {
		expireDue();
		return this.scenarios.pay(orderId);
	}

	synchronized TransactionSnapshot settle(String orderId) {
		expireDue();
		return this.scenarios.settle(orderId);
	}

	synchronized TransactionSnapshot deny(String orderId) {
		expireDue();
		return this.scenarios.deny(orderId);
	}

	synchronized TransactionSnapshot expire(String orderId) {
		expireDue();
		return this.scenarios.expire(orderId);
	}

	synchronized TransactionSnapshot challenge(String orderId) {
		expireDue();
		return this.scenarios.challenge(orderId);
	}

	synchronized TransactionSnapshot denyNextCapture(String orderId) {
		expireDue();
		return this.scenarios.denyNextCapture(orderId);
	}

	synchronized TransactionSnapshot rejectNextDirectRefund(String orderId) {
		expireDue();
		return this.scenarios.rejectNextDirectRefund(orderId);
	}

	synchronized void failNextRenewal(String subscriptionId, int statusCode) {
		this.subscriptions.failNext(subscriptionId, statusCode);
	}

	synchronized Optional<SubscriptionSnapshot> subscription(String subscriptionId) {
		expireDue();
		return this.subscriptions.snapshot(subscriptionId);
	}

	synchronized List<SubscriptionSnapshot> subscriptions() {
		expireDue();
		return this.subscriptions.snapshots();
	}

	synchronized TransactionSnapshot payInvoice(String invoiceId) {
		expireDue();
		return this.invoices.pay(invoiceId, this.baseUrl.get());
	}

	synchronized Optional<String> invoiceStatus(String invoiceId) {
		expireDue();
		return Optional.ofNullable(this.invoices.status(invoiceId));
	}

	synchronized TransactionSnapshot payPaymentLink(String orderId, @Nullable Long amount) {
		expireDue();
		return this.paymentLinks.pay(orderId, amount);
	}

	synchronized void linkAccount(String accountId) {
		SimulatorPayAccounts.Account account = this.payAccounts.link(accountId);
		sendPayAccountNotification(account);
	}

	synchronized Optional<TransactionSnapshot> snapshot(String orderIdOrTransactionId) {
		expireDue();
		return Optional.ofNullable(this.ledger.find(orderIdOrTransactionId)).map(SimulatedTransaction::snapshot);
	}

	synchronized List<TransactionSnapshot> snapshots() {
		expireDue();
		return this.ledger.all().stream().map(SimulatedTransaction::snapshot).toList();
	}

	synchronized ArrayNode statusBodies() {
		expireDue();
		ArrayNode list = Wire.MAPPER.createArrayNode();
		for (SimulatedTransaction tx : this.ledger.all()) {
			list.add(this.bodies.status(tx));
		}
		return list;
	}

	synchronized @Nullable ObjectNode statusBody(String orderIdOrTransactionId) {
		expireDue();
		SimulatedTransaction tx = this.ledger.find(orderIdOrTransactionId);
		return (tx != null) ? this.bodies.status(tx) : null;
	}

	synchronized void reset() {
		this.snap.clear();
		this.cards.reset();
		this.payAccounts.reset();
		this.subscriptions.reset();
		this.invoices.reset();
		this.paymentLinks.reset();
		this.ledger.clear();
		this.idempotent.clear();
	}

	private record StoredAnswer(Instant storedAt, Answer answer) {

	}

}
