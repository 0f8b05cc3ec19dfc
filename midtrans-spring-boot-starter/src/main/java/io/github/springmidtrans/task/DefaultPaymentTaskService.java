package io.github.springmidtrans.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.CheckBackOff;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentJobs;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionSyncResult;
import jakarta.persistence.EntityManager;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The payment tasks on {@link PaymentService}, {@link InvoiceService} and
 * {@link SubscriptionService}.
 */
class DefaultPaymentTaskService implements PaymentTaskService {

	private static final Logger logger = LoggerFactory.getLogger(DefaultPaymentTaskService.class);

	/**
	 * One attempt, no retry: for the items of a periodic job, which the next run retries.
	 */
	private static final RetryPolicy ONCE = RetryPolicy.builder().maxRetries(0).build();

	private final PaymentService payments;

	private final InvoiceService invoices;

	private final SubscriptionService subscriptions;

	private final PaymentJobs jobs;

	private final BackOffRunner runner;

	private final TaskProperties settings;

	private final Clock clock;

	/**
	 * Refunds this instance is sending, by refund key.
	 */
	private final ConcurrentMap<String, CompletableFuture<ProcessRefundResult>> refundsInFlight = new ConcurrentHashMap<>();

	DefaultPaymentTaskService(PaymentService payments, InvoiceService invoices, SubscriptionService subscriptions,
			EntityManager entityManager, PlatformTransactionManager transactionManager, BackOffRunner runner,
			TaskProperties settings, Clock clock) {
		this.payments = payments;
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.jobs = new PaymentJobs(payments, entityManager, transactionManager, clock, jobSettings(settings));
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public CheckPaymentStatusResult checkPaymentStatus(String orderId) {
		return result(this.jobs.check(orderId));
	}

	private static CheckPaymentStatusResult result(PaymentJobs.CheckResult check) {
		String orderId = check.orderId();
		return switch (check.outcome()) {
			case NOT_FOUND -> CheckPaymentStatusResult.notFound(orderId);
			case SKIPPED -> CheckPaymentStatusResult.skipped(orderId, name(Objects.requireNonNull(check.status())));
			case CHECKED -> CheckPaymentStatusResult.checked(orderId, name(Objects.requireNonNull(check.status())),
					check.transactionStatus());
			case FAILED ->
				throw new IllegalStateException("Status check of '" + orderId + "' failed: " + check.error());
		};
	}

	@Override
	public CompletableFuture<CheckPaymentStatusResult> checkPaymentStatusAsync(String orderId) {
		return this.runner.run("checkPaymentStatus", orderId, policy(this.settings.getCheckPaymentStatus()),
				() -> checkPaymentStatus(orderId));
	}

	@Override
	public CheckPendingPaymentsResult checkPendingPayments() {
		// The items' events are marked delivered in batches, not one statement each.
		return this.jobs.batchingEventCompletions(this::checkPendingPaymentsNow);
	}

	private CheckPendingPaymentsResult checkPendingPaymentsNow() {
		TaskProperties.Job job = this.settings.getCheckPendingPayments();
		Dispatcher dispatcher = new Dispatcher(job);
		AtomicInteger failed = new AtomicInteger();
		// One attempt per payment: a failure moves that payment's next check by its
		// back-off and frees the slot at once; the next run tries it again when due.
		forEachPage(job, this.jobs::dueForCheck,
				(due) -> dispatcher.dispatch(
						() -> this.runner.run("checkPendingPayment", due.orderId(), ONCE, () -> this.jobs.checkDue(due))
							.thenAccept((check) -> {
								if (check.outcome() == PaymentJobs.CheckOutcome.FAILED) {
									failed.incrementAndGet();
								}
							})));
		// Refunds left requested (the application stopped mid-call, or Midtrans could not
		// be reached): sent again, same key, once per run, unless this instance is still
		// sending them.
		forEachPage(job, this.jobs::refundsToRedrive,
				(refundKey) -> dispatcher.dispatch(() -> sendRefund(refundKey, ONCE)));
		int queued = dispatcher.finish();
		logger.info("checkPendingPayments dispatched {}, failed {}", queued, failed.get());
		return new CheckPendingPaymentsResult(queued);
	}

	private static <T> void forEachPage(TaskProperties.Job job, PageReader<T> reader, Consumer<T> each) {
		long afterId = 0;
		while (true) {
			PaymentJobs.Page<T> page = reader.read(afterId, job.getBatchSize());
			page.keys().forEach(each);
			if (!page.hasMore()) {
				return;
			}
			afterId = page.lastId();
		}
	}

	@Override
	public ExpireStalePaymentsResult expireStalePayments() {
		// The items' events are marked delivered in batches, not one statement each.
		return this.jobs.batchingEventCompletions(this::expireStalePaymentsNow);
	}

	private ExpireStalePaymentsResult expireStalePaymentsNow() {
		TaskProperties.Job job = this.settings.getExpireStalePayments();
		AtomicInteger expired = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<@Nullable RuntimeException> unexpected = new AtomicReference<>();
		Dispatcher dispatcher = new Dispatcher(job);
		forEachPage(job, this.jobs::dueForExpiry, (due) -> {
			String orderId = due.orderId();
			// Each item once, no retry: the next run tries a failed one again.
			dispatcher
				.dispatch(() -> this.runner.run("expireStalePayment", orderId, ONCE, () -> this.jobs.expireDue(due))
					.whenComplete((status, failure) -> {
						if (failure == null) {
							if (status == PaymentStatus.EXPIRE) {
								expired.incrementAndGet();
							}
							return;
						}
						Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
								? failure.getCause() : failure;
						failed.incrementAndGet();
						if (cause instanceof MidtransException) {
							// Carry on past a failing item: the next run tries it again.
							logger.warn("expireStalePayments could not expire '{}': {}", orderId, cause.getMessage());
						}
						else {
							unexpected.compareAndSet(null, (cause instanceof RuntimeException runtime) ? runtime
									: new IllegalStateException("Expiring '" + orderId + "' failed", cause));
						}
					}));
		});
		dispatcher.finish();
		logger.info("expireStalePayments expired {}, failed {}", expired.get(), failed.get());
		RuntimeException failure = unexpected.get();
		if (failure != null) {
			throw failure;
		}
		return new ExpireStalePaymentsResult(expired.get());
	}

	@Override
	public CheckOverdueInvoicesResult checkOverdueInvoices() {
		int overdue = this.invoices.markOverdue(this.clock.instant());
		logger.info("checkOverdueInvoices marked {} overdue", overdue);
		return new CheckOverdueInvoicesResult(overdue);
	}

	@Override
	public CompletableFuture<ProcessChargeResult> processChargeAsync(ChargeRequest charge) {
		try {
			// Recorded as initiated (or found) here, committed before the future is
			// returned: if this instance stops before an attempt runs, the periodic check
			// sends the stored charge after the re-drive delay.
			this.payments.recordCharge(charge);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return this.runner.run("processCharge", charge.orderId(), policy(this.settings.getProcessCharge()), () -> {
			MidtransPayment payment = this.payments.charge(charge);
			return new ProcessChargeResult(payment.getOrderId(), name(payment.getStatus()), payment.getId());
		});
	}

	@Override
	public CompletableFuture<ProcessRefundResult> processRefundAsync(String orderId, long amount,
			@Nullable String reason, boolean direct, String refundKey) {
		if (refundKey == null) {
			return CompletableFuture.failedFuture(new IllegalArgumentException("A refund key is required"));
		}
		return refundAsync(orderId, amount, reason, direct, refundKey);
	}

	@Override
	@Deprecated(since = "0.1.0")
	public CompletableFuture<ProcessRefundResult> processRefundAsync(String orderId, long amount,
			@Nullable String reason, boolean direct) {
		return refundAsync(orderId, amount, reason, direct, null);
	}

	private CompletableFuture<ProcessRefundResult> refundAsync(String orderId, long amount, @Nullable String reason,
			boolean direct, @Nullable String refundKey) {
		MidtransRefund requested;
		try {
			// Recorded (or found under the caller's key) here, committed before the
			// future is returned: every attempt below sends this refund's key.
			requested = this.payments.requestRefund(orderId, BigDecimal.valueOf(amount), reason, direct, refundKey);
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		return sendRefund(requested.getRefundKey(), policy(this.settings.getProcessRefund()));
	}

	/**
	 * Send a recorded refund, once per key in this instance: a call for a key whose
	 * refund is still being sent or waiting out a back-off follows that attempt instead
	 * of calling Midtrans again. Across instances, Midtrans' own refund key keeps a
	 * second call from refunding twice.
	 */
	private CompletableFuture<ProcessRefundResult> sendRefund(String refundKey, RetryPolicy policy) {
		CompletableFuture<ProcessRefundResult> sending = new CompletableFuture<>();
		CompletableFuture<ProcessRefundResult> inFlight = this.refundsInFlight.putIfAbsent(refundKey, sending);
		if (inFlight != null) {
			return follow(inFlight);
		}
		CompletableFuture<ProcessRefundResult> attempts;
		try {
			attempts = this.runner.run("processRefund", refundKey, policy,
					() -> refunded(this.payments.executeRefund(refundKey)));
		}
		catch (RuntimeException ex) {
			attempts = CompletableFuture.failedFuture(ex);
		}
		attempts.whenComplete((result, failure) -> {
			// Removed before completing: a caller that sees the result and calls again
			// starts afresh, and finds the refund finished without a call.
			this.refundsInFlight.remove(refundKey, sending);
			if (failure != null) {
				sending.completeExceptionally(failure);
			}
			else {
				sending.complete(result);
			}
		});
		return follow(sending);
	}

	private static ProcessRefundResult refunded(MidtransRefund refund) {
		if (refund.getState() == RefundState.FAILED) {
			// Refused on an earlier call with this key (or reconciled as not made): the
			// same outcome again, never a second refund.
			throw new IllegalStateException("Refund '" + refund.getRefundKey() + "' of order '" + refund.getOrderId()
					+ "' was refused by Midtrans: " + refund.getStatusCode() + " " + refund.getStatusMessage());
		}
		return new ProcessRefundResult(refund.getOrderId(), refund.getRefundKey(), refund.getAmount());
	}

	/**
	 * A future of the caller's own, completed like the source: cancelling it leaves the
	 * refund and its other callers alone.
	 */
	private static <T> CompletableFuture<T> follow(CompletableFuture<T> source) {
		CompletableFuture<T> follower = new CompletableFuture<>();
		source.whenComplete((value, failure) -> {
			if (failure != null) {
				follower.completeExceptionally((failure instanceof CompletionException && failure.getCause() != null)
						? failure.getCause() : failure);
			}
			else {
				follower.complete(value);
			}
		});
		return follower;
	}

	@Override
	public SyncSubscriptionStatusResult syncSubscriptionStatus() {
		int limit = this.settings.getSyncSubscriptionStatus().getBatchSize();
		int changed = 0;
		long afterId = 0;
		while (true) {
			SubscriptionSyncResult page = this.subscriptions.sync(afterId, limit);
			changed += page.changed();
			if (page.lastId() == null || page.checked() < limit) {
				break;
			}
			afterId = page.lastId();
		}
		logger.info("syncSubscriptionStatus changed {}", changed);
		return new SyncSubscriptionStatusResult(changed);
	}

	static RetryPolicy policy(TaskProperties.Retry retry) {
		RetryPolicy.Builder policy = RetryPolicy.builder()
			.maxRetries(retry.getMaxRetries())
			.delay(retry.getDelay())
			.multiplier(retry.getMultiplier())
			.maxDelay(retry.getMaxDelay())
			.predicate((failure) -> failure instanceof MidtransException midtrans && midtrans.isRetryable());
		if (!retry.getJitter().isZero()) {
			policy.jitter(retry.getJitter());
		}
		return policy.build();
	}

	private static String name(PaymentStatus status) {
		return status.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The periodic jobs' re-drive, grace and back-off: a failed periodic status check
	 * waits as an on-demand check's retry would
	 * ({@code midtrans.tasks.check-payment-status} delay, multiplier and longest delay),
	 * with a tenth of the delay as jitter unless one is set.
	 */
	static PaymentJobs.Settings jobSettings(TaskProperties settings) {
		TaskProperties.Retry retry = settings.getCheckPaymentStatus();
		Duration jitter = retry.getJitter().isZero() ? retry.getDelay().dividedBy(10) : retry.getJitter();
		return new PaymentJobs.Settings(settings.getRedriveAfter(), settings.getExpiryGrace(),
				new CheckBackOff(retry.getDelay(), retry.getMultiplier(), retry.getMaxDelay(), jitter));
	}

	@FunctionalInterface
	private interface PageReader<T> {

		PaymentJobs.Page<T> read(long afterId, int limit);

	}

	/**
	 * Starts async work with at most {@code concurrency} items in flight and at most
	 * {@code rate-limit} starts per second; waits for the last ones before returning.
	 */
	private static final class Dispatcher {

		private final Semaphore inFlight;

		private final int concurrency;

		private final RateLimiter limiter;

		private int dispatched;

		Dispatcher(TaskProperties.Job job) {
			this.concurrency = Math.max(1, job.getConcurrency());
			this.inFlight = new Semaphore(this.concurrency);
			this.limiter = new RateLimiter(job.getRateLimit());
		}

		void dispatch(Supplier<CompletableFuture<?>> work) {
			this.limiter.acquire();
			this.inFlight.acquireUninterruptibly();
			this.dispatched++;
			CompletableFuture<?> future;
			try {
				future = work.get();
			}
			catch (RuntimeException ex) {
				this.inFlight.release();
				throw ex;
			}
			future.whenComplete((value, failure) -> this.inFlight.release());
		}

		int finish() {
			this.inFlight.acquireUninterruptibly(this.concurrency);
			this.inFlight.release(this.concurrency);
			return this.dispatched;
		}

	}

	/**
	 * At most a number of permits per second, spread evenly; unlimited at zero.
	 */
	private static final class RateLimiter {

		private final long intervalNanos;

		private long next = System.nanoTime();

		RateLimiter(double perSecond) {
			this.intervalNanos = (perSecond > 0) ? (long) (TimeUnit.SECONDS.toNanos(1) / perSecond) : 0;
		}

		void acquire() {
			if (this.intervalNanos == 0) {
				return;
			}
			long now = System.nanoTime();
			long wait = this.next - now;
			this.next = Math.max(now, this.next) + this.intervalNanos;
			if (wait > 0) {
				try {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
		}

	}

}
