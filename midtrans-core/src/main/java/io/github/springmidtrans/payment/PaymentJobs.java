package io.github.springmidtrans.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransException;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The periodic work on payments and refunds, one shape for every job: a job reads the
 * rows that are due in pages ordered by id ({@link #dueForCheck}, {@link #dueForExpiry},
 * {@link #refundsToRedrive}), and makes one attempt per row. What a row still needs lives
 * on the row, not in a thread: a periodic status check that fails moves the payment's
 * next check by a {@link CheckBackOff} and frees its worker at once, so a few failing
 * payments never hold up the others; a refund left requested is sent again only once its
 * own back-off has passed. Retrying a failed row is the business of a later run.
 * <p>
 * Scheduling, throttling and the retries of on-demand tasks are the caller's (the
 * starter's task service); this class decides which rows are due and what one attempt
 * does.
 *
 * @since 0.1.0
 */
public final class PaymentJobs {

	private static final Logger logger = LoggerFactory.getLogger(PaymentJobs.class);

	private final PaymentService payments;

	private final MidtransPaymentRepository paymentRows;

	private final MidtransRefundRepository refundRows;

	private final TransactionTemplate reads;

	private final TransactionTemplate writes;

	private final Clock clock;

	private final Settings settings;

	/**
	 * Create the jobs' workflows.
	 * @param payments the payment service each attempt goes through
	 * @param entityManager a shared entity manager
	 * @param transactionManager the transaction manager
	 * @param clock the clock
	 * @param settings re-drive, expiry grace and back-off
	 */
	public PaymentJobs(PaymentService payments, EntityManager entityManager,
			PlatformTransactionManager transactionManager, Clock clock, Settings settings) {
		this.payments = payments;
		this.paymentRows = new MidtransPaymentRepository(entityManager);
		this.refundRows = new MidtransRefundRepository(entityManager);
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
		this.writes = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Check one payment as the reference's {@code check_payment_status} does: a payment
	 * that no status check can change any more (see {@link #isSettledForChecks}) is
	 * skipped without a call; one still initiated is left to its caller for
	 * {@link Settings#redriveAfter()} and then resumed
	 * ({@link PaymentService#resumeCharge}); any other is read from Midtrans
	 * ({@link PaymentService#refreshStatus}).
	 * @param orderId the order id
	 * @return what was done
	 * @throws MidtransException when Midtrans cannot be reached or refuses
	 */
	public CheckResult check(String orderId) {
		MidtransPayment payment = this.payments.findByOrderId(orderId).orElse(null);
		if (payment == null) {
			return new CheckResult(orderId, CheckOutcome.NOT_FOUND, null, null, null);
		}
		if (isSettledForChecks(payment.getStatus())) {
			return CheckResult.of(CheckOutcome.SKIPPED, payment);
		}
		return check(DuePayment.of(payment));
	}

	/**
	 * Check a payment as a page of due work read it, without looking it up again: the
	 * answer is applied to the row as it stands, under its lock, so a payment that moved
	 * since the page was read is only asked about once more.
	 */
	private CheckResult check(DuePayment due) {
		String orderId = due.orderId();
		if (isSettledForChecks(due.status())) {
			return new CheckResult(orderId, CheckOutcome.SKIPPED, due.status(), null, null);
		}
		if (due.status() == PaymentStatus.INITIATED) {
			Instant redriveBefore = this.clock.instant().minus(this.settings.redriveAfter());
			if (due.createdAt().isAfter(redriveBefore)) {
				// The charge may still be on its way to Midtrans: leave it to its caller.
				return new CheckResult(orderId, CheckOutcome.SKIPPED, due.status(), null, null);
			}
			return CheckResult.of(CheckOutcome.CHECKED, this.payments.resumeCharge(orderId));
		}
		return CheckResult.of(CheckOutcome.CHECKED,
				this.payments.refreshStored(orderId, due.awaitingSnapChoice(), false));
	}

	/**
	 * One attempt of the periodic status check on a due payment, as its page read it
	 * ({@link #dueForCheck}). A failure is recorded on the payment (its next check waits
	 * out the back-off) and answered as {@link CheckOutcome#FAILED}; it is not thrown.
	 * @param due the payment, from a page of due work
	 * @return what was done
	 */
	public CheckResult checkDue(DuePayment due) {
		String orderId = due.orderId();
		try {
			return check(due);
		}
		catch (RuntimeException ex) {
			String error = (ex instanceof MidtransException) ? ex.getMessage()
					: ex.getClass().getSimpleName() + ": " + ex.getMessage();
			Instant now = this.clock.instant();
			Instant next = this.writes.execute((status) -> this.paymentRows.lockWithoutItems(orderId)
				.map((locked) -> locked.recordCheckFailure(Objects.toString(error), this.settings.checkBackOff(), now))
				.orElse(null));
			if (ex instanceof MidtransException) {
				logger.warn("Status check of payment '{}' failed; next check at {}: {}", orderId, next, error);
			}
			else {
				logger.error("Status check of payment '{}' failed; next check at {}", orderId, next, ex);
			}
			return new CheckResult(orderId, CheckOutcome.FAILED, null, null, error);
		}
	}

	/**
	 * One attempt of the expiry job on a payment as its page read it
	 * ({@link #dueForExpiry}): {@link PaymentService#expire}, without looking the payment
	 * up again.
	 * @param due the payment, from a page of due work
	 * @return the payment's status afterwards
	 * @throws MidtransException when Midtrans cannot be reached or refuses
	 * @throws IllegalStateException for a Snap checkout whose page is still open
	 */
	public PaymentStatus expireDue(DuePayment due) {
		return this.payments.expireStored(due.orderId(), due.awaitingSnapChoice(), false).getStatus();
	}

	/**
	 * Run a job whose items publish events, recording the completed deliveries of those
	 * events in batches rather than one statement each; a crash before a batch is
	 * recorded delivers its events again, as after any crash.
	 * @param <T> the job's result
	 * @param job the job
	 * @return its result
	 */
	public <T> T batchingEventCompletions(Supplier<T> job) {
		return this.payments.batchingEventCompletions(job);
	}

	/**
	 * Whether a status check can no longer change a payment in this status, so that the
	 * periodic check and {@link #check} skip it: every status but initiated, pending and
	 * authorize. What can still happen to a settled or captured payment (a refund, a
	 * chargeback, a reversal) arrives as a notification, and
	 * {@link PaymentService#refreshStatus} reads it on demand.
	 * @param status the status
	 * @return {@code true} when checks skip it
	 */
	public static boolean isSettledForChecks(PaymentStatus status) {
		return !status.isAwaitingPayment();
	}

	/**
	 * One page of payments whose periodic status check is due: initiated, pending or
	 * authorized, not set aside for a person, and past their next check time (which a
	 * failed check pushed back).
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page of payments, with what a check decides on
	 */
	public Page<DuePayment> dueForCheck(long afterId, int limit) {
		Instant now = this.clock.instant();
		return page(limit, () -> this.paymentRows.findDueForCheck(now, afterId, limit));
	}

	/**
	 * One page of pending payments whose expiry time passed more than
	 * {@link Settings#expiryGrace()} ago: the grace keeps an application clock running a
	 * little ahead from expiring a payment the customer could still complete, and
	 * Midtrans expires them on its own anyway.
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page of payments, with what an expiry decides on
	 */
	public Page<DuePayment> dueForExpiry(long afterId, int limit) {
		Instant expiredBefore = this.clock.instant().minus(this.settings.expiryGrace());
		return page(limit, () -> this.paymentRows.findExpiredPending(expiredBefore, afterId, limit));
	}

	/**
	 * One page of refunds to send again: still requested (an application stopped
	 * mid-call, or Midtrans could not be reached) for longer than
	 * {@link Settings#redriveAfter()}, and past the back-off of their failed attempts.
	 * Each is sent with its own refund key, so Midtrans never refunds twice.
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page of refund keys
	 */
	public Page<String> refundsToRedrive(long afterId, int limit) {
		Instant now = this.clock.instant();
		Instant redriveBefore = now.minus(this.settings.redriveAfter());
		List<RefundRow> rows = Objects
			.requireNonNull(this.reads.execute((status) -> this.refundRows.findRequested(afterId, limit)
				.stream()
				.map((refund) -> new RefundRow(Objects.requireNonNull(refund.getId()), refund.getRefundKey(),
						refund.getCreatedAt(), refund.getUpdatedAt(), refund.getAttempts()))
				.toList()));
		List<String> due = rows.stream()
			.filter((row) -> row.isDue(redriveBefore, now, this.settings.checkBackOff()))
			.map(RefundRow::refundKey)
			.toList();
		long lastId = rows.isEmpty() ? afterId : rows.get(rows.size() - 1).id();
		return new Page<>(due, lastId, rows.size() == limit);
	}

	private Page<DuePayment> page(int limit, Supplier<List<DuePayment>> query) {
		List<DuePayment> rows = Objects.requireNonNull(this.reads.execute((status) -> query.get()));
		if (rows.isEmpty()) {
			return new Page<>(List.of(), 0, false);
		}
		return new Page<>(rows, rows.get(rows.size() - 1).id(), rows.size() == limit);
	}

	/**
	 * Re-drive, grace and back-off settings.
	 *
	 * @param redriveAfter how long a payment may stay initiated, or a refund requested,
	 * before a periodic job sends it again
	 * @param expiryGrace how long after its expiry time a pending payment is expired by
	 * the expiry job
	 * @param checkBackOff how long a row waits after a failed periodic attempt
	 */
	public record Settings(Duration redriveAfter, Duration expiryGrace, CheckBackOff checkBackOff) {

		/**
		 * Check the settings.
		 * @param redriveAfter how long before a re-drive
		 * @param expiryGrace the grace after expiry
		 * @param checkBackOff the back-off
		 */
		public Settings {
			if (redriveAfter.isNegative() || expiryGrace.isNegative()) {
				throw new IllegalArgumentException("Re-drive and expiry grace must not be negative");
			}
		}

	}

	/**
	 * A page of due rows.
	 *
	 * @param <T> what identifies a row: a {@link DuePayment}, or a refund key
	 * @param keys the rows due now
	 * @param lastId the id of the page's last row, due or not: the next page starts after
	 * it
	 * @param hasMore whether another page may follow
	 */
	public record Page<T>(List<T> keys, long lastId, boolean hasMore) {

	}

	/**
	 * What one check did.
	 */
	public enum CheckOutcome {

		/** Midtrans was asked and its answer applied. */
		CHECKED,

		/** Nothing to ask: the payment is settled for checks, or its charge is young. */
		SKIPPED,

		/** No payment with this order id is stored. */
		NOT_FOUND,

		/** The attempt failed; the payment's next check waits out the back-off. */
		FAILED

	}

	/**
	 * The result of one check.
	 *
	 * @param orderId the order id
	 * @param outcome what was done
	 * @param status the payment's status afterwards, unless not found or failed
	 * @param transactionStatus Midtrans' transaction status as last recorded
	 * @param error why the attempt failed, for {@link CheckOutcome#FAILED}
	 */
	public record CheckResult(String orderId, CheckOutcome outcome, @Nullable PaymentStatus status,
			@Nullable String transactionStatus, @Nullable String error) {

		static CheckResult of(CheckOutcome outcome, MidtransPayment payment) {
			return new CheckResult(payment.getOrderId(), outcome, payment.getStatus(), payment.getTransactionStatus(),
					null);
		}

	}

	private record RefundRow(long id, String refundKey, Instant createdAt, Instant updatedAt, int attempts) {

		boolean isDue(Instant redriveBefore, Instant now, CheckBackOff backOff) {
			if (!this.createdAt.isBefore(redriveBefore)) {
				return false;
			}
			return this.attempts == 0 || !this.updatedAt.plus(backOff.delayAfter(this.attempts)).isAfter(now);
		}

	}

}
