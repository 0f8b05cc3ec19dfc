package io.github.springmidtrans.subscription;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.Function;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.internal.ShortTransactions;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransInvalidResponseException;
import io.github.springmidtrans.client.MidtransOperation;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.SubscriptionNotification;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionUpdateRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.PaymentUpdate;
import io.github.springmidtrans.payment.StatusChange;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

/**
 * Creates and manages subscriptions through the Midtrans Subscriptions API, keeps them in
 * the database, and links their renewal charges to them.
 *
 * <p>
 * Every call to Midtrans follows the three visible phases of {@link PaymentService}: (1)
 * a short transaction records the intent (a new subscription gets its row and its
 * {@code Idempotency-Key} first); (2) Midtrans is called with no transaction open; (3) a
 * short transaction applies the answer to the locked row through
 * {@link SubscriptionStatus}' table. Events are published after the transaction that
 * recorded them completed. Methods that call Midtrans refuse to run inside a database
 * transaction.
 *
 * @since 0.1.0
 */
public class SubscriptionService {

	/**
	 * How long after a check the periodic sync reads a subscription again, by default.
	 */
	public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofHours(1);

	/**
	 * How long {@link #create(SubscriptionRequest)} treats a request with the same
	 * content as a repeat of one Midtrans already answered: as long as Midtrans keeps a
	 * subscription's idempotency key.
	 */
	public static final Duration SAME_REQUEST_WINDOW = Duration.ofMinutes(3);

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionService.class);

	private final MidtransClient client;

	private final MidtransSubscriptionRepository subscriptions;

	private final PaymentService paymentService;

	private final ShortTransactions<Object> transactions;

	private final Clock clock;

	private final Duration checkInterval;

	private final JsonMapper json = MidtransJson.newMapper();

	/**
	 * Create a service that syncs each subscription every
	 * {@link #DEFAULT_CHECK_INTERVAL}.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param paymentService the payment service that applies renewal transactions
	 * @param publisher where subscription events go
	 * @param clock the clock for timestamps
	 */
	public SubscriptionService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, PaymentService paymentService,
			ApplicationEventPublisher publisher, Clock clock) {
		this(client, entityManager, transactionManager, paymentService, publisher, clock, DEFAULT_CHECK_INTERVAL);
	}

	/**
	 * Create a service.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param paymentService the payment service that applies renewal transactions
	 * @param publisher where subscription events go
	 * @param clock the clock for timestamps
	 * @param checkInterval how long after a check the periodic sync reads a subscription
	 * again
	 */
	public SubscriptionService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, PaymentService paymentService,
			ApplicationEventPublisher publisher, Clock clock, Duration checkInterval) {
		if (checkInterval.isNegative() || checkInterval.isZero()) {
			throw new IllegalArgumentException("Subscription check interval must be positive, got " + checkInterval);
		}
		this.client = client;
		this.subscriptions = new MidtransSubscriptionRepository(entityManager);
		this.paymentService = paymentService;
		this.transactions = new ShortTransactions<>(transactionManager, publisher, "SubscriptionService");
		this.clock = clock;
		this.checkInterval = checkInterval;
	}

	/**
	 * Create a subscription under an idempotency key derived from the request, so that a
	 * call repeated after a lost answer (a timeout, a dropped connection, a restart)
	 * never makes a second subscription at Midtrans. The key is {@code sub-}, 32 hex
	 * digits of a SHA-256 of everything the request sends (name, amount, currency,
	 * payment type, token, schedules, metadata, customer and GoPay account; map entries
	 * in key order) and a generation number: at most 46 characters, and it never shows
	 * the token.
	 * <p>
	 * Calling again with equal content:
	 * <ul>
	 * <li>while the first call's subscription is still
	 * {@link SubscriptionStatus#INITIATED} (its answer was lost) sends it again with the
	 * same key, and Midtrans answers with the subscription it already made;</li>
	 * <li>within {@link #SAME_REQUEST_WINDOW} of the first call returns its subscription
	 * as stored, without a call;</li>
	 * <li>later, once Midtrans has answered, creates a new subscription (a customer
	 * subscribing again) under the key's next generation.</li>
	 * </ul>
	 * A request that differs in any field gets another key. Midtrans keeps a
	 * subscription's key for three minutes only: repeat a call whose answer was lost
	 * within that time. To decide yourself what counts as the same subscription, use
	 * {@link #create(SubscriptionRequest, String)} with a key of your own.
	 * @param request the subscription
	 * @return the subscription after Midtrans' answer
	 * @throws MidtransException as for {@link #create(SubscriptionRequest, String)}
	 * @throws IllegalStateException when called inside a database transaction
	 */
	public MidtransSubscription create(SubscriptionRequest request) {
		this.transactions.requireNone("create", "subscription");
		String stem = "sub-" + contentHash(request) + "-";
		MidtransSubscription subscription = this.transactions
			.runRecording((raised) -> initiateByContent(request, stem));
		return send(request, subscription);
	}

	/**
	 * Create a subscription: record it as {@link SubscriptionStatus#INITIATED} under its
	 * idempotency key, call {@code POST /v1/subscriptions} with that key as
	 * {@code Idempotency-Key}, and apply the answer. Calling it again with the same key
	 * is safe: an initiated subscription is sent again with the same key, any other
	 * returns as stored without a call.
	 * @param request the subscription
	 * @param idempotencyKey identifies this intent; 1 to 46 characters, unique
	 * @return the subscription after Midtrans' answer
	 * @throws MidtransException when Midtrans refuses (the subscription is then
	 * {@link SubscriptionStatus#FAILED}) or cannot be reached (it stays initiated; call
	 * again with the same key)
	 * @throws IllegalStateException when the key is already used by a different
	 * subscription, or when called inside a database transaction
	 */
	public MidtransSubscription create(SubscriptionRequest request, String idempotencyKey) {
		this.transactions.requireNone("create", "subscription");
		MidtransSubscription subscription = this.transactions
			.runRecording((raised) -> initiate(request, idempotencyKey));
		return send(request, subscription);
	}

	private MidtransSubscription send(SubscriptionRequest request, MidtransSubscription subscription) {
		if (subscription.getStatus() != SubscriptionStatus.INITIATED) {
			return subscription;
		}
		String idempotencyKey = subscription.getIdempotencyKey();
		RequestOptions options = RequestOptions.none().withIdempotencyKey(idempotencyKey);
		SubscriptionResponse answer;
		try {
			answer = this.client.subscriptions().create(request, options);
		}
		catch (MidtransException ex) {
			this.transactions.run((raised) -> {
				MidtransSubscription locked = lockByKey(idempotencyKey);
				Instant now = this.clock.instant();
				if (ex.isRetryable()) {
					locked.recordAttemptFailure(ex.getMessage(), null, now);
				}
				else {
					collect(raised, locked, locked.markFailed(ex.getMessage(), now), now);
				}
				return locked;
			});
			throw ex;
		}
		return this.transactions.run((raised) -> {
			MidtransSubscription locked = lockByKey(idempotencyKey);
			applyLocked(locked, answer, raised);
			return locked;
		});
	}

	/**
	 * Read the subscription from Midtrans ({@code GET /v1/subscriptions/{id}}) and apply
	 * it. Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription afterwards
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public MidtransSubscription refresh(String subscriptionId) {
		this.transactions.requireNone("refresh", "subscription");
		find(subscriptionId);
		return applyAnswer(subscriptionId, this.client.subscriptions().get(subscriptionId)).subscription;
	}

	/**
	 * Read the subscription from Midtrans and apply it, like {@link #refresh(String)}.
	 * @param subscriptionId Midtrans' subscription id
	 * @return whether its status changed
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws MidtransException when Midtrans cannot be reached or answers an error
	 */
	public boolean sync(String subscriptionId) {
		this.transactions.requireNone("sync", "subscription");
		find(subscriptionId);
		return applyAnswer(subscriptionId, this.client.subscriptions().get(subscriptionId)).change.applied();
	}

	/**
	 * One page of the periodic {@code syncSubscriptionStatus} task: read each
	 * subscription Midtrans may still change (active, inactive, disabled) whose next
	 * check is due, one by one with no transaction open, and apply the answers. Each is
	 * checked again after the configured interval, also when reading it failed.
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size, positive
	 * @return what the page did, with the id to continue after
	 */
	public SubscriptionSyncResult sync(long afterId, int limit) {
		this.transactions.requireNone("sync", "subscription");
		if (limit < 1) {
			throw new IllegalArgumentException("Page size must be positive, got " + limit);
		}
		Instant now = this.clock.instant();
		List<MidtransSubscription> page = this.transactions
			.run((raised) -> this.subscriptions.findDueForSync(now, afterId, limit));
		int changed = 0;
		int failed = 0;
		Long lastId = null;
		for (MidtransSubscription subscription : page) {
			lastId = subscription.getId();
			String subscriptionId = subscription.getSubscriptionId();
			if (subscriptionId == null) {
				continue;
			}
			try {
				if (applyAnswer(subscriptionId, this.client.subscriptions().get(subscriptionId)).change.applied()) {
					changed++;
				}
			}
			catch (MidtransException ex) {
				failed++;
				logger.warn("Subscription '{}' could not be synced: {}", subscriptionId, ex.getMessage());
				this.transactions.run((raised) -> {
					Instant at = this.clock.instant();
					lock(subscriptionId).recordAttemptFailure(ex.getMessage(), at.plus(this.checkInterval), at);
					return null;
				});
			}
		}
		return new SubscriptionSyncResult(page.size(), changed, failed, (page.size() < limit) ? null : lastId);
	}

	/**
	 * Change a subscription's terms ({@code PATCH /v1/subscriptions/{id}}), record them,
	 * and read the subscription back (an update that moves the schedule into the future
	 * revives an inactive subscription). Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @param update the new terms
	 * @return the subscription afterwards
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws IllegalStateException when the subscription is cancelled or failed
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransSubscription update(String subscriptionId, SubscriptionUpdateRequest update) {
		this.transactions.requireNone("update", "subscription");
		MidtransSubscription subscription = find(subscriptionId);
		if (subscription.getStatus().isFinal()) {
			throw new IllegalStateException(
					"Subscription '" + subscriptionId + "' is " + subscription.getStatus() + " and cannot be updated");
		}
		this.client.subscriptions().update(subscriptionId, update);
		this.transactions.run((raised) -> {
			lock(subscriptionId).applyUpdate(update, this.clock.instant());
			return null;
		});
		try {
			return applyAnswer(subscriptionId, this.client.subscriptions().get(subscriptionId)).subscription;
		}
		catch (MidtransException ex) {
			logger.warn("Subscription '{}' was updated but could not be read back: {}", subscriptionId,
					ex.getMessage());
			return find(subscriptionId);
		}
	}

	/**
	 * Disable a subscription ({@code POST /v1/subscriptions/{id}/disable}): no future
	 * charges, though retries of earlier failed charges still run. Safe to repeat; a
	 * disabled subscription returns without a call.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription afterwards
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws IllegalStateException when the subscription is cancelled or failed
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransSubscription disable(String subscriptionId) {
		return act("disable", subscriptionId, SubscriptionStatus.DISABLED,
				() -> this.client.subscriptions().disable(subscriptionId), MidtransSubscription::markDisabled);
	}

	/**
	 * Enable a disabled or inactive subscription again ({@code POST
	 * /v1/subscriptions/{id}/enable}). Safe to repeat; an active subscription returns
	 * without a call.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription afterwards
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws IllegalStateException when the subscription is cancelled or failed
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransSubscription enable(String subscriptionId) {
		return act("enable", subscriptionId, SubscriptionStatus.ACTIVE,
				() -> this.client.subscriptions().enable(subscriptionId), MidtransSubscription::markEnabled);
	}

	/**
	 * Cancel a subscription ({@code POST /v1/subscriptions/{id}/cancel}): no future
	 * charges and no retries. Final. Safe to repeat; a cancelled subscription returns
	 * without a call.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription afterwards
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws IllegalStateException when the subscription failed
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransSubscription cancel(String subscriptionId) {
		return act("cancel", subscriptionId, SubscriptionStatus.CANCELLED,
				() -> this.client.subscriptions().cancel(subscriptionId), MidtransSubscription::markCancelled);
	}

	/**
	 * Record a renewal charge: a transaction Midtrans made for a subscription, whose
	 * order id is the subscription's name followed by a numeric suffix (optionally after
	 * a {@code -}). The subscription is the one with the longest matching name; when
	 * several subscriptions share that name, use
	 * {@link #recordRenewal(String, TransactionResponse)} with the id from the
	 * subscription notification. Pass only verified data (a status answer, or a
	 * notification whose signature was checked).
	 * @param transaction the renewal transaction
	 * @return the linked payment, or empty when no single subscription matches
	 * @throws IllegalArgumentException when the transaction lacks an order id, amount or
	 * status
	 */
	public Optional<MidtransPayment> recordRenewal(TransactionResponse transaction) {
		String orderId = requireRenewal(transaction);
		List<MidtransSubscription> candidates = this.transactions
			.run((raised) -> this.subscriptions.findByNames(namesFor(orderId)));
		int longest = candidates.stream().mapToInt((candidate) -> candidate.getName().length()).max().orElse(0);
		List<MidtransSubscription> best = candidates.stream()
			.filter((candidate) -> candidate.getName().length() == longest)
			.toList();
		if (best.size() != 1) {
			logger.warn("Renewal '{}' matches {} subscriptions by name; not linked", orderId, best.size());
			return Optional.empty();
		}
		return Optional.of(recordRenewal(best.get(0).getSubscriptionId(), transaction));
	}

	/**
	 * Record a renewal charge of a known subscription: create the payment (or find it,
	 * when a charge or an earlier call recorded it), link it to the subscription, and
	 * apply the transaction through {@link PaymentService#apply(TransactionResponse)} in
	 * the same transaction, so the payment moves through its forward-only table and its
	 * payment event is published after commit. A {@link SubscriptionChargedEvent} is
	 * published once per renewal payment, when it is first linked. Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @param transaction the renewal transaction (verified)
	 * @return the linked payment
	 * @throws SubscriptionNotFoundException when no such subscription is stored
	 * @throws IllegalStateException when the payment belongs to another subscription
	 */
	public MidtransPayment recordRenewal(String subscriptionId, TransactionResponse transaction) {
		this.transactions.requireNone("recordRenewal", "subscription");
		return renewal(subscriptionId, transaction).payment();
	}

	private Renewal renewal(String subscriptionId, TransactionResponse transaction) {
		String orderId = requireRenewal(transaction);
		// Phase 1: the payment row exists and is linked, committed.
		Linked linked = this.transactions.run((raised) -> {
			MidtransSubscription subscription = lock(subscriptionId);
			Instant now = this.clock.instant();
			Long id = Objects.requireNonNull(subscription.getId());
			PaymentType type = transaction.paymentType();
			String paymentType = (type != null && type != PaymentType.UNKNOWN) ? type.wireValue()
					: subscription.getPaymentType();
			// The intent is the subscription's amount, whatever the transaction says: the
			// payment service's gate flags a renewal that charged anything else.
			boolean isNew = this.paymentService.recordRenewal(orderId, subscription.getAmount(), paymentType, id);
			return new Linked(subscription.getName(), subscription.getAmount(), isNew);
		});
		// Phase 2: the transaction moves the payment through its forward-only table in a
		// transaction of its own, which also records the charged event: both are
		// delivered at least once after it commits. A crash in between leaves the payment
		// initiated; when Midtrans' next notification of the renewal comes here again,
		// its
		// first move out of initiated raises the event that the crash kept back.
		PaymentUpdate update = this.transactions.run((raised) -> {
			PaymentUpdate applied = this.paymentService.apply(transaction);
			MidtransPayment payment = applied.payment();
			StatusChange change = applied.change();
			boolean firstMove = change.applied() && change.previous() == PaymentStatus.INITIATED;
			if ((linked.isNew() || firstMove) && change.outcome() != StatusChange.Outcome.FLAGGED) {
				Instant now = this.clock.instant();
				raised.add(failed(payment.getStatus())
						? new SubscriptionRenewalFailedEvent(subscriptionId, linked.name(), orderId,
								payment.getTransactionId(), payment.getStatus(), linked.amount(), now)
						: new SubscriptionChargedEvent(subscriptionId, linked.name(), orderId,
								payment.getTransactionId(), payment.getStatus(), payment.isPaid(),
								payment.getGrossAmount(), now));
			}
			return applied;
		});
		MidtransPayment payment = update.payment();
		if (update.change().outcome() == StatusChange.Outcome.FLAGGED) {
			logger.error("Renewal '{}' of subscription '{}' not recorded as charged: {}", orderId, subscriptionId,
					payment.getFlagDetail());
			return new Renewal(payment, false, true);
		}
		if (linked.isNew()) {
			logger.info("Renewal '{}' linked to subscription '{}'", orderId, subscriptionId);
		}
		return new Renewal(payment, linked.isNew(), false);
	}

	/**
	 * Apply a subscription notification (from the Recurring Notification URL) the way
	 * Midtrans confirms it. These notifications carry no signature, so the body only
	 * names what to read, with no database transaction open:
	 * <ul>
	 * <li>the subscription is read back ({@code GET /v1/subscriptions/{id}}) and that
	 * answer applied, with its status events;</li>
	 * <li>when the body names a transaction, it is read back ({@code GET
	 * /v2/{transaction_id}/status}); only a transaction whose order id is this
	 * subscription's name with a numeric suffix, or that Midtrans lists among the
	 * subscription's transactions, is recorded as its renewal, through
	 * {@link #recordRenewal(String, TransactionResponse)}: the payment's gate checks its
	 * amount against the subscription's, and a {@link SubscriptionChargedEvent} or
	 * {@link SubscriptionRenewalFailedEvent} is published once per renewal.</li>
	 * </ul>
	 * A failed charge that created no transaction (status code {@code 500}, or a refusal
	 * such as {@code 411}) cannot be confirmed: only the subscription's state is applied,
	 * and no renewal event is published. Safe to repeat.
	 * @param notification the notification as posted
	 * @return what was applied, or empty when no subscription with this id is stored
	 * @throws IllegalArgumentException when the notification names no subscription
	 * @throws MidtransException when Midtrans cannot be reached, answers an error, or
	 * answers about another subscription or transaction
	 */
	public Optional<SubscriptionNotificationResult> applyNotification(SubscriptionNotification notification) {
		this.transactions.requireNone("applyNotification", "subscription");
		String subscriptionId = notification.subscriptionId();
		if (subscriptionId == null || subscriptionId.isBlank()) {
			throw new IllegalArgumentException("The subscription notification names no subscription id");
		}
		Optional<MidtransSubscription> stored = findBySubscriptionId(subscriptionId);
		if (stored.isEmpty()) {
			return Optional.empty();
		}
		SubscriptionResponse truth = this.client.subscriptions().get(subscriptionId);
		if (truth.id() != null && !subscriptionId.equals(truth.id())) {
			throw new MidtransInvalidResponseException(
					"The read of subscription '" + subscriptionId + "' answered about another subscription",
					MidtransOperation.SUBSCRIPTION_GET, subscriptionId, 200, null);
		}
		Applied applied = applyAnswer(subscriptionId, truth);
		SubscriptionNotification.Charge charge = notification.transaction();
		String transactionId = (charge != null) ? charge.transactionId() : null;
		if (charge == null) {
			return Optional.of(result(applied, null, null));
		}
		if (transactionId == null || transactionId.isBlank()) {
			return Optional.of(new SubscriptionNotificationResult(applied.subscription(), applied.change().applied(),
					null, SubscriptionNotificationResult.Renewal.UNCONFIRMED,
					"the charge created no transaction (status_code " + charge.statusCode() + "); only the"
							+ " subscription's state was read back and applied"));
		}
		TransactionResponse transaction = this.client.status(transactionId);
		if (transaction.transactionId() != null && !transactionId.equals(transaction.transactionId())) {
			throw new MidtransInvalidResponseException(
					"The status read of transaction '" + transactionId + "' answered about another transaction",
					MidtransOperation.STATUS, transactionId, 200, null);
		}
		String orderId = transaction.orderId();
		boolean listed = truth.transactionIds().contains(transactionId);
		boolean named = orderId != null && namesFor(orderId).contains(applied.subscription().getName());
		if (!listed && !named) {
			logger.warn("Subscription '{}' notification names transaction '{}' of order '{}', which is not its renewal",
					subscriptionId, transactionId, orderId);
			return Optional.of(new SubscriptionNotificationResult(applied.subscription(), applied.change().applied(),
					null, SubscriptionNotificationResult.Renewal.NOT_ITS_RENEWAL,
					"transaction " + transactionId + " is not a renewal of this subscription; not recorded"));
		}
		Renewal renewal = renewal(subscriptionId, transaction);
		return Optional.of(result(applied, renewal, transaction));
	}

	private static SubscriptionNotificationResult result(Applied applied, @Nullable Renewal renewal,
			@Nullable TransactionResponse transaction) {
		if (renewal == null) {
			return new SubscriptionNotificationResult(applied.subscription(), applied.change().applied(), null,
					SubscriptionNotificationResult.Renewal.NONE, null);
		}
		MidtransPayment payment = renewal.payment();
		SubscriptionNotificationResult.Renewal outcome;
		String message;
		if (renewal.flagged()) {
			outcome = SubscriptionNotificationResult.Renewal.FLAGGED;
			message = "renewal not recorded as charged; payment flagged " + payment.getFlag() + ": "
					+ payment.getFlagDetail();
		}
		else if (failed(payment.getStatus())) {
			outcome = SubscriptionNotificationResult.Renewal.FAILED;
			message = "renewal " + payment.getOrderId() + " failed (" + payment.getStatus() + ")";
		}
		else if (payment.isPaid()) {
			outcome = SubscriptionNotificationResult.Renewal.PAID;
			message = "renewal " + payment.getOrderId() + " paid";
		}
		else {
			outcome = SubscriptionNotificationResult.Renewal.PENDING;
			message = "renewal " + payment.getOrderId() + " is " + payment.getStatus();
		}
		boolean changed = applied.change().applied() || renewal.isNew();
		return new SubscriptionNotificationResult(applied.subscription(), changed, payment, outcome, message);
	}

	/**
	 * Find a subscription.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription, if stored
	 */
	public Optional<MidtransSubscription> findBySubscriptionId(String subscriptionId) {
		return this.transactions.run((raised) -> this.subscriptions.findBySubscriptionId(subscriptionId));
	}

	/**
	 * One page of subscriptions, newest first, for listings. Page on with the smallest id
	 * of the previous page.
	 * @param status only subscriptions in this status, or {@code null} for all
	 * @param beforeId only subscriptions with a smaller id ({@code Long.MAX_VALUE} for
	 * the first page)
	 * @param limit page size, positive
	 * @return the page
	 * @throws IllegalArgumentException when the limit is not positive
	 */
	public List<MidtransSubscription> findRecent(@Nullable SubscriptionStatus status, long beforeId, int limit) {
		if (limit <= 0) {
			throw new IllegalArgumentException("Page size must be positive, got " + limit);
		}
		return this.transactions.run((raised) -> this.subscriptions.findRecent(status, beforeId, limit));
	}

	private MidtransSubscription act(String action, String subscriptionId, SubscriptionStatus target, Runnable call,
			Transition transition) {
		this.transactions.requireNone(action, "subscription");
		MidtransSubscription subscription = find(subscriptionId);
		if (subscription.getStatus() == target) {
			return subscription;
		}
		if (!subscription.getStatus().canMoveTo(target)) {
			throw new IllegalStateException("Subscription '" + subscriptionId + "' is " + subscription.getStatus()
					+ " and cannot be moved to " + target);
		}
		call.run();
		return this.transactions.run((raised) -> {
			MidtransSubscription locked = lock(subscriptionId);
			Instant now = this.clock.instant();
			SubscriptionChange change = transition.apply(locked, now);
			if (change.applied()) {
				logger.info("Subscription '{}' moved {} -> {}", subscriptionId, change.previous(), locked.getStatus());
			}
			collect(raised, locked, change, now);
			return locked;
		});
	}

	private MidtransSubscription initiateByContent(SubscriptionRequest request, String stem) {
		Instant now = this.clock.instant();
		for (int generation = 0;; generation++) {
			String key = stem + generation;
			Optional<MidtransSubscription> existing = this.subscriptions.lockByIdempotencyKey(key);
			if (existing.isEmpty()) {
				return initiate(request, key);
			}
			MidtransSubscription subscription = existing.get();
			if (subscription.getStatus() == SubscriptionStatus.INITIATED
					|| subscription.getCreatedAt().isAfter(now.minus(SAME_REQUEST_WINDOW))) {
				return subscription;
			}
		}
	}

	/**
	 * The request's content as a hash: everything Midtrans receives, in a form that does
	 * not depend on the order of map entries.
	 */
	private String contentHash(SubscriptionRequest request) {
		String content = canonical(this.json.valueToTree(request));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private static String canonical(JsonNode node) {
		if (node.isObject()) {
			StringJoiner fields = new StringJoiner(",", "{", "}");
			new TreeSet<>(node.propertyNames())
				.forEach((name) -> fields.add(StringNode.valueOf(name) + ":" + canonical(node.get(name))));
			return fields.toString();
		}
		if (node.isArray()) {
			StringJoiner elements = new StringJoiner(",", "[", "]");
			node.forEach((element) -> elements.add(canonical(element)));
			return elements.toString();
		}
		return node.toString();
	}

	private MidtransSubscription initiate(SubscriptionRequest request, String idempotencyKey) {
		Optional<MidtransSubscription> existing = this.subscriptions.lockByIdempotencyKey(idempotencyKey);
		if (existing.isPresent()) {
			MidtransSubscription subscription = existing.get();
			boolean sameIntent = subscription.getName().equals(request.name())
					&& subscription.getAmount().compareTo(BigDecimal.valueOf(request.amount())) == 0;
			if (!sameIntent) {
				throw new IllegalStateException("Idempotency key '" + idempotencyKey
						+ "' is already used by subscription '" + subscription.getName() + "'");
			}
			return subscription;
		}
		String metadata = request.metadata().isEmpty() ? null : this.json.writeValueAsString(request.metadata());
		return this.subscriptions
			.add(new MidtransSubscription(request, metadata, idempotencyKey, this.clock.instant()));
	}

	private Applied applyAnswer(String subscriptionId, SubscriptionResponse answer) {
		return this.transactions.run((raised) -> {
			MidtransSubscription subscription = lock(subscriptionId);
			return new Applied(subscription, applyLocked(subscription, answer, raised));
		});
	}

	private SubscriptionChange applyLocked(MidtransSubscription subscription, SubscriptionResponse answer,
			List<Object> raised) {
		Instant now = this.clock.instant();
		SubscriptionChange change = subscription.apply(answer, now, now.plus(this.checkInterval));
		if (change.applied()) {
			logger.info("Subscription '{}' moved {} -> {}", subscription.getSubscriptionId(), change.previous(),
					subscription.getStatus());
		}
		else if (change.outcome() == SubscriptionChange.Outcome.STALE) {
			logger.debug("Subscription '{}' is {}: update to {} ignored", subscription.getSubscriptionId(),
					change.previous(), change.status());
		}
		collect(raised, subscription, change, now);
		return change;
	}

	private static void collect(List<Object> raised, MidtransSubscription subscription, SubscriptionChange change,
			Instant now) {
		if (!change.applied()) {
			return;
		}
		SubscriptionStatus previous = change.previous();
		SubscriptionStatus status = subscription.getStatus();
		String id = subscription.getSubscriptionId();
		String name = subscription.getName();
		if (previous == SubscriptionStatus.INITIATED) {
			if (status != SubscriptionStatus.FAILED) {
				raised.add(new SubscriptionCreatedEvent(id, name, previous, status, now));
			}
			return;
		}
		switch (status) {
			case ACTIVE -> raised.add(new SubscriptionEnabledEvent(id, name, previous, status, now));
			case INACTIVE, DISABLED -> raised.add(new SubscriptionDisabledEvent(id, name, previous, status, now));
			case CANCELLED -> raised.add(new SubscriptionCancelledEvent(id, name, previous, status, now));
			default -> {
			}
		}
	}

	private static boolean failed(PaymentStatus status) {
		return status == PaymentStatus.DENY || status == PaymentStatus.CANCEL || status == PaymentStatus.EXPIRE
				|| status == PaymentStatus.FAILURE || status == PaymentStatus.FAILED;
	}

	private static Set<String> namesFor(String orderId) {
		// Every prefix that leaves a numeric suffix, with or without a '-' before it.
		Set<String> names = new LinkedHashSet<>();
		int end = orderId.length();
		while (end > 0 && Character.isDigit(orderId.charAt(end - 1))) {
			end--;
		}
		for (int cut = end; cut < orderId.length(); cut++) {
			addName(names, orderId.substring(0, cut));
		}
		return names;
	}

	private static void addName(Set<String> names, String name) {
		if (!name.isEmpty() && name.length() <= 40) {
			names.add(name);
		}
		if (name.endsWith("-") && name.length() > 1 && name.length() <= 41) {
			names.add(name.substring(0, name.length() - 1));
		}
	}

	private static String requireRenewal(TransactionResponse transaction) {
		if (transaction.orderId() == null || transaction.grossAmount() == null
				|| transaction.transactionStatus() == null) {
			throw new IllegalArgumentException("A renewal transaction needs order_id, gross_amount and"
					+ " transaction_status (order '" + transaction.orderId() + "')");
		}
		return transaction.orderId();
	}

	private MidtransSubscription find(String subscriptionId) {
		return this.transactions.run((raised) -> this.subscriptions.findBySubscriptionId(subscriptionId)
			.orElseThrow(() -> notFound(subscriptionId)));
	}

	private MidtransSubscription lock(@Nullable String subscriptionId) {
		if (subscriptionId == null) {
			throw new SubscriptionNotFoundException("The subscription has no Midtrans id yet");
		}
		return this.subscriptions.lockBySubscriptionId(subscriptionId).orElseThrow(() -> notFound(subscriptionId));
	}

	private MidtransSubscription lockByKey(String idempotencyKey) {
		return this.subscriptions.lockByIdempotencyKey(idempotencyKey)
			.orElseThrow(() -> new SubscriptionNotFoundException(
					"No subscription with idempotency key '" + idempotencyKey + "' is stored"));
	}

	private static SubscriptionNotFoundException notFound(String subscriptionId) {
		return new SubscriptionNotFoundException("No subscription with id '" + subscriptionId + "' is stored");
	}

	@FunctionalInterface
	private interface Transition {

		SubscriptionChange apply(MidtransSubscription subscription, Instant now);

	}

	private record Applied(MidtransSubscription subscription, SubscriptionChange change) {

	}

	private record Linked(String name, BigDecimal amount, boolean isNew) {

	}

	private record Renewal(MidtransPayment payment, boolean isNew, boolean flagged) {

	}

}
