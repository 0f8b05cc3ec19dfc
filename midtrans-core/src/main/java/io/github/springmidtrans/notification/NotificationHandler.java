package io.github.springmidtrans.notification;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransInvalidResponseException;
import io.github.springmidtrans.client.MidtransOperation;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.PayAccountNotification;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.SubscriptionNotification;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.payaccount.PayAccountService;
import io.github.springmidtrans.payaccount.PayAccountUpdate;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.PaymentUpdate;
import io.github.springmidtrans.subscription.SubscriptionNotificationResult;
import io.github.springmidtrans.subscription.SubscriptionService;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Handles an HTTP notification from Midtrans: stores it for audit whatever happens,
 * verifies its signature (constant time), and applies what Midtrans confirms through
 * {@link PaymentService}: forward moves only, under a row lock, one event after commit.
 *
 * <p>
 * The signature covers {@code order_id}, {@code status_code} and {@code gross_amount}
 * only; every other field of the body is unsigned. With confirmation (the Spring
 * starter's default) a notification that would change a row is read back from Midtrans
 * ({@code GET /v2/{order_id}/status}) with no database transaction open, and that answer
 * is applied, never the body; a body that claims nothing new is answered without a read.
 * Without confirmation a body is applied only where its {@code transaction_status} agrees
 * with its signed {@code status_code}. Either way the answer passes
 * {@link PaymentService}'s gate (order id, amount, currency), which flags a mismatch for
 * a person instead of applying it.
 *
 * <p>
 * Subscription notifications (the nested {@code subscription} / {@code transaction}
 * shape, or a created subscription) and pay account notifications ({@code account_id},
 * {@code account_status}) carry no signature this handler can check. When the handler is
 * given a {@link SubscriptionService} and a {@link PayAccountService}, such a body only
 * names what to read back (the subscription, the renewal transaction, the pay account),
 * and Midtrans' answers are applied through those services, with their events; without
 * them, the notification is kept for audit only. The subscription's token is removed from
 * the stored body.
 *
 * <p>
 * The result's {@link NotificationOutcome#httpStatus()} is what to answer Midtrans. The
 * handler never throws for bad input; it reports {@link NotificationOutcome#FAILED} (5xx,
 * so Midtrans re-delivers) only for internal failures that may pass, such as a failed
 * confirmation read.
 *
 * @since 0.1.0
 */
public class NotificationHandler {

	private static final Logger logger = LoggerFactory.getLogger(NotificationHandler.class);

	private static final String COMPLETE = "update midtrans_notification set outcome = ?1, error = null,"
			+ " processed_at = ?2, processing_millis = ?3 where id = ?4";

	private static final String COMPLETE_WITH_ERROR = "update midtrans_notification set outcome = ?1, error = ?5,"
			+ " processed_at = ?2, processing_millis = ?3 where id = ?4";

	private static final String STORED_PAYMENT = "select p.orderId, p.status, p.grossAmount, p.fraudStatus,"
			+ " p.refundedAmount, p.paymentType from MidtransPayment p where p.orderId = :orderId";

	private static final NotificationOutcomeConverter NOTIFICATION_OUTCOMES = new NotificationOutcomeConverter();

	/** The longest piece of a notification written to a log line. */
	private static final int MAX_LOGGED = 100;

	private final MidtransClient client;

	private final PaymentService payments;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean confirmWithStatus;

	private final List<UnmatchedTransactionHandler> unmatchedHandlers;

	private final @Nullable SubscriptionService subscriptions;

	private final @Nullable PayAccountService payAccounts;

	private final JsonMapper json = MidtransJson.newMapper();

	/**
	 * Create a handler.
	 * @param client the client whose server key signs notifications
	 * @param payments the payment service that applies them
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param clock the clock for timestamps
	 * @param confirmWithStatus whether to read the transaction from Midtrans and apply
	 * that instead of the notification's body ({@code true} is the safe choice: without
	 * it the body's unsigned fields are trusted where they agree with its signed status
	 * code)
	 */
	public NotificationHandler(MidtransClient client, PaymentService payments, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock, boolean confirmWithStatus) {
		this(client, payments, entityManager, transactionManager, clock, confirmWithStatus, List.of());
	}

	/**
	 * Create a handler that also passes verified notifications for unknown orders (such
	 * as subscription renewals and invoice payments, which Midtrans creates itself) to
	 * other handlers, in order, until one takes it.
	 * @param client the client whose server key signs notifications
	 * @param payments the payment service that applies them
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param clock the clock for timestamps
	 * @param confirmWithStatus whether to read the transaction from Midtrans and apply
	 * that instead of the notification's body
	 * @param unmatchedHandlers handlers for notifications of unknown orders
	 */
	public NotificationHandler(MidtransClient client, PaymentService payments, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock, boolean confirmWithStatus,
			List<UnmatchedTransactionHandler> unmatchedHandlers) {
		this(client, payments, entityManager, transactionManager, clock, confirmWithStatus, unmatchedHandlers, null,
				null);
	}

	/**
	 * Create a handler that also applies subscription notifications (from the Recurring
	 * Notification URL) and pay account notifications (from the Pay Account Notification
	 * URL). Neither shape carries a usable signature: each only names what to read back
	 * from Midtrans, and Midtrans' answer is applied through the service, never the body.
	 * Without a service, that shape is kept for audit only.
	 * @param client the client whose server key signs notifications
	 * @param payments the payment service that applies them
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param clock the clock for timestamps
	 * @param confirmWithStatus whether to read the transaction from Midtrans and apply
	 * that instead of the notification's body
	 * @param unmatchedHandlers handlers for notifications of unknown orders
	 * @param subscriptions the service that applies subscription notifications, if any
	 * @param payAccounts the service that applies pay account notifications, if any
	 */
	public NotificationHandler(MidtransClient client, PaymentService payments, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock, boolean confirmWithStatus,
			List<UnmatchedTransactionHandler> unmatchedHandlers, @Nullable SubscriptionService subscriptions,
			@Nullable PayAccountService payAccounts) {
		this.subscriptions = subscriptions;
		this.payAccounts = payAccounts;
		this.unmatchedHandlers = List.copyOf(unmatchedHandlers);
		this.client = client;
		this.payments = payments;
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.confirmWithStatus = confirmWithStatus;
	}

	/**
	 * Handle one notification body.
	 * @param body the raw request body, exactly as received
	 * @return what became of it
	 */
	public NotificationResult handle(@Nullable String body) {
		Instant receivedAt = this.clock.instant();
		JsonNode tree = parse(body);
		Long auditId;
		Audit audit = new Audit(receivedAt);
		try {
			auditId = this.transactions.execute((status) -> {
				Long id = store(new MidtransNotification(redact(body, tree), receivedAt), tree);
				// The payment a signed notification names is read in the same short
				// transaction as the audit row, before any call to Midtrans.
				String orderId = signedPaymentOrderId(tree);
				if (orderId != null) {
					audit.read(storedPayment(orderId));
				}
				return id;
			});
		}
		catch (DataAccessException | TransactionException | PersistenceException ex) {
			logger.error("Midtrans notification could not be stored: {}", loggable(ex.getMessage()));
			return new NotificationResult(NotificationOutcome.FAILED, null, null,
					"the notification could not be stored", null);
		}
		audit.id = auditId;
		NotificationResult result = process(body, tree, audit);
		if (audit.completed) {
			// Recorded with the answer it applied, in the same transaction.
			return result;
		}
		try {
			this.transactions.executeWithoutResult((status) -> complete(auditId, receivedAt, result));
		}
		catch (DataAccessException | TransactionException | PersistenceException ex) {
			logger.error("Outcome of Midtrans notification {} could not be stored: {}", auditId,
					loggable(ex.getMessage()));
		}
		return result;
	}

	private NotificationResult process(@Nullable String body, @Nullable JsonNode tree, Audit audit) {
		Long auditId = Objects.requireNonNull(audit.id);
		if (body == null || tree == null || !tree.isObject()) {
			return result(NotificationOutcome.MALFORMED, null, null, "the body is not a JSON object", auditId);
		}
		String orderId = text(tree, "order_id");
		if (tree.has("subscription") || isSubscriptionCreation(tree)) {
			return subscription(tree, auditId);
		}
		if (tree.has("account_id") && orderId == null) {
			return payAccount(tree, auditId);
		}
		String statusCode = text(tree, "status_code");
		String grossAmount = text(tree, "gross_amount");
		String signature = text(tree, "signature_key");
		if (orderId == null || statusCode == null || grossAmount == null || signature == null) {
			return result(NotificationOutcome.MALFORMED, orderId, null,
					"order_id, status_code, gross_amount and signature_key are required", auditId);
		}
		// signedPaymentOrderId checked these same fields of the same body: the payment
		// was read with the audit row exactly when the signature holds.
		if (!audit.paymentRead) {
			logger.warn("Midtrans notification for order '{}' rejected: the signature does not match",
					loggable(orderId));
			return result(NotificationOutcome.INVALID_SIGNATURE, orderId, null, "the signature does not match",
					auditId);
		}
		TransactionResponse notification;
		try {
			// Signature already checked above: only map the tree parsed once.
			notification = MidtransJson.read(this.json, tree, TransactionResponse.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return result(NotificationOutcome.MALFORMED, orderId, null,
					"Midtrans notification for order '" + orderId + "' rejected: fields have the wrong type", auditId);
		}
		try {
			StoredPayment payment = audit.payment;
			if (payment == null) {
				return unmatched(orderId, truth(orderId, statusCode, notification), auditId);
			}
			if (this.confirmWithStatus || !consistent(statusCode, notification)) {
				// The body is unsigned beyond order id, status code and amount: it only
				// decides whether Midtrans is asked. A body that claims nothing new is
				// not worth a read; anything else is read back and that answer applied.
				NotificationResult known = knownAlready(payment, notification, orderId, auditId);
				if (known != null) {
					return known;
				}
			}
			TransactionResponse truth = truth(orderId, statusCode, notification);
			// The answer is applied and the outcome audited in one short transaction; if
			// it fails, the failure is audited on its own afterwards.
			NotificationResult result = this.payments.apply(truth, (update) -> {
				NotificationResult outcome = applied(update, notification, payment, orderId, grossAmount, auditId);
				complete(auditId, audit.receivedAt, outcome);
				return outcome;
			});
			audit.completed = true;
			return result;
		}
		catch (MidtransException | DataAccessException | TransactionException | PersistenceException ex) {
			logger.warn("Midtrans notification for order '{}' failed and will be re-delivered: {}", loggable(orderId),
					loggable(ex.getMessage()));
			return result(NotificationOutcome.FAILED, orderId, null, "processing failed; Midtrans will re-deliver",
					auditId);
		}
	}

	/**
	 * The result of a notification whose answer was applied.
	 */
	private NotificationResult applied(PaymentUpdate update, TransactionResponse notification, StoredPayment payment,
			String orderId, String grossAmount, Long auditId) {
		NotificationOutcome outcome = switch (update.change().outcome()) {
			case APPLIED -> NotificationOutcome.PROCESSED;
			case UNCHANGED -> NotificationOutcome.DUPLICATE;
			case STALE -> NotificationOutcome.STALE;
			case UNKNOWN_STATUS -> NotificationOutcome.IGNORED;
			case FLAGGED -> (update.payment().getFlag() == PaymentFlag.AMOUNT_MISMATCH)
					? NotificationOutcome.AMOUNT_MISMATCH : NotificationOutcome.FLAGGED;
		};
		String message = switch (outcome) {
			case STALE -> "the payment is already " + update.change().previous();
			case IGNORED -> "unknown transaction_status";
			case AMOUNT_MISMATCH, FLAGGED ->
				"not applied; payment flagged " + update.payment().getFlag() + ": " + update.payment().getFlagDetail();
			default -> null;
		};
		BigDecimal signed = notification.grossAmount();
		if (outcome != NotificationOutcome.AMOUNT_MISMATCH && outcome != NotificationOutcome.FLAGGED
				&& (signed == null || signed.compareTo(payment.grossAmount()) != 0)) {
			// Signed by Midtrans for another amount, yet Midtrans' own answer matches the
			// payment: that answer was applied, and the odd notification is reported.
			logger.error(
					"Midtrans notification for order '{}' carries amount {} but the payment is {}; "
							+ "Midtrans' status answer agrees with the payment and was applied",
					loggable(orderId), loggable(grossAmount), payment.grossAmount().toPlainString());
			return result(NotificationOutcome.AMOUNT_MISMATCH, orderId, update.payment().getStatus(),
					"the notification's amount " + grossAmount + " differs from the payment's "
							+ payment.grossAmount().toPlainString() + "; Midtrans' answer was applied (" + outcome
							+ ")",
					auditId);
		}
		return result(outcome, orderId, update.payment().getStatus(), message, auditId);
	}

	/**
	 * A subscription's creation notification: the subscription object itself, with no
	 * order id.
	 */
	private static boolean isSubscriptionCreation(JsonNode tree) {
		return !tree.has("order_id") && tree.has("id") && tree.has("schedule");
	}

	private NotificationResult subscription(JsonNode tree, Long auditId) {
		if (this.subscriptions == null) {
			return result(NotificationOutcome.IGNORED, null, null, "subscription notifications are kept for audit only",
					auditId);
		}
		SubscriptionNotification notification;
		try {
			JsonNode nested = tree.get("subscription");
			if (nested != null && !nested.isObject()) {
				return result(NotificationOutcome.MALFORMED, null, null, "subscription is not an object", auditId);
			}
			notification = (nested != null) ? MidtransJson.read(this.json, tree, SubscriptionNotification.class)
					: SubscriptionNotification
						.ofCreation(MidtransJson.read(this.json, tree, SubscriptionResponse.class));
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return result(NotificationOutcome.MALFORMED, null, null,
					"subscription notification rejected: fields have the wrong type", auditId);
		}
		String subscriptionId = notification.subscriptionId();
		if (subscriptionId == null || subscriptionId.isBlank()) {
			return result(NotificationOutcome.MALFORMED, null, null, "subscription.id is required", auditId);
		}
		Optional<SubscriptionNotificationResult> applied;
		try {
			// Unsigned: the body only names what to read; Midtrans' answers are applied.
			applied = this.subscriptions.applyNotification(notification);
		}
		catch (IllegalStateException ex) {
			logger.warn("Midtrans notification for subscription '{}' not applied: {}", loggable(subscriptionId),
					loggable(ex.getMessage()));
			return result(NotificationOutcome.IGNORED, null, null, ex.getMessage(), auditId);
		}
		catch (MidtransException | DataAccessException | TransactionException | PersistenceException ex) {
			logger.warn("Midtrans notification for subscription '{}' failed and will be re-delivered: {}",
					loggable(subscriptionId), loggable(ex.getMessage()));
			return result(NotificationOutcome.FAILED, null, null, "processing failed; Midtrans will re-deliver",
					auditId);
		}
		if (applied.isEmpty()) {
			logger.warn("Midtrans notification for unknown subscription '{}' ignored", loggable(subscriptionId));
			return result(NotificationOutcome.UNKNOWN_ORDER, null, null, "no such subscription is stored", auditId);
		}
		SubscriptionNotificationResult outcome = applied.get();
		MidtransPayment renewal = outcome.renewalPayment();
		String renewalOrderId = (renewal != null) ? renewal.getOrderId() : null;
		PaymentStatus renewalStatus = (renewal != null) ? renewal.getStatus() : null;
		logger.info("Midtrans notification for subscription '{}' applied as Midtrans confirmed it: {} ({})",
				loggable(subscriptionId), outcome.subscription().getStatus(), outcome.message());
		NotificationOutcome result = switch (outcome.renewal()) {
			case FLAGGED -> (renewal != null && renewal.getFlag() == PaymentFlag.AMOUNT_MISMATCH)
					? NotificationOutcome.AMOUNT_MISMATCH : NotificationOutcome.FLAGGED;
			case NOT_ITS_RENEWAL -> NotificationOutcome.IGNORED;
			default -> outcome.changed() ? NotificationOutcome.PROCESSED : NotificationOutcome.DUPLICATE;
		};
		// Anyone can post this unsigned shape, and the message is answered to the caller:
		// it says what was done with the body, never what the subscription or payment
		// holds (the log and the rows have that).
		String message = switch (outcome.renewal()) {
			case FLAGGED ->
				"renewal not recorded as charged; payment flagged " + ((renewal != null) ? renewal.getFlag() : null);
			case NOT_ITS_RENEWAL, UNCONFIRMED -> outcome.message();
			default -> null;
		};
		return result(result, renewalOrderId, renewalStatus, message, auditId);
	}

	private NotificationResult payAccount(JsonNode tree, Long auditId) {
		if (this.payAccounts == null) {
			return result(NotificationOutcome.IGNORED, null, null, "pay account notifications are kept for audit only",
					auditId);
		}
		PayAccountNotification notification;
		try {
			notification = MidtransJson.read(this.json, tree, PayAccountNotification.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			return result(NotificationOutcome.MALFORMED, null, null,
					"pay account notification rejected: fields have the wrong type", auditId);
		}
		String accountId = notification.accountId();
		if (accountId == null || accountId.isBlank()) {
			return result(NotificationOutcome.MALFORMED, null, null, "account_id is required", auditId);
		}
		Optional<PayAccountUpdate> applied;
		try {
			// The signature formula of these notifications is not published: the body
			// only names the account, whose state is read back from Midtrans.
			applied = this.payAccounts.applyNotification(notification);
		}
		catch (MidtransException | DataAccessException | TransactionException | PersistenceException ex) {
			logger.warn("Midtrans notification for pay account '{}' failed and will be re-delivered: {}",
					loggable(accountId), loggable(ex.getMessage()));
			return result(NotificationOutcome.FAILED, null, null, "processing failed; Midtrans will re-deliver",
					auditId);
		}
		if (applied.isEmpty()) {
			logger.warn("Midtrans notification for unknown pay account '{}' ignored", loggable(accountId));
			return result(NotificationOutcome.UNKNOWN_ORDER, null, null, "no such pay account is stored", auditId);
		}
		PayAccountUpdate update = applied.get();
		logger.info("Midtrans notification for pay account '{}' applied as Midtrans confirmed it: {}",
				loggable(accountId), update.account().getStatus());
		// The message is answered to the caller of this unsigned shape: no account state.
		return result(update.changed() ? NotificationOutcome.PROCESSED : NotificationOutcome.DUPLICATE, null, null,
				null, auditId);
	}

	private NotificationResult unmatched(String orderId, TransactionResponse truth, Long auditId) {
		if (truth.orderId() != null && !orderId.equals(truth.orderId())) {
			// Only Midtrans' answer about this very order id may be applied.
			throw new MidtransInvalidResponseException("The status read of order '" + loggable(orderId)
					+ "' answered about order '" + loggable(truth.orderId()) + "'", MidtransOperation.STATUS, orderId,
					200, null);
		}
		for (UnmatchedTransactionHandler handler : this.unmatchedHandlers) {
			Optional<String> handled;
			try {
				handled = handler.handle(truth);
			}
			catch (IllegalArgumentException | IllegalStateException ex) {
				// Conflicting data: a re-delivery would not change it; keep it for a
				// person.
				logger.warn("Midtrans notification for order '{}' not applied: {}", loggable(orderId),
						loggable(ex.getMessage()));
				return result(NotificationOutcome.IGNORED, orderId, null, ex.getMessage(), auditId);
			}
			if (handled.isPresent()) {
				return result(NotificationOutcome.PROCESSED, orderId, null, handled.get(), auditId);
			}
		}
		logger.warn("Midtrans notification for unknown order '{}' ignored", loggable(orderId));
		return result(NotificationOutcome.UNKNOWN_ORDER, orderId, null, "no payment with this order id is stored",
				auditId);
	}

	/**
	 * What to apply: Midtrans' own answer to a status read, unless confirmation is
	 * switched off and the body's claimed status agrees with its signed status code.
	 */
	private TransactionResponse truth(String orderId, String statusCode, TransactionResponse notification) {
		if (!this.confirmWithStatus && consistent(statusCode, notification)) {
			return notification;
		}
		return this.client.status(orderId);
	}

	/**
	 * The result for a notification whose body claims nothing the payment does not
	 * already hold (a re-delivery), or a move the table refuses (a late one): no read is
	 * needed, since applying Midtrans' answer could only be prompted by news.
	 * {@code null} when the body claims news.
	 */
	private @Nullable NotificationResult knownAlready(StoredPayment payment, TransactionResponse notification,
			String orderId, Long auditId) {
		PaymentStatus claimed = PaymentStatus.of(notification.transactionStatus());
		PaymentStatus current = payment.status();
		boolean sameAmount = notification.grossAmount() != null
				&& notification.grossAmount().compareTo(payment.grossAmount()) == 0;
		if (claimed == null || !sameAmount) {
			return null;
		}
		if (claimed != current) {
			if (current.canMoveTo(claimed)) {
				return null;
			}
			return result(NotificationOutcome.STALE, orderId, current, "the payment is already " + current, auditId);
		}
		FraudStatus fraud = notification.fraudStatus();
		boolean fraudNews = fraud != null && fraud != FraudStatus.UNKNOWN
				&& !fraud.wireValue().equals(payment.fraudStatus());
		boolean refundNews = notification.refundAmount() != null && (payment.refundedAmount() == null
				|| notification.refundAmount().compareTo(payment.refundedAmount()) > 0);
		boolean methodNews = payment.paymentType() == null && notification.paymentType() != null
				&& notification.paymentType() != PaymentType.UNKNOWN;
		if (fraudNews || refundNews || methodNews) {
			return null;
		}
		return result(NotificationOutcome.DUPLICATE, orderId, current, null, auditId);
	}

	/**
	 * Record the outcome on the audit row: one statement, without reading the row back.
	 * Plain SQL: a JPQL update would be translated again on every execution.
	 */
	private void complete(Long auditId, Instant receivedAt, NotificationResult result) {
		Instant processedAt = this.clock.instant();
		String error = MidtransNotification.storable(result.message(), MidtransNotification.MAX_ERROR);
		long millis = Math.max(0, processedAt.toEpochMilli() - receivedAt.toEpochMilli());
		Query update = this.entityManager.createNativeQuery((error != null) ? COMPLETE_WITH_ERROR : COMPLETE)
			.setParameter(1, NOTIFICATION_OUTCOMES.convertToDatabaseColumn(result.outcome()))
			.setParameter(2, processedAt)
			.setParameter(3, millis)
			.setParameter(4, auditId);
		if (error != null) {
			update.setParameter(5, error);
		}
		update.executeUpdate();
	}

	private Long store(MidtransNotification audit, @Nullable JsonNode tree) {
		if (tree != null && tree.isObject()) {
			audit.identify(text(tree, "order_id"), text(tree, "transaction_id"), text(tree, "transaction_status"),
					text(tree, "status_code"), text(tree, "gross_amount"));
		}
		this.entityManager.persist(audit);
		this.entityManager.flush();
		return audit.getId();
	}

	/**
	 * Whether the body's {@code transaction_status}, which the signature does not cover,
	 * agrees with its signed {@code status_code}: 201 for pending (and a card capture on
	 * fraud challenge), 200 for a payment made or refunded, 202 (or 407 for expiry) for
	 * one that failed. Only such a body may be applied without confirmation; any other is
	 * read back from Midtrans.
	 */
	static boolean consistent(String statusCode, TransactionResponse notification) {
		TransactionStatus status = notification.transactionStatus();
		if (status == null) {
			return false;
		}
		boolean challenged = notification.fraudStatus() == FraudStatus.CHALLENGE;
		return switch (status) {
			case PENDING -> "201".equals(statusCode);
			case AUTHORIZE -> "200".equals(statusCode) || "201".equals(statusCode);
			case CAPTURE -> challenged ? "201".equals(statusCode) : "200".equals(statusCode);
			case SETTLEMENT, REFUND, PARTIAL_REFUND, CHARGEBACK, PARTIAL_CHARGEBACK -> "200".equals(statusCode);
			case DENY, CANCEL, FAILURE -> "202".equals(statusCode);
			case EXPIRE -> "202".equals(statusCode) || "407".equals(statusCode);
			case UNKNOWN -> false;
		};
	}

	/**
	 * Text from an unverified body, fit for one log line: control, line-separator and
	 * format characters (which could forge log lines or reorder text) become {@code ?},
	 * and anything long is cut.
	 */
	static String loggable(@Nullable String text) {
		if (text == null) {
			return "null";
		}
		int limit = Math.min(text.length(), MAX_LOGGED);
		StringBuilder line = new StringBuilder(limit + 24);
		for (int i = 0; i < limit; i++) {
			char c = text.charAt(i);
			int type = Character.getType(c);
			boolean unsafe = Character.isISOControl(c) || type == Character.LINE_SEPARATOR
					|| type == Character.PARAGRAPH_SEPARATOR || type == Character.FORMAT || type == Character.SURROGATE;
			line.append(unsafe ? '?' : c);
		}
		if (text.length() > MAX_LOGGED) {
			line.append("...(").append(text.length()).append(" chars)");
		}
		return line.toString();
	}

	/**
	 * The order id of a payment notification whose signature holds, or {@code null} for
	 * any other body.
	 */
	private @Nullable String signedPaymentOrderId(@Nullable JsonNode tree) {
		if (tree == null || !tree.isObject() || tree.has("subscription") || isSubscriptionCreation(tree)) {
			return null;
		}
		String orderId = text(tree, "order_id");
		String statusCode = text(tree, "status_code");
		String grossAmount = text(tree, "gross_amount");
		String signature = text(tree, "signature_key");
		if (orderId == null || statusCode == null || grossAmount == null || signature == null) {
			return null;
		}
		return this.client.isValidSignature(signature, orderId, statusCode, grossAmount) ? orderId : null;
	}

	/**
	 * What the handler decides on of the payment with this order id, read as columns: the
	 * entity with its items would cost a join, its hydration and a check for changes at
	 * commit, for a payment that is read again under lock before anything is applied.
	 */
	private @Nullable StoredPayment storedPayment(String orderId) {
		return this.entityManager.createQuery(STORED_PAYMENT, Object[].class)
			.setParameter("orderId", orderId)
			.getResultStream()
			.map((row) -> new StoredPayment((String) row[0], (PaymentStatus) row[1], (BigDecimal) row[2],
					(String) row[3], (BigDecimal) row[4], (String) row[5]))
			// MySQL and MariaDB ignore trailing spaces even under a binary collation.
			.filter((payment) -> payment.orderId().equals(orderId))
			.findFirst()
			.orElse(null);
	}

	/**
	 * The payment's fields a notification is judged against before Midtrans is asked.
	 */
	private record StoredPayment(String orderId, PaymentStatus status, BigDecimal grossAmount,
			@Nullable String fraudStatus, @Nullable BigDecimal refundedAmount, @Nullable String paymentType) {
	}

	/**
	 * The audit row of the notification being handled, and the payment read with it.
	 */
	private static final class Audit {

		final Instant receivedAt;

		@Nullable Long id;

		/**
		 * Whether the payment the notification names was read with the audit row, which
		 * happens only when the body's signature holds.
		 */
		boolean paymentRead;

		@Nullable StoredPayment payment;

		/** Whether the outcome is recorded on the row. */
		boolean completed;

		Audit(Instant receivedAt) {
			this.receivedAt = receivedAt;
		}

		void read(@Nullable StoredPayment payment) {
			this.paymentRead = true;
			this.payment = payment;
		}

	}

	private static NotificationResult result(NotificationOutcome outcome, @Nullable String orderId,
			@Nullable PaymentStatus status, @Nullable String message, Long auditId) {
		return new NotificationResult(outcome, orderId, status, message, auditId);
	}

	private @Nullable JsonNode parse(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The body to keep for audit: a one-click card token is a secret and is removed.
	 */
	private static @Nullable String redact(@Nullable String body, @Nullable JsonNode tree) {
		if (!(tree instanceof ObjectNode object)) {
			return body;
		}
		JsonNode subscription = object.get("subscription");
		boolean nestedToken = subscription instanceof ObjectNode && subscription.has("token");
		// A subscription's token charges the customer's card or GoPay account again.
		boolean subscriptionToken = object.has("token") && isSubscriptionCreation(object);
		if (!object.has("saved_token_id") && !nestedToken && !subscriptionToken) {
			return body;
		}
		ObjectNode copy = object.deepCopy();
		if (copy.has("saved_token_id")) {
			copy.put("saved_token_id", "(removed)");
		}
		if (nestedToken) {
			((ObjectNode) copy.get("subscription")).put("token", "(removed)");
		}
		if (subscriptionToken) {
			copy.put("token", "(removed)");
		}
		return copy.toString();
	}

	private static @Nullable String text(JsonNode tree, String field) {
		JsonNode value = tree.get(field);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

}
