package io.github.springmidtrans.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.github.springmidtrans.client.NotificationSignature;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of the simulator and the Core API's rules beyond the charge: status, the
 * actions (cancel, expire, approve, deny, capture, refund), the scenario moves, expiry
 * and notifications. The other products are rule sets of their own, each one place to
 * read: {@link SimulatorCharges} (charges), {@link SimulatorSnap},
 * {@link SimulatorSubscriptions}, {@link SimulatorInvoices},
 * {@link SimulatorPaymentLinks}, {@link SimulatorPayAccounts} and {@link SimulatorCards};
 * {@link SimulatorRouter} routes requests to them. Every method that reads or changes
 * state holds this object's lock, so calls from the web server's threads, from tests and
 * from the clock are serialised; notifications are queued while the lock is held, so
 * their order is the order of the changes.
 */
final class SimulatorEngine {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

	private static final int MAX_IDEMPOTENCY_KEY = 46;

	/** Payment types Midtrans cannot refund through the API. */
	private static final Set<String> NOT_REFUNDABLE = Set.of("bank_transfer", "echannel", "cstore");

	private final String serverKey;

	private final String merchantId;

	private final Clock clock;

	private final SimulatorNotifications notifications;

	private final @Nullable String notificationUrl;

	private final Supplier<String> baseUrl;

	private final Map<String, SimulatedTransaction> byOrderId = new HashMap<>();

	private final Map<String, SimulatedTransaction> byTransactionId = new HashMap<>();

	private final List<SimulatedTransaction> all = new ArrayList<>();

	private final Map<String, StoredAnswer> idempotent = new LinkedHashMap<>();

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

	private long orderSequence;

	SimulatorEngine(String serverKey, String merchantId, Clock clock, SimulatorNotifications notifications,
			@Nullable String notificationUrl, Supplier<String> baseUrl) {
		this.serverKey = serverKey;
		this.merchantId = merchantId;
		this.clock = clock;
		this.notifications = notifications;
		this.notificationUrl = notificationUrl;
		this.baseUrl = baseUrl;
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

	// ---------------------------------------------------------------- HTTP

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
			case STATUS -> status(id);
			case STATUS_B2B -> statusB2b(id, url);
			case CANCEL -> cancel(id);
			case EXPIRE -> expireAction(id);
			case APPROVE -> approve(id);
			case DENY -> denyAction(id);
			case CAPTURE -> capture(json);
			case REFUND -> refund(id, json, false);
			case DIRECT_REFUND -> refund(id, json, true);
			case CARD_TOKEN -> this.cards.token(url, this.clientKey, this.clock.instant());
			case CARD_REGISTER -> this.cards.register(url, this.clientKey, this.clock.instant());
			case BIN -> binLookup(url, headers.get("authorization"));
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
			case SNAP_PAGE, SNAP_ACTION -> throw new IllegalStateException("routed above");
		};
	}

	private Answer binLookup(HttpUrl url, @Nullable String authorization) {
		String user = basicUser(authorization);
		boolean known = user != null && (MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
				this.serverKey.getBytes(StandardCharsets.UTF_8))
				|| MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
						this.clientKey.getBytes(StandardCharsets.UTF_8)));
		if (!known) {
			return new Answer(401, "Unauthorized", Map.of("Content-Type", "text/plain"), false);
		}
		return SimulatorCards.bin(url.pathSegments().get(2));
	}

	private static @Nullable String basicUser(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Answer unbind(String accountId) {
		Answer answer = this.payAccounts.unbind(accountId);
		SimulatorPayAccounts.Account account = this.payAccounts.find(accountId);
		if (account != null && "DISABLED".equals(account.status) && answer.body().contains("\"204\"")) {
			sendPayAccountNotification(account);
		}
		return answer;
	}

	private Answer status(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		return Answer.ok(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
	}

	private Answer statusB2b(String id, HttpUrl url) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Success, transactions are retrieved");
		ArrayNode transactions = body.putArray("transactions");
		String page = url.queryParameter("page");
		if (page == null || "0".equals(page.trim())) {
			transactions.add(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
		}
		return Answer.ok(body);
	}

	private Answer cancel(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!Set.of("pending", "authorize", "capture").contains(tx.status)) {
			return cannotModify();
		}
		transition(tx, "cancel", tx.fraudStatus);
		return Answer.ok(summary(tx, "200", "Success, transaction is canceled"));
	}

	private Answer expireAction(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"pending".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "expire", tx.fraudStatus);
		return Answer.ok(summary(tx, "407", "Success, transaction has expired"));
	}

	private Answer approve(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "capture", "accept");
		return Answer.ok(summary(tx, "200", "Success, transaction is approved"));
	}

	private Answer denyAction(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "deny", "deny");
		return Answer.ok(summary(tx, "200", "Success, transaction is denied"));
	}

	private Answer capture(@Nullable JsonNode json) {
		String id = Wire.text(json, "transaction_id");
		if (id == null || id.isBlank()) {
			return validation(List.of("transaction_id is required"));
		}
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		JsonNode amount = json.get("gross_amount");
		if (amount != null && !amount.isNull()) {
			Long value = wholeRupiah(amount);
			if (value == null || value <= 0 || value > tx.grossAmount) {
				return validation(List.of("gross_amount must be a whole number between 1 and the authorized amount"));
			}
		}
		if (!"authorize".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "capture", tx.fraudStatus);
		return Answer.ok(summary(tx, "200", "Success, Credit Card capture transaction is successful"));
	}

	private Answer refund(String id, @Nullable JsonNode json, boolean direct) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		String refundKey = Wire.text(json, "refund_key");
		if (refundKey != null && !REFUND_KEY.matcher(refundKey).matches()) {
			return validation(List.of("refund_key may only contain letters, digits, '_' and '-'"));
		}
		if (refundKey != null) {
			SimulatedTransaction.Refund existing = tx.refund(refundKey);
			if (existing != null) {
				// The same key retries the same refund: answer it again, refund nothing.
				return Answer.ok(refundBody(tx, existing));
			}
		}
		if (!("settlement".equals(tx.status) || "partial_refund".equals(tx.status))
				|| NOT_REFUNDABLE.contains(tx.paymentType)) {
			return cannotModify();
		}
		long remaining = tx.grossAmount - tx.refundAmount();
		long amount = remaining;
		JsonNode amountNode = (json != null) ? json.get("amount") : null;
		if (amountNode != null && !amountNode.isNull()) {
			Long value = wholeRupiah(amountNode);
			if (value == null) {
				return validation(List.of("amount must be a whole number of rupiah"));
			}
			amount = value;
		}
		if (amount <= 0 || amount > remaining) {
			return Answer.ok(Wire.error("414", "Refund request is rejected due to invalid amount"));
		}
		String key = (refundKey != null) ? refundKey : "refund-" + UUID.randomUUID();
		SimulatedTransaction.Refund refund = new SimulatedTransaction.Refund(tx.refunds.size() + 1L,
				UUID.randomUUID().toString(), key, amount, Wire.text(json, "reason"), this.clock.instant(), direct,
				null);
		tx.refunds.add(refund);
		// Midtrans notifies a refund twice: first without, then with bank_confirmed_at.
		transition(tx, (tx.refundAmount() == tx.grossAmount) ? "refund" : "partial_refund", tx.fraudStatus);
		SimulatedTransaction.Refund confirmed = refund.confirmedAt(this.clock.instant());
		tx.refunds.set(tx.refunds.size() - 1, confirmed);
		notify(tx);
		return Answer.ok(refundBody(tx, confirmed));
	}

	// ---------------------------------------------------------------- scenarios

	synchronized TransactionSnapshot pay(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"pending".equals(tx.status)) {
			throw illegal(tx, "be paid", "only a pending transaction can be paid");
		}
		if ("credit_card".equals(tx.paymentType)) {
			SimulatorCharges.approveCard(tx.methodFields, "05");
			transition(tx, tx.authorizeOnly ? "authorize" : "capture", "accept");
		}
		else {
			paidDetails(tx);
			transition(tx, "settlement", tx.fraudStatus);
		}
		return tx.snapshot();
	}

	synchronized TransactionSnapshot settle(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"capture".equals(tx.status)) {
			throw illegal(tx, "settle", "only a captured card transaction settles");
		}
		if ("challenge".equals(tx.fraudStatus)) {
			throw illegal(tx, "settle", "it is challenged by fraud detection; approve or deny it first");
		}
		transition(tx, "settlement", tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot deny(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		boolean reversal = "settlement".equals(tx.status) && reversible(tx);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status) || reversal)) {
			throw illegal(tx, "be denied", "only pending or authorized transactions can be denied, and a settlement "
					+ "only for Permata VA, Mandiri Bill and Indomaret (reversal)");
		}
		transition(tx, "deny", "credit_card".equals(tx.paymentType) ? "deny" : tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot expire(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status))) {
			throw illegal(tx, "expire", "only pending or authorized transactions expire");
		}
		transition(tx, "expire", tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot challenge(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"credit_card".equals(tx.paymentType) || !"pending".equals(tx.status)) {
			throw illegal(tx, "be challenged",
					"only a pending card transaction (charged with 3DS) can be captured with fraud status challenge");
		}
		SimulatorCharges.approveCard(tx.methodFields, "05");
		transition(tx, "capture", "challenge");
		return tx.snapshot();
	}

	private SimulatedTransaction scenarioTarget(String orderId) {
		expireDue();
		SimulatedTransaction tx = find(orderId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction for order '" + orderId + "'");
		}
		return tx;
	}

	private static IllegalStateException illegal(SimulatedTransaction tx, String what, String rule) {
		return new IllegalStateException("Order '" + tx.orderId + "' cannot " + what + ": it is " + tx.status
				+ ((tx.fraudStatus != null) ? " (fraud status " + tx.fraudStatus + ")" : "") + "; " + rule);
	}

	private static boolean reversible(SimulatedTransaction tx) {
		return tx.methodFields.has("permata_va_number") || "echannel".equals(tx.paymentType)
				|| "indomaret".equals(Wire.text(tx.methodFields, "store"));
	}

	private void paidDetails(SimulatedTransaction tx) {
		Instant now = this.clock.instant();
		switch (tx.paymentType) {
			case "bank_transfer" -> {
				ObjectNode paid = tx.methodFields.putArray("payment_amounts").addObject();
				paid.put("paid_at", Wire.time(now));
				paid.put("amount", Wire.amount(tx.grossAmount));
			}
			case "gopay" -> tx.methodFields.put("payment_option_type", "GOPAY_WALLET");
			case "qris" -> {
				tx.methodFields.put("transaction_type", "on-us");
				tx.methodFields.put("issuer",
						Optional.ofNullable(Wire.text(tx.methodFields, "acquirer")).orElse("gopay"));
			}
			case "shopeepay" -> tx.methodFields.put("shopeepay_reference_number", SimulatorCharges.digits(16));
			case "cstore" -> tx.methodFields.put("approval_code", SimulatorCharges.digits(12));
			default -> {
			}
		}
	}

	// ---------------------------------------------------------------- expiry, state

	/**
	 * Everything the clock drives: unpaid transactions expire, subscriptions renew and
	 * retry, invoices become overdue, failed notifications are re-delivered.
	 */
	synchronized void expireDue() {
		Instant now = this.clock.instant();
		for (SimulatedTransaction tx : List.copyOf(this.all)) {
			if ("pending".equals(tx.status) && tx.expiryTime != null && !now.isBefore(tx.expiryTime)) {
				transition(tx, "expire", tx.fraudStatus);
			}
		}
		this.subscriptions.runDue(now);
		this.invoices.markOverdue(now);
		this.notifications.releaseDue();
	}

	// ---------------------------------------------------------------- for the other APIs

	/**
	 * Whether an order id is used by a transaction that blocks its reuse.
	 */
	boolean orderIdTaken(String orderId) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		return existing != null && !existing.orderIdReusable();
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

	String clientKey() {
		return this.clientKey;
	}

	/**
	 * The simulator's base URL, for the URLs put in answers.
	 */
	String baseUrl() {
		return this.baseUrl.get();
	}

	/**
	 * Whether an open Snap checkout holds an order id.
	 */
	boolean snapHolds(String orderId) {
		return this.snap.holds(orderId);
	}

	/**
	 * Every transaction, oldest first (read under this engine's lock).
	 */
	List<SimulatedTransaction> all() {
		return this.all;
	}

	/**
	 * Keep a new transaction and send its first notification.
	 */
	void register(SimulatedTransaction tx) {
		this.byOrderId.put(tx.orderId, tx);
		this.byTransactionId.put(tx.transactionId, tx);
		this.all.add(tx);
		logger.info("Simulated {} transaction for order '{}' ({}) created as {}", tx.paymentType, tx.orderId,
				tx.transactionId, tx.status);
		notify(tx);
	}

	/**
	 * A delegate for {@link SimulatorSnap}: the item checks of a charge.
	 */
	void checkItems(@Nullable JsonNode items, @Nullable Long gross, List<String> errors) {
		this.charges.checkItems(items, gross, errors);
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
	 * An order id not used yet: the prefix, a dash and a numeric suffix.
	 */
	String uniqueOrderId(String prefix) {
		String orderId;
		do {
			this.orderSequence++;
			orderId = prefix + "-" + (this.clock.instant().getEpochSecond() * 1000 + this.orderSequence);
		}
		while (this.byOrderId.containsKey(orderId));
		return orderId;
	}

	/**
	 * Create a transaction made by another API (subscription renewal, invoice or link
	 * payment) in the given state, and notify it like a charge.
	 */
	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			String status, @Nullable String fraudStatus) {
		return recordTransaction(orderId, paymentType, gross, method, Wire.object(), status, fraudStatus);
	}

	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			ObjectNode echoed, String status, @Nullable String fraudStatus) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		if (existing != null && !existing.orderIdReusable()) {
			throw new IllegalStateException(
					"Order id '" + orderId + "' is already used by a transaction that is " + existing.status);
		}
		Instant now = this.clock.instant();
		SimulatedTransaction tx = new SimulatedTransaction(UUID.randomUUID().toString(), orderId, paymentType, gross,
				now, method, Wire.object(), echoed, List.of(), List.of(), false, status, fraudStatus, null);
		if ("settlement".equals(status)) {
			tx.settlementTime = now;
		}
		this.byOrderId.put(orderId, tx);
		this.byTransactionId.put(tx.transactionId, tx);
		this.all.add(tx);
		logger.info("Simulated {} transaction for order '{}' ({}) created as {}", paymentType, orderId,
				tx.transactionId, status);
		notify(tx);
		return tx;
	}

	TransactionSnapshot snapshotOf(String orderIdOrTransactionId) {
		SimulatedTransaction tx = find(orderIdOrTransactionId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction '" + orderIdOrTransactionId + "'");
		}
		return tx.snapshot();
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
			ObjectNode body = SimulatorPayAccounts.notification(account, this.merchantId);
			this.notifications.send(List.of(this.payAccountNotificationUrl), account.id, account.status,
					Wire.text(body, "status_code"), Wire.write(body));
		}
	}

	// ---------------------------------------------------------------- scenarios of the
	// other APIs

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

	void transition(SimulatedTransaction tx, String to, @Nullable String fraudStatus) {
		String from = tx.status;
		tx.status = to;
		tx.fraudStatus = fraudStatus;
		if ("settlement".equals(to)) {
			tx.settlementTime = this.clock.instant();
		}
		logger.info("Simulated order '{}' ({}) moved from {} to {}", tx.orderId, tx.transactionId, from, to);
		notify(tx);
	}

	private void notify(SimulatedTransaction tx) {
		List<String> urls = new ArrayList<>();
		if (!tx.overrideUrls.isEmpty()) {
			urls.addAll(tx.overrideUrls);
		}
		else {
			if (this.notificationUrl != null) {
				urls.add(this.notificationUrl);
			}
			urls.addAll(tx.appendUrls);
		}
		if (urls.isEmpty()) {
			return;
		}
		String code = notificationCodeOf(tx.status);
		ObjectNode body = statusBody(tx, code, "midtrans payment notification");
		this.notifications.send(urls, tx.orderId, tx.status, code, Wire.write(body));
	}

	synchronized Optional<TransactionSnapshot> snapshot(String orderIdOrTransactionId) {
		expireDue();
		return Optional.ofNullable(find(orderIdOrTransactionId)).map(SimulatedTransaction::snapshot);
	}

	synchronized List<TransactionSnapshot> snapshots() {
		expireDue();
		return this.all.stream().map(SimulatedTransaction::snapshot).toList();
	}

	synchronized ArrayNode statusBodies() {
		expireDue();
		ArrayNode list = Wire.MAPPER.createArrayNode();
		for (SimulatedTransaction tx : this.all) {
			list.add(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
		}
		return list;
	}

	synchronized @Nullable ObjectNode statusBody(String orderIdOrTransactionId) {
		expireDue();
		SimulatedTransaction tx = find(orderIdOrTransactionId);
		return (tx != null) ? statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found") : null;
	}

	synchronized void reset() {
		this.snap.clear();
		this.cards.reset();
		this.payAccounts.reset();
		this.subscriptions.reset();
		this.invoices.reset();
		this.paymentLinks.reset();
		this.byOrderId.clear();
		this.byTransactionId.clear();
		this.all.clear();
		this.idempotent.clear();
	}

	private @Nullable SimulatedTransaction find(String id) {
		SimulatedTransaction tx = this.byTransactionId.get(id);
		return (tx != null) ? tx : this.byOrderId.get(id);
	}

	// ---------------------------------------------------------------- bodies

	void common(ObjectNode body, SimulatedTransaction tx) {
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("merchant_id", this.merchantId);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		if (tx.fraudStatus != null) {
			body.put("fraud_status", tx.fraudStatus);
		}
		if (tx.expiryTime != null) {
			body.put("expiry_time", Wire.time(tx.expiryTime));
		}
		if (tx.settlementTime != null) {
			body.put("settlement_time", Wire.time(tx.settlementTime));
		}
		body.setAll(tx.methodFields.deepCopy());
	}

	private ObjectNode summary(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = Wire.object();
		body.put("status_code", statusCode);
		body.put("status_message", message);
		common(body, tx);
		return body;
	}

	private ObjectNode statusBody(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = summary(tx, statusCode, message);
		body.setAll(tx.echoedFields.deepCopy());
		if (!tx.refunds.isEmpty()) {
			body.put("refund_amount", Wire.amount(tx.refundAmount()));
			ArrayNode refunds = body.putArray("refunds");
			for (SimulatedTransaction.Refund refund : tx.refunds) {
				ObjectNode entry = refunds.addObject();
				entry.put("refund_chargeback_id", refund.id());
				entry.put("refund_chargeback_uuid", refund.uuid());
				entry.put("refund_amount", Wire.amount(refund.amount()));
				entry.put("created_at", Wire.time(refund.createdAt()));
				if (refund.reason() != null) {
					entry.put("reason", refund.reason());
				}
				entry.put("refund_key", refund.key());
				entry.put("refund_method", "online");
				if (refund.bankConfirmedAt() != null) {
					entry.put("bank_confirmed_at", Wire.time(refund.bankConfirmedAt()));
				}
			}
		}
		String grossAmount = Wire.amount(tx.grossAmount);
		body.put("signature_key", NotificationSignature.compute(tx.orderId, statusCode, grossAmount, this.serverKey));
		return body;
	}

	private ObjectNode refundBody(SimulatedTransaction tx, SimulatedTransaction.Refund refund) {
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Success, refund request is approved");
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("refund_chargeback_id", refund.id());
		body.put("refund_chargeback_uuid", refund.uuid());
		body.put("refund_amount", Wire.amount(refund.amount()));
		body.put("refund_key", refund.key());
		return body;
	}

	/** {@code status_code} of a status answer. */
	static String statusCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "failure" -> "202";
			case "expire" -> "407";
			default -> "200";
		};
	}

	/** {@code status_code} of a notification. */
	static String notificationCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "expire", "failure" -> "202";
			default -> "200";
		};
	}

	static @Nullable Long wholeRupiah(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && node.asString().trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(node.asString().trim());
		}
		return null;
	}

	private static Answer notFound() {
		return Answer.ok(Wire.error("404", "Transaction doesn't exist."));
	}

	private static Answer cannotModify() {
		return Answer.ok(Wire.error("412", "Merchant cannot modify the status of the transaction"));
	}

	static Answer validation(List<String> messages) {
		ObjectNode body = Wire.error("400", "One or more parameters in the payload is invalid.");
		ArrayNode list = body.putArray("validation_messages");
		messages.forEach(list::add);
		return new Answer(400, Wire.write(body), Map.of(), false);
	}

	/**
	 * An answer to send: HTTP status, JSON body, extra headers.
	 */
	record Answer(int httpStatus, String body, Map<String, String> headers, boolean replayable) {

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

	private record StoredAnswer(Instant storedAt, Answer answer) {

	}

}
