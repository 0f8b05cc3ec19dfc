package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransRefusalException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.internal.ShortTransactions;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.CaptureRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Takes payments through Midtrans and keeps them in the database, so that nothing can be
 * charged or refunded twice.
 *
 * <p>
 * Every money-moving method works in three visible phases: (1) a short transaction
 * records the intent with its identifiers (the order id of a charge, the refund key of a
 * refund); (2) Midtrans is called with no transaction open; (3) a short transaction
 * applies the answer to the row, locked, through the forward-only transition table, and
 * events are published after it commits. A retry reuses the persisted identifiers; a
 * "duplicate" answer is reconciled through a status check. Because phase 2 must not run
 * inside a database transaction, these methods refuse to be called from one.
 *
 * <p>
 * Every answer Midtrans gives, whichever path brings it (a charge answer, a duplicate
 * reconciliation, a status check, a notification, a refund answer, a renewal), passes one
 * gate before phase 3: it must name the recorded order id exactly and carry the recorded
 * gross amount and currency, and a refund answer the recorded refund key and amount. A
 * mismatch is never applied: the payment is flagged for a person
 * ({@link MidtransPayment#getFlag()}), a {@link PaymentFlaggedEvent} is published and an
 * ERROR line logged. A charge whose order id Midtrans already holds for another intent
 * fails with a {@link PaymentConflictException}.
 *
 * <pre>{@code
 * MidtransPayment payment = paymentService.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());
 * String vaNumber = payment.getVaNumber();
 * }</pre>
 *
 * @since 0.1.0
 */
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	private static final Duration RETRY_CHECK_DELAY = Duration.ofMinutes(1);

	private final MidtransClient client;

	private final MidtransPaymentRepository payments;

	private final MidtransRefundRepository refunds;

	private final ShortTransactions<PaymentEvent> transactions;

	private final Clock clock;

	private final ChargeDefaults defaults;

	private final SnapDefaults snapDefaults;

	private final JsonMapper json = MidtransJson.newMapper();

	/**
	 * Create a service.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where payment events go
	 * @param clock the clock for timestamps
	 */
	public PaymentService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock) {
		this(client, entityManager, transactionManager, publisher, clock, ChargeDefaults.NONE);
	}

	/**
	 * Create a service that fills in charge defaults.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where payment events go
	 * @param clock the clock for timestamps
	 * @param defaults what every charge gets unless it says otherwise
	 */
	public PaymentService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock,
			ChargeDefaults defaults) {
		this(client, entityManager, transactionManager, publisher, clock, defaults, SnapDefaults.NONE);
	}

	/**
	 * Create a service that fills in charge and Snap checkout defaults.
	 * @param client the Midtrans client
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager of that entity manager
	 * @param publisher where payment events go
	 * @param clock the clock for timestamps
	 * @param defaults what every charge gets unless it says otherwise (its notification
	 * URLs also apply to Snap checkouts)
	 * @param snapDefaults what every Snap checkout gets unless it says otherwise
	 * @since 0.1.0
	 */
	public PaymentService(MidtransClient client, EntityManager entityManager,
			PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher, Clock clock,
			ChargeDefaults defaults, SnapDefaults snapDefaults) {
		this.defaults = defaults;
		this.snapDefaults = snapDefaults;
		this.client = client;
		this.payments = new MidtransPaymentRepository(entityManager);
		this.refunds = new MidtransRefundRepository(entityManager);
		this.transactions = new ShortTransactions<>(transactionManager, publisher, "PaymentService");
		this.clock = clock;
	}

	/**
	 * Charge: record the payment as {@link PaymentStatus#INITIATED} under its order id,
	 * call {@code POST /v2/charge} with the payment's idempotency key, and apply the
	 * answer. Calling it again with the same order id is safe: an initiated payment is
	 * sent again with the same order id and key, any other returns as stored without a
	 * call. A duplicate-order answer is reconciled through a status check.
	 * @param request the charge
	 * @return the payment as it stands after Midtrans' answer
	 * @throws MidtransException when Midtrans refuses (the payment is then
	 * {@link PaymentStatus#FAILED}) or cannot be reached (it stays initiated; retry, or
	 * let the periodic check resolve it)
	 * @throws IllegalStateException when the order id is already used by a different
	 * charge, or when called inside a database transaction
	 */
	public MidtransPayment charge(ChargeRequest request) {
		this.transactions.requireNone("charge", "payment or refund");
		ChargeRequest charge = this.defaults.applyTo(request);
		MidtransPayment payment = this.transactions.runRecording((raised) -> initiate(charge));
		if (payment.getStatus() != PaymentStatus.INITIATED) {
			return payment;
		}
		return send(payment, charge);
	}

	/**
	 * Record a charge as {@link PaymentStatus#INITIATED} under its order id without
	 * calling Midtrans: the first half of {@link #charge(ChargeRequest)}, for callers
	 * that send it later (such as an on-demand task), so that the intent is in the
	 * database before anything else can be lost. {@link #charge(ChargeRequest)} with the
	 * same request then sends it; if nobody does, the periodic status check sends it
	 * after the re-drive delay ({@link #resumeCharge(String)}). Safe to repeat.
	 * @param request the charge
	 * @return the payment, initiated, or as stored when this order id was charged before
	 * @throws IllegalStateException when the order id is already used by a different
	 * charge
	 * @since 0.1.0
	 */
	public MidtransPayment recordCharge(ChargeRequest request) {
		ChargeRequest charge = this.defaults.applyTo(request);
		return this.transactions.runRecording((raised) -> initiate(charge));
	}

	/**
	 * Start a Snap checkout (the hosted payment page): record the payment as
	 * {@link PaymentStatus#INITIATED} under its order id, call
	 * {@code POST /snap/v1/transactions}, and store the token and redirect URL. The
	 * payment is then {@link PaymentStatus#PENDING} with no payment type (a
	 * {@link PaymentPendingEvent} is published) until the customer picks a method on the
	 * page; the first notification fills in the method, virtual account number and the
	 * rest, and publishes a second {@link PaymentPendingEvent} (pending to pending, with
	 * the payment type). Hand {@link MidtransPayment#getSnapToken()} to {@code snap.js}
	 * or redirect to {@link MidtransPayment#getSnapRedirectUrl()}.
	 *
	 * <p>
	 * Calling it again with the same order id is safe and is how a checkout is resumed: a
	 * payment that already has its token returns as stored without a call (one order id,
	 * one Snap transaction); one still initiated is sent again with the request stored
	 * the first time.
	 *
	 * <p>
	 * Snap has no idempotency key and no way to read a token back. When a first call
	 * reached Midtrans but its answer was lost, the next attempt is refused as a
	 * duplicate; the status is then checked, and if the customer cannot have picked a
	 * method (the status answers 404) the token is gone for good: nobody can pay that
	 * checkout. This method then leaves the payment initiated and throws the
	 * {@link MidtransDuplicateOrderException} (another caller may still be storing the
	 * token of a concurrent attempt); the periodic status check
	 * ({@link #resumeCharge(String)}) later marks it {@link PaymentStatus#FAILED}, and
	 * the shop starts a new payment under a new order id. No money can be lost this way:
	 * Midtrans never creates a second transaction for the order id, and the lost one can
	 * never be paid.
	 * @param request the checkout
	 * @return the payment, pending with its Snap token
	 * @throws MidtransException when Midtrans refuses (the payment is then
	 * {@link PaymentStatus#FAILED}) or cannot be reached (it stays initiated; call again)
	 * @throws MidtransDuplicateOrderException when Midtrans already holds a checkout for
	 * the order id whose token this application never received
	 * @throws IllegalStateException when the order id is already used by a different
	 * payment, or when called inside a database transaction
	 * @since 0.1.0
	 */
	public MidtransPayment createSnap(SnapRequest request) {
		this.transactions.requireNone("createSnap", "payment or refund");
		SnapRequest defaulted = this.snapDefaults.applyTo(request);
		// Always say how long the page lives: the local expiry must never come before the
		// real one, and a page expiry set in the dashboard could otherwise be longer.
		SnapRequest snap = (defaulted.pageExpiry() != null) ? defaulted
				: defaulted.toBuilder().pageExpiry(SnapPageExpiry.of(SnapPageExpiry.DEFAULT)).build();
		MidtransPayment payment = this.transactions.runRecording((raised) -> initiateSnap(snap));
		if (payment.getStatus() != PaymentStatus.INITIATED) {
			return payment;
		}
		return sendSnap(payment, storedSnapRequest(payment), false);
	}

	/**
	 * Send an interrupted charge again: a payment still {@link PaymentStatus#INITIATED}
	 * (the application stopped, or Midtrans could not be reached). First asks Midtrans
	 * whether the charge landed; only when it did not is the stored request sent again,
	 * with the same order id and idempotency key. A card charge cannot be sent again (its
	 * token was single-use) and is marked failed instead.
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws PaymentNotFoundException when no such payment is stored
	 * @throws MidtransException when Midtrans cannot be reached
	 */
	public MidtransPayment resumeCharge(String orderId) {
		this.transactions.requireNone("resumeCharge", "payment or refund");
		MidtransPayment payment = find(orderId);
		if (payment.getStatus() != PaymentStatus.INITIATED) {
			return payment;
		}
		if (payment.isSnap()) {
			// No token stored: Snap never answered. Ask again; a duplicate is reconciled.
			return sendSnap(payment, storedSnapRequest(payment), true);
		}
		try {
			return adopt(orderId, this.client.status(orderId));
		}
		catch (MidtransNotFoundException ex) {
			ChargeRequest stored = storedRequest(payment);
			if (stored == null) {
				return this.transactions.run((raised) -> fail(orderId, raised,
						"The charge was interrupted before Midtrans answered and cannot be sent again"));
			}
			return send(payment, stored);
		}
	}

	/**
	 * Read the transaction from Midtrans ({@code GET /v2/{order_id}/status}) and apply
	 * it. Safe to repeat; a stale answer changes nothing. For a Snap checkout whose
	 * customer has not picked a method, Midtrans answers 404: that is no error while the
	 * page is open (nothing changes), and after the page expired the payment is marked
	 * {@link PaymentStatus#EXPIRE} locally.
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws PaymentNotFoundException when no such payment is stored
	 * @throws MidtransException when Midtrans cannot be reached or answers an error; a
	 * {@link MidtransNotFoundException} for a payment still initiated means the charge
	 * never landed
	 */
	public MidtransPayment refreshStatus(String orderId) {
		this.transactions.requireNone("refreshStatus", "payment or refund");
		MidtransPayment payment = find(orderId);
		return refreshStored(orderId, payment.isAwaitingSnapChoice(), true);
	}

	/**
	 * {@link #refreshStatus} of a payment known to be stored, without looking it up
	 * again: the answer is applied under the row's lock, in one short transaction.
	 * @param orderId the order id
	 * @param awaitingSnapChoice whether it is a Snap checkout whose customer had not
	 * picked a method when last read
	 * @param items whether to load the payment's items; without them the payment must not
	 * be handed out, and the answer is applied in one statement fewer
	 * @return the payment afterwards
	 */
	MidtransPayment refreshStored(String orderId, boolean awaitingSnapChoice, boolean items) {
		this.transactions.requireNone("refreshStatus", "payment or refund");
		try {
			return applyAnswer(orderId, this.client.status(orderId), items);
		}
		catch (MidtransNotFoundException ex) {
			if (!awaitingSnapChoice) {
				throw ex;
			}
			// Snap creates the transaction only when the customer picks a method: 404
			// means "not chosen yet" while the page is open, and "never" once it has
			// expired.
			return snapNotChosen(orderId);
		}
	}

	/**
	 * Cancel a payment before settlement ({@code POST /v2/{order_id}/cancel}).
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransPayment cancel(String orderId) {
		this.transactions.requireNone("cancel", "payment or refund");
		find(orderId);
		return applyAnswer(orderId, this.client.cancel(orderId));
	}

	/**
	 * Expire a pending payment now ({@code POST /v2/{order_id}/expire}). When Midtrans
	 * refuses because the payment is no longer pending (it expired or was paid
	 * meanwhile), the status is read and applied instead.
	 *
	 * <p>
	 * A Snap checkout whose customer has not picked a method has no transaction at
	 * Midtrans yet: its status is read instead; if a method was picked meanwhile the
	 * answer is applied and nothing is expired, else the payment is marked
	 * {@link PaymentStatus#EXPIRE} locally once its page has expired.
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws MidtransException when Midtrans cannot be reached
	 * @throws IllegalStateException for a Snap checkout whose page is still open: the
	 * customer could still pay it
	 */
	public MidtransPayment expire(String orderId) {
		this.transactions.requireNone("expire", "payment or refund");
		MidtransPayment payment = find(orderId);
		return expireStored(orderId, payment.isAwaitingSnapChoice(), true);
	}

	/**
	 * {@link #expire} of a payment known to be stored, without looking it up first.
	 * @param orderId the order id
	 * @param awaitingSnapChoice whether it is a Snap checkout whose customer had not
	 * picked a method when last read
	 * @param items whether to load the payment's items (see {@link #refreshStored})
	 * @return the payment afterwards
	 */
	MidtransPayment expireStored(String orderId, boolean awaitingSnapChoice, boolean items) {
		this.transactions.requireNone("expire", "payment or refund");
		if (awaitingSnapChoice) {
			return expireSnapCheckout(orderId);
		}
		try {
			return applyAnswer(orderId, this.client.expire(orderId), items);
		}
		catch (MidtransApiException ex) {
			if (ex.isRetryable() || !"412".equals(ex.getMidtransStatusCode())) {
				throw ex;
			}
			return applyAnswer(orderId, this.client.status(orderId), items);
		}
	}

	/**
	 * Approve a payment on fraud challenge ({@code POST /v2/{order_id}/approve}).
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransPayment approve(String orderId) {
		this.transactions.requireNone("approve", "payment or refund");
		find(orderId);
		return applyAnswer(orderId, this.client.approve(orderId));
	}

	/**
	 * Deny a payment on fraud challenge ({@code POST /v2/{order_id}/deny}).
	 * @param orderId the order id
	 * @return the payment afterwards
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransPayment deny(String orderId) {
		this.transactions.requireNone("deny", "payment or refund");
		find(orderId);
		return applyAnswer(orderId, this.client.deny(orderId));
	}

	/**
	 * Capture a pre-authorised payment ({@code POST /v2/capture}).
	 * @param orderId the order id
	 * @param amount the amount to capture, {@code null} for all
	 * @return the payment afterwards
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @throws IllegalStateException when the payment has no transaction id yet
	 */
	public MidtransPayment capture(String orderId, @Nullable Long amount) {
		this.transactions.requireNone("capture", "payment or refund");
		MidtransPayment payment = find(orderId);
		String transactionId = payment.getTransactionId();
		if (transactionId == null) {
			throw new IllegalStateException("Payment '" + orderId + "' has no Midtrans transaction to capture yet");
		}
		PaymentGate.Check check = (amount != null) ? PaymentGate.Check.capturing(amount) : PaymentGate.Check.STANDARD;
		TransactionResponse answer;
		try {
			answer = this.client.capture(new CaptureRequest(transactionId, amount));
		}
		catch (MidtransRefusalException ex) {
			// Denied: nothing moved at Midtrans (the answer says the payment is still
			// authorized). Keep what was said on the payment and leave its status alone.
			recordRefusal(orderId, "capture", ex);
			throw ex;
		}
		return this.transactions.run((raised) -> applyLocked(orderId, answer, check, raised)).payment();
	}

	/**
	 * Refund: {@link #requestRefund} then {@link #executeRefund}.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @return the refund afterwards
	 * @throws MidtransException when Midtrans refuses (the refund is then failed) or
	 * cannot be reached (it stays requested; call {@link #executeRefund} again)
	 */
	public MidtransRefund refund(String orderId, BigDecimal amount, @Nullable String reason, boolean direct) {
		MidtransRefund refund = requestRefund(orderId, amount, reason, direct);
		return executeRefund(refund.getRefundKey());
	}

	/**
	 * Refund under a key the caller chose: repeating the call with the same key never
	 * refunds twice. {@link #requestRefund(String, BigDecimal, String, boolean, String)}
	 * then {@link #executeRefund}.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @param refundKey the caller's key for this refund
	 * @return the refund afterwards
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 */
	public MidtransRefund refund(String orderId, BigDecimal amount, @Nullable String reason, boolean direct,
			String refundKey) {
		MidtransRefund refund = requestRefund(orderId, amount, reason, direct, refundKey);
		return executeRefund(refund.getRefundKey());
	}

	/**
	 * Record a refund with a new refund key, after checking that the payment is
	 * refundable and the amount fits: it may not exceed the gross amount less every
	 * refund already requested or made. Nothing is sent yet.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah, positive
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @return the requested refund, with its key
	 * @throws PaymentNotFoundException when no such payment is stored
	 * @throws IllegalArgumentException when the amount is not a positive whole number or
	 * exceeds what is left
	 * @throws IllegalStateException when the payment is not settled
	 */
	public MidtransRefund requestRefund(String orderId, BigDecimal amount, @Nullable String reason, boolean direct) {
		return requestRefund(orderId, amount, reason, direct, null);
	}

	/**
	 * Record a refund under a key the caller chose, so that a repeated request (a retry
	 * after a timeout) finds the refund recorded the first time instead of making
	 * another. Otherwise as {@link #requestRefund(String, BigDecimal, String, boolean)}.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah, positive
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @param refundKey the key, {@code A-Z a-z 0-9 _ -}, at most 100 characters; a new
	 * one is made when {@code null}
	 * @return the refund recorded under this key
	 * @throws IllegalStateException when the key names a refund of another order or
	 * amount
	 */
	public MidtransRefund requestRefund(String orderId, BigDecimal amount, @Nullable String reason, boolean direct,
			@Nullable String refundKey) {
		if (refundKey != null && !refundKey.matches("[A-Za-z0-9_\\-]{1,100}")) {
			throw new IllegalArgumentException(
					"Refund key must be 1 to 100 characters of A-Z a-z 0-9 _ - but was '" + refundKey + "'");
		}
		if (refundKey != null) {
			Optional<MidtransRefund> earlier = this.transactions
				.run((raised) -> this.refunds.findByRefundKey(refundKey));
			if (earlier.isPresent()) {
				return sameRefund(earlier.get(), refundKey, orderId, amount);
			}
		}
		if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0) {
			throw new IllegalArgumentException("Refund amount for order '" + orderId
					+ "' must be a positive whole number of rupiah, got " + amount);
		}
		if (reason != null && reason.length() > 255) {
			throw new IllegalArgumentException("Refund reason must be at most 255 characters");
		}
		return this.transactions.run((raised) -> {
			MidtransPayment payment = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
			if (refundKey != null) {
				// A caller with the same key may have recorded it while this one waited
				// for the lock.
				Optional<MidtransRefund> recorded = this.refunds.findByRefundKey(refundKey);
				if (recorded.isPresent()) {
					return sameRefund(recorded.get(), refundKey, orderId, amount);
				}
			}
			if (payment.getStatus() != PaymentStatus.SETTLEMENT && payment.getStatus() != PaymentStatus.PARTIAL_REFUND
					&& !payment.isPaid()) {
				throw new IllegalStateException("Payment '" + orderId + "' is " + payment.getStatus()
						+ ": only a paid payment can be refunded (cancel it instead)");
			}
			BigDecimal committed = this.refunds.sumCommitted(orderId).max(payment.getRefundedAmount());
			BigDecimal left = payment.getGrossAmount().subtract(committed);
			if (amount.compareTo(left) > 0) {
				throw new IllegalArgumentException("Refund of " + amount.toPlainString() + " for order '" + orderId
						+ "' exceeds what is left to refund (" + left.toPlainString() + ")");
			}
			String key = (refundKey != null) ? refundKey : "rf-" + UUID.randomUUID();
			return this.refunds.add(new MidtransRefund(payment, key, amount, reason, direct, this.clock.instant()));
		});
	}

	/**
	 * Send a requested refund to Midtrans with its persisted key, and record the result.
	 * Safe to repeat: a refund that already succeeded or failed is returned without a
	 * call, and Midtrans never refunds one key twice.
	 * @param refundKey the refund key
	 * @return the refund afterwards
	 * @throws PaymentNotFoundException when no such refund is stored
	 * @throws MidtransException when Midtrans refuses (the refund is then failed) or
	 * cannot be reached (it stays requested)
	 */
	public MidtransRefund executeRefund(String refundKey) {
		this.transactions.requireNone("executeRefund", "payment or refund");
		MidtransRefund refund = this.transactions.run((raised) -> this.refunds.findByRefundKey(refundKey)
			.orElseThrow(() -> new PaymentNotFoundException("No refund with key '" + refundKey + "' is stored")));
		if (refund.getState() != RefundState.REQUESTED) {
			return refund;
		}
		String orderId = refund.getOrderId();
		RefundRequest request = new RefundRequest(refundKey, refund.getAmount().longValueExact(), refund.getReason());
		// Refund keys ("rf-" + UUID) never collide with charge keys ("<UUID>-charge").
		RequestOptions options = RequestOptions.none().withIdempotencyKey(refundKey);
		try {
			var answer = refund.isDirect() ? this.client.directRefund(orderId, request, options)
					: this.client.refund(orderId, request, options);
			// The refund answer carries this refund's amount only; the status carries the
			// total. Read it before recording anything, then record both at once: a crash
			// in between leaves the refund requested, and the re-drive finishes it.
			TransactionResponse status = statusAfterRefund(orderId);
			this.transactions.run((raised) -> {
				Optional<MidtransRefund> locked = this.refunds.lockByRefundKey(refundKey);
				PaymentGate.Mismatch mismatch = locked.map((row) -> PaymentGate.checkRefund(row, answer)).orElse(null);
				Instant now = this.clock.instant();
				if (mismatch != null) {
					refuseRefund(locked.get(), answer.statusCode(), mismatch, raised, now);
					return null;
				}
				locked.ifPresent((row) -> row.markSucceeded(answer.statusCode(), answer.statusMessage(),
						answer.refundChargebackId(), (answer.raw() != null) ? answer.raw().node().toString() : null,
						now));
				if (status != null) {
					applyLocked(orderId, status, PaymentGate.Check.STANDARD, raised);
				}
				return null;
			});
		}
		catch (MidtransDuplicateOrderException ex) {
			// The key was used before: an earlier attempt reached Midtrans.
			reconcileRefund(refundKey, orderId);
		}
		catch (MidtransException ex) {
			if (ex.isRetryable()) {
				this.transactions.run((raised) -> {
					this.refunds.lockByRefundKey(refundKey)
						.ifPresent((locked) -> locked.recordAttemptFailure(ex.getMessage(), this.clock.instant()));
					return null;
				});
			}
			else {
				this.transactions.run((raised) -> {
					this.refunds.lockByRefundKey(refundKey)
						.ifPresent((locked) -> locked.markFailed(ex.getMidtransStatusCode(), ex.getMessage(),
								this.clock.instant()));
					return null;
				});
				if (ex instanceof MidtransRefusalException refusal) {
					// Rejected by the bank: nothing was refunded and the payment keeps
					// the
					// state Midtrans reported (still settled).
					recordRefusal(orderId, (refund.isDirect() ? "direct refund " : "refund ") + refundKey, refusal);
				}
			}
			throw ex;
		}
		return this.transactions.run((raised) -> this.refunds.findByRefundKey(refundKey).orElseThrow());
	}

	private void recordRefusal(String orderId, String action, MidtransRefusalException refusal) {
		String still = (refusal.getTransactionStatus() != null)
				? "; Midtrans reports it still " + refusal.getTransactionStatus().wireValue() : "";
		String text = action + " refused (status_code " + refusal.getMidtransStatusCode() + "): "
				+ refusal.getStatusMessage() + still;
		logger.warn("Payment '{}': {}", orderId, text);
		this.transactions.run((raised) -> {
			this.payments.lockByOrderId(orderId)
				.ifPresent((locked) -> locked.recordRefusal(text, this.clock.instant()));
			return null;
		});
	}

	/**
	 * Apply what Midtrans reports about a transaction (a confirmed notification, or any
	 * status answer obtained elsewhere), without calling Midtrans. Stale updates are
	 * ignored; a real transition publishes one event after commit. An answer that does
	 * not match the recorded payment (order id, amount, currency, refunded total) is not
	 * applied: the payment is flagged and the change's outcome is
	 * {@link StatusChange.Outcome#FLAGGED}.
	 * @param answer the transaction as Midtrans describes it
	 * @return the payment and what changed
	 * @throws PaymentNotFoundException when no payment has the answer's order id
	 */
	public PaymentUpdate apply(TransactionResponse answer) {
		String orderId = orderIdOf(answer);
		return this.transactions.run((raised) -> applyLocked(orderId, answer, PaymentGate.Check.STANDARD, raised));
	}

	/**
	 * Apply what Midtrans reports, as {@link #apply(TransactionResponse)} does, and run
	 * work of the caller's in the same transaction, under the payment's row lock: what
	 * the work writes commits with the update, or neither does. The work is given the
	 * locked payment and what changed; the payment's items are read only if the work
	 * reads them (the locked read is then one statement), so the payment must not be used
	 * once the work returned. Events are published after commit, as for
	 * {@link #apply(TransactionResponse)}. The row stays locked while the work runs: keep
	 * calls to Midtrans or other systems out of it. A flag the answer raised (an amount
	 * that does not match) is part of the update, so a work that throws takes it back
	 * too.
	 * @param <T> the work's result type
	 * @param answer the transaction as Midtrans describes it
	 * @param work what to do with the update before it commits
	 * @return the work's result
	 * @throws PaymentNotFoundException when no payment has the answer's order id
	 * @since 0.1.0
	 */
	public <T> T apply(TransactionResponse answer, Function<PaymentUpdate, T> work) {
		String orderId = orderIdOf(answer);
		return this.transactions
			.run((raised) -> work.apply(applyLocked(orderId, answer, PaymentGate.Check.STANDARD, raised, false)));
	}

	private static String orderIdOf(TransactionResponse answer) {
		String orderId = answer.orderId();
		if (orderId == null) {
			throw new PaymentNotFoundException("The update has no order_id");
		}
		return orderId;
	}

	/**
	 * Run work (a periodic job) during which the completed deliveries of events are
	 * recorded in batches, when the events go through the event outbox.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	<T> T batchingEventCompletions(Supplier<T> work) {
		return this.transactions.batchingEventCompletions(work);
	}

	/**
	 * Find a payment.
	 * @param orderId the order id
	 * @return the payment, if stored
	 */
	public Optional<MidtransPayment> findByOrderId(String orderId) {
		return this.transactions.run((raised) -> this.payments.findByOrderId(orderId));
	}

	/**
	 * Record the renewal charge of a subscription: a payment Midtrans made on its own
	 * schedule under an order id it chose. The payment is created (or found, when an
	 * earlier call or a charge recorded it) with the subscription's amount as its intent
	 * and linked to the subscription; apply Midtrans' answer to it with
	 * {@link #apply(TransactionResponse)}, whose gate flags a renewal of another amount.
	 * Joins the caller's transaction, if any (the subscription service holds the
	 * subscription's row lock).
	 * @param orderId the order id Midtrans gave the renewal
	 * @param amount the subscription's amount
	 * @param paymentType the payment method as Midtrans names it
	 * @param subscriptionId the database id of the subscription
	 * @return {@code true} when the payment is newly linked to the subscription
	 * @throws IllegalStateException when the payment belongs to another subscription
	 */
	public boolean recordRenewal(String orderId, BigDecimal amount, String paymentType, long subscriptionId) {
		return this.transactions.run((raised) -> {
			Instant now = this.clock.instant();
			Optional<MidtransPayment> existing = this.payments.lockByOrderId(orderId);
			if (existing.isPresent()) {
				return existing.get().linkToSubscription(subscriptionId, now);
			}
			this.payments.add(MidtransPayment.renewalOf(orderId, amount, paymentType, subscriptionId, now));
			return true;
		});
	}

	/**
	 * Clear a payment's flag once a person has looked at what Midtrans reported (see
	 * {@link MidtransPayment#getFlagDetail()}) and settled it with Midtrans or the
	 * customer. The status is not changed; a payment that still waits for the customer is
	 * checked again by the periodic status check, and any answer that still does not
	 * match flags it again.
	 * @param orderId the order id
	 * @param note who cleared it and why, for the log
	 * @return the payment afterwards
	 * @throws PaymentNotFoundException when no such payment is stored
	 */
	public MidtransPayment clearFlag(String orderId, String note) {
		return this.transactions.run((raised) -> {
			MidtransPayment payment = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
			PaymentFlag flag = payment.getFlag();
			if (payment.clearFlag(this.clock.instant())) {
				logger.warn("Payment '{}': flag {} cleared ({})", orderId, flag, note);
			}
			return payment;
		});
	}

	/**
	 * The refunds of a payment, oldest first.
	 * @param orderId the order id
	 * @return the refunds
	 */
	public List<MidtransRefund> findRefunds(String orderId) {
		return this.transactions.run((raised) -> this.refunds.findByOrderId(orderId));
	}

	/**
	 * One page of payments, newest first, for listings. Page on with the smallest id of
	 * the previous page.
	 * @param status only payments in this status, or {@code null} for all
	 * @param beforeId only payments with a smaller id ({@code Long.MAX_VALUE} for the
	 * first page)
	 * @param limit page size, positive
	 * @return the page
	 * @throws IllegalArgumentException when the limit is not positive
	 */
	public List<MidtransPayment> findRecent(@Nullable PaymentStatus status, long beforeId, int limit) {
		if (limit <= 0) {
			throw new IllegalArgumentException("Page size must be positive, got " + limit);
		}
		return this.transactions.run((raised) -> this.payments.findRecent(status, beforeId, limit));
	}

	private MidtransPayment initiateSnap(SnapRequest request) {
		Optional<MidtransPayment> existing = this.payments.lockByOrderId(request.orderId());
		if (existing.isPresent()) {
			MidtransPayment payment = existing.get();
			if (!payment.isSnap()
					|| payment.getGrossAmount().compareTo(BigDecimal.valueOf(request.grossAmount())) != 0) {
				throw new IllegalStateException("Order id '" + request.orderId() + "' is already used by another "
						+ (payment.isSnap() ? "Snap checkout" : "charge") + " ("
						+ payment.getGrossAmount().toPlainString() + ")");
			}
			return payment;
		}
		// Never sent (Snap takes no idempotency key); the column wants a unique value.
		String idempotencyKey = "sn-" + UUID.randomUUID();
		return this.payments.add(new MidtransPayment(request, this.json.writeValueAsString(request),
				request.metadata().isEmpty() ? null : this.json.writeValueAsString(request.metadata()), idempotencyKey,
				this.clock.instant()));
	}

	private MidtransPayment sendSnap(MidtransPayment payment, SnapRequest request, boolean resuming) {
		String orderId = payment.getOrderId();
		SnapResponse answer;
		try {
			RequestOptions options = withNotificationUrls(RequestOptions.none());
			answer = this.client.snap().createTransaction(request, options);
		}
		catch (MidtransDuplicateOrderException ex) {
			return reconcileSnap(orderId, ex, resuming);
		}
		catch (MidtransException ex) {
			recordSendFailure(orderId, ex);
			throw ex;
		}
		Instant now = this.clock.instant();
		// Counted from our receipt of the answer, a little after Midtrans started the
		// page clock: the local expiry never comes before the real one.
		Duration pageLife = (request.pageExpiry() != null) ? request.pageExpiry().toDuration() : SnapPageExpiry.DEFAULT;
		Instant pageExpiry = now.plus(pageLife);
		String token = Objects.requireNonNull(answer.token());
		return this.transactions.run((raised) -> {
			MidtransPayment locked = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
			StatusChange change = locked.markSnapCreated(token, answer.redirectUrl(), pageExpiry, now);
			if (change.applied()) {
				logger.info("Payment '{}' moved {} -> {} (Snap checkout created, page open until {})", orderId,
						change.previous(), locked.getStatus(), pageExpiry);
			}
			PaymentEvents.collect(raised, PaymentEvents.eventFor(locked, change, now));
			return locked;
		});
	}

	private MidtransPayment reconcileSnap(String orderId, MidtransDuplicateOrderException duplicate, boolean resuming) {
		MidtransPayment current = find(orderId);
		if (current.getStatus() != PaymentStatus.INITIATED) {
			// A concurrent attempt stored its token meanwhile.
			return current;
		}
		try {
			// The customer of an earlier attempt picked a method: adopt that transaction.
			return adopt(orderId, this.client.status(orderId));
		}
		catch (MidtransNotFoundException ex) {
			String reason = "Snap already holds a checkout for this order id but its token never reached this "
					+ "application; Midtrans cannot hand it out again and nobody can pay it. "
					+ "Start a new payment under a new order id";
			if (resuming) {
				logger.warn("Snap checkout of order '{}' lost its token; marking the payment failed", orderId);
				return this.transactions.run((raised) -> fail(orderId, raised, reason));
			}
			recordAttemptFailure(orderId, reason);
			throw duplicate;
		}
	}

	private MidtransPayment snapNotChosen(String orderId) {
		return this.transactions.run((raised) -> {
			MidtransPayment locked = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
			if (!locked.isAwaitingSnapChoice()) {
				return locked;
			}
			Instant now = this.clock.instant();
			StatusChange change = locked.markSnapPageExpired(now);
			if (change.applied()) {
				logger.info("Payment '{}' moved {} -> {} (Snap page expired without a choice)", orderId,
						change.previous(), locked.getStatus());
				PaymentEvents.collect(raised, PaymentEvents.eventFor(locked, change, now));
			}
			else {
				logger.debug("Payment '{}' awaits the customer's choice on the Snap page", orderId);
			}
			return locked;
		});
	}

	private MidtransPayment expireSnapCheckout(String orderId) {
		MidtransPayment after;
		try {
			// Never POST /expire here: a method picked a moment ago may have a longer
			// expiry than the page, and its notification may not have arrived yet.
			after = applyAnswer(orderId, this.client.status(orderId));
		}
		catch (MidtransNotFoundException ex) {
			after = snapNotChosen(orderId);
			if (after.isAwaitingSnapChoice()) {
				throw new IllegalStateException("Snap checkout '" + orderId + "' cannot be expired before its page "
						+ "expires at " + after.getSnapPageExpiryTime() + ": the customer can still pay it");
			}
		}
		return after;
	}

	private SnapRequest storedSnapRequest(MidtransPayment payment) {
		String stored = Objects.requireNonNull(payment.getChargeRequest(), "stored Snap request");
		return this.json.readValue(stored, SnapRequest.class);
	}

	private static MidtransRefund sameRefund(MidtransRefund refund, String refundKey, String orderId,
			BigDecimal amount) {
		if (!refund.getOrderId().equals(orderId) || refund.getAmount().compareTo(amount) != 0) {
			throw new IllegalStateException("Refund key '" + refundKey + "' was used for a refund of "
					+ refund.getAmount().toPlainString() + " on order '" + refund.getOrderId() + "'");
		}
		return refund;
	}

	private MidtransPayment initiate(ChargeRequest request) {
		Optional<MidtransPayment> existing = this.payments.lockByOrderId(request.orderId());
		if (existing.isPresent()) {
			MidtransPayment payment = existing.get();
			boolean sameIntent = !payment.isSnap()
					&& payment.getGrossAmount()
						.compareTo(BigDecimal.valueOf(request.transactionDetails().grossAmount())) == 0
					&& request.paymentType().wireValue().equals(payment.getPaymentType());
			if (!sameIntent) {
				throw new IllegalStateException(
						"Order id '" + request.orderId() + "' is already used by another charge ("
								+ payment.getPaymentType() + ", " + payment.getGrossAmount().toPlainString() + ")");
			}
			return payment;
		}
		String idempotencyKey = UUID.randomUUID() + "-charge";
		return this.payments.add(new MidtransPayment(request, requestJson(request), metadataJson(request),
				idempotencyKey, this.clock.instant()));
	}

	private MidtransPayment send(MidtransPayment payment, ChargeRequest request) {
		String orderId = payment.getOrderId();
		TransactionResponse answer;
		try {
			RequestOptions options = withNotificationUrls(
					RequestOptions.none().withIdempotencyKey(payment.getIdempotencyKey()));
			answer = this.client.charge(request, options);
		}
		catch (MidtransDuplicateOrderException ex) {
			// The order id exists at Midtrans: an earlier attempt landed, or another
			// charge used the order id. Adopt it only when it is this intent.
			logger.info("Charge of order '{}' already exists at Midtrans; reconciling through its status", orderId);
			return adopt(orderId, this.client.status(orderId));
		}
		catch (MidtransException ex) {
			recordSendFailure(orderId, ex);
			throw ex;
		}
		String raw = (answer.raw() != null) ? answer.raw().node().toString() : null;
		PaymentUpdate applied = this.transactions.run((raised) -> {
			PaymentUpdate update = applyLocked(orderId, answer, PaymentGate.Check.STANDARD, raised);
			update.payment().keepChargeResponse(raw);
			return update;
		});
		if (applied.change().outcome() == StatusChange.Outcome.FLAGGED) {
			throw conflict(applied.payment());
		}
		return applied.payment();
	}

	private RequestOptions withNotificationUrls(RequestOptions options) {
		List<String> urls = this.defaults.notificationUrls();
		return urls.isEmpty() ? options : options.withOverrideNotification(urls.toArray(String[]::new));
	}

	/**
	 * Record why a call creating the transaction failed: a retryable failure leaves the
	 * payment initiated, to be checked again; any other marks it failed.
	 */
	private void recordSendFailure(String orderId, MidtransException ex) {
		if (ex.isRetryable()) {
			recordAttemptFailure(orderId, ex.getMessage());
		}
		else {
			this.transactions.run((raised) -> fail(orderId, raised, ex.getMessage()));
		}
	}

	private void recordAttemptFailure(String orderId, String reason) {
		Instant now = this.clock.instant();
		this.transactions.run((raised) -> {
			this.payments.lockByOrderId(orderId)
				.ifPresent((locked) -> locked.recordAttemptFailure(reason, now.plus(RETRY_CHECK_DELAY), now));
			return null;
		});
	}

	private MidtransPayment fail(String orderId, List<PaymentEvent> raised, String reason) {
		MidtransPayment payment = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
		Instant now = this.clock.instant();
		StatusChange change = payment.markFailed(reason, now);
		PaymentEvents.collect(raised, PaymentEvents.eventFor(payment, change, now));
		return payment;
	}

	private MidtransPayment applyAnswer(String orderId, TransactionResponse answer) {
		return applyAnswer(orderId, answer, true);
	}

	private MidtransPayment applyAnswer(String orderId, TransactionResponse answer, boolean items) {
		return this.transactions
			.run((raised) -> applyLocked(orderId, answer, PaymentGate.Check.STANDARD, raised, items))
			.payment();
	}

	/**
	 * Adopt the transaction Midtrans holds under the order id of a payment that may still
	 * be initiated (a duplicate answer, an interrupted charge): only when it is this
	 * intent. Another amount, currency or payment method means another charge used the
	 * order id: this payment never reached Midtrans, so it fails, flagged for a person,
	 * and the caller learns why.
	 */
	private MidtransPayment adopt(String orderId, TransactionResponse status) {
		PaymentUpdate update = this.transactions.run((raised) -> {
			MidtransPayment payment = this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId));
			PaymentGate.Mismatch mismatch = PaymentGate.check(payment, status, PaymentGate.Check.ADOPTING);
			if (mismatch == null) {
				return applyLocked(orderId, status, PaymentGate.Check.ADOPTING, raised);
			}
			Instant now = this.clock.instant();
			StatusChange failed = payment
				.markFailed("Midtrans holds another transaction under this order id: " + mismatch.detail(), now);
			PaymentEvents.collect(raised, PaymentEvents.eventFor(payment, failed, now));
			flagLocked(payment, mismatch, raised, now);
			return new PaymentUpdate(payment, StatusChange.flagged(payment.getStatus()));
		});
		if (update.change().outcome() == StatusChange.Outcome.FLAGGED) {
			throw conflict(update.payment());
		}
		return update.payment();
	}

	private static PaymentConflictException conflict(MidtransPayment payment) {
		PaymentFlag flag = Objects.requireNonNull(payment.getFlag());
		return new PaymentConflictException(payment.getOrderId(), flag,
				"Order id '" + payment.getOrderId() + "' belongs to another transaction at Midtrans ("
						+ payment.getFlagDetail() + "); payment " + payment.getStatus() + ", flagged " + flag
						+ " for a person");
	}

	private PaymentUpdate applyLocked(String orderId, TransactionResponse answer, PaymentGate.Check check,
			List<PaymentEvent> raised) {
		return applyLocked(orderId, answer, check, raised, true);
	}

	/**
	 * Apply an answer to the payment's locked row: the one place where status answers
	 * move payments.
	 * @param items whether to load the payment's items with it (a payment handed out
	 * needs them; without them the lock is one statement)
	 */
	private PaymentUpdate applyLocked(String orderId, TransactionResponse answer, PaymentGate.Check check,
			List<PaymentEvent> raised, boolean items) {
		MidtransPayment payment = (items ? this.payments.lockByOrderId(orderId)
				: this.payments.lockWithoutItems(orderId))
			.orElseThrow(() -> notFound(orderId));
		Instant now = this.clock.instant();
		// A payment Midtrans never answered learns of its transaction from this answer:
		// it is adopted only when it is this charge, whichever path brought it.
		PaymentGate.Check effective = (payment.getStatus() == PaymentStatus.INITIATED) ? check.adopting() : check;
		PaymentGate.Mismatch mismatch = PaymentGate.check(payment, answer, effective);
		if (mismatch != null) {
			flagLocked(payment, mismatch, raised, now);
			return new PaymentUpdate(payment, StatusChange.flagged(payment.getStatus()));
		}
		StatusChange change = payment.apply(answer, now);
		if (change.applied()) {
			logger.info("Payment '{}' moved {} -> {}", orderId, change.previous(), payment.getStatus());
		}
		else if (change.outcome() == StatusChange.Outcome.STALE) {
			logger.debug("Payment '{}' is {}: stale update to {} ignored", orderId, change.previous(), change.status());
		}
		PaymentEvents.collect(raised, PaymentEvents.eventFor(payment, change, now));
		return new PaymentUpdate(payment, change);
	}

	private void flagLocked(MidtransPayment payment, PaymentGate.Mismatch mismatch, List<PaymentEvent> raised,
			Instant now) {
		if (payment.flag(mismatch.flag(), mismatch.detail(), now)) {
			logger.error("Payment '{}' flagged {}: {}. The answer was not applied; a person must look at it",
					payment.getOrderId(), mismatch.flag(), mismatch.detail());
			raised.add(PaymentEvents.flagged(payment, now));
		}
		else {
			logger.warn("Payment '{}' (flagged {}): answer not applied again: {}", payment.getOrderId(),
					mismatch.flag(), mismatch.detail());
		}
	}

	/**
	 * Midtrans refunded something under this refund's key, but not what was recorded:
	 * never call it done. The refund fails with the reason, and its payment is flagged.
	 */
	private void refuseRefund(MidtransRefund refund, @Nullable String statusCode, PaymentGate.Mismatch mismatch,
			List<PaymentEvent> raised, Instant now) {
		refund.markFailed(statusCode, "Not recorded as refunded: " + mismatch.detail(), now);
		String orderId = refund.getOrderId();
		flagLocked(this.payments.lockByOrderId(orderId).orElseThrow(() -> notFound(orderId)), mismatch, raised, now);
	}

	private void reconcileRefund(String refundKey, String orderId) {
		TransactionResponse status = this.client.status(orderId);
		Optional<TransactionResponse.Refund> listed = status.refunds()
			.stream()
			.filter((refund) -> refundKey.equals(refund.refundKey()))
			.findFirst();
		this.transactions.run((raised) -> {
			Optional<MidtransRefund> row = this.refunds.lockByRefundKey(refundKey);
			PaymentGate.Mismatch mismatch = (row.isPresent() && listed.isPresent())
					? PaymentGate.checkListedRefund(row.get(), listed.get()) : null;
			if (mismatch != null) {
				refuseRefund(row.get(), "200", mismatch, raised, this.clock.instant());
				return null;
			}
			boolean known = listed.isPresent();
			row.ifPresent((locked) -> {
				if (known) {
					locked.markSucceeded("200", "Refund confirmed through the transaction status", null, null,
							this.clock.instant());
				}
				else {
					locked.markFailed("406", "Midtrans reports the refund key as used, but lists no refund with it",
							this.clock.instant());
				}
			});
			applyLocked(orderId, status, PaymentGate.Check.STANDARD, raised);
			return null;
		});
	}

	private @Nullable TransactionResponse statusAfterRefund(String orderId) {
		try {
			return this.client.status(orderId);
		}
		catch (MidtransException ex) {
			logger.warn("Refund of order '{}' succeeded but its status could not be read: {}", orderId,
					ex.getMessage());
			return null;
		}
	}

	private MidtransPayment find(String orderId) {
		return this.transactions
			.run((raised) -> this.payments.findByOrderId(orderId).orElseThrow(() -> notFound(orderId)));
	}

	private static PaymentNotFoundException notFound(String orderId) {
		return new PaymentNotFoundException("No payment with order id '" + orderId + "' is stored");
	}

	private @Nullable String requestJson(ChargeRequest request) {
		ObjectNode tree = (ObjectNode) this.json.valueToTree(request);
		JsonNode card = tree.get("credit_card");
		if (card instanceof ObjectNode cardNode) {
			// Card tokens are single-use secrets: never stored.
			cardNode.remove("token_id");
		}
		return tree.toString();
	}

	private @Nullable String metadataJson(ChargeRequest request) {
		return request.metadata().isEmpty() ? null : this.json.writeValueAsString(request.metadata());
	}

	private @Nullable ChargeRequest storedRequest(MidtransPayment payment) {
		String stored = payment.getChargeRequest();
		if (stored == null) {
			return null;
		}
		JsonNode tree = this.json.readTree(stored);
		// A card charge's token was single-use and is not stored: it cannot be sent
		// again.
		return tree.has("credit_card") ? null : this.json.treeToValue(tree, ChargeRequest.class);
	}

}
