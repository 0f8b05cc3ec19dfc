package io.github.springmidtrans.task;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.github.springmidtrans.autoconfigure.MidtransProperties;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransPaymentRepository;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.MidtransRefundRepository;
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
import org.springframework.transaction.support.TransactionTemplate;

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

	private final MidtransPaymentRepository paymentRows;

	private final MidtransRefundRepository refundRows;

	private final TransactionTemplate readOnly;

	private final BackOffRunner runner;

	private final MidtransProperties.Tasks settings;

	private final Clock clock;

	/**
	 * Refunds this instance is sending, by refund key.
	 */
	private final ConcurrentMap<String, CompletableFuture<ProcessRefundResult>> refundsInFlight = new ConcurrentHashMap<>();

	DefaultPaymentTaskService(PaymentService payments, InvoiceService invoices, SubscriptionService subscriptions,
			EntityManager entityManager, PlatformTransactionManager transactionManager, BackOffRunner runner,
			MidtransProperties.Tasks settings, Clock clock) {
		this.payments = payments;
		this.invoices = invoices;
		this.subscriptions = subscriptions;
		this.paymentRows = new MidtransPaymentRepository(entityManager);
		this.refundRows = new MidtransRefundRepository(entityManager);
		this.readOnly = new TransactionTemplate(transactionManager);
		this.readOnly.setReadOnly(true);
		this.runner = runner;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public CheckPaymentStatusResult checkPaymentStatus(String orderId) {
		Optional<MidtransPayment> stored = this.payments.findByOrderId(orderId);
		if (stored.isEmpty()) {
			return CheckPaymentStatusResult.notFound(orderId);
		}
		MidtransPayment payment = stored.get();
		if (payment.getStatus().isFinal()) {
			return CheckPaymentStatusResult.skipped(orderId, name(payment.getStatus()));
		}
		if (payment.getStatus() == PaymentStatus.INITIATED) {
			Instant redriveBefore = this.clock.instant().minus(this.settings.getRedriveAfter());
			if (payment.getCreatedAt().isAfter(redriveBefore)) {
				// The charge may still be on its way to Midtrans: leave it to its caller.
				return CheckPaymentStatusResult.skipped(orderId, name(payment.getStatus()));
			}
			MidtransPayment resumed = this.payments.resumeCharge(orderId);
			return CheckPaymentStatusResult.checked(orderId, name(resumed.getStatus()), resumed.getTransactionStatus());
		}
		MidtransPayment refreshed = this.payments.refreshStatus(orderId);
		return CheckPaymentStatusResult.checked(orderId, name(refreshed.getStatus()), refreshed.getTransactionStatus());
	}

	@Override
	public CompletableFuture<CheckPaymentStatusResult> checkPaymentStatusAsync(String orderId) {
		return this.runner.run("checkPaymentStatus", orderId, policy(this.settings.getCheckPaymentStatus()),
				() -> checkPaymentStatus(orderId));
	}

	@Override
	public CheckPendingPaymentsResult checkPendingPayments() {
		MidtransProperties.Job job = this.settings.getCheckPendingPayments();
		Instant now = this.clock.instant();
		Dispatcher dispatcher = new Dispatcher(job);
		long afterId = 0;
		while (true) {
			long from = afterId;
			List<Row> page = this.readOnly
				.execute((status) -> this.paymentRows.findDueForCheck(now, from, job.getBatchSize())
					.stream()
					.map((payment) -> new Row(payment.id(), payment.orderId()))
					.toList());
			if (page == null || page.isEmpty()) {
				break;
			}
			for (Row row : page) {
				String orderId = Objects.requireNonNull(row.key());
				dispatcher.dispatch(() -> checkPaymentStatusAsync(orderId));
			}
			afterId = page.get(page.size() - 1).id();
		}
		Instant redriveBefore = now.minus(this.settings.getRedriveAfter());
		afterId = 0;
		while (true) {
			long from = afterId;
			List<Row> page = this.readOnly.execute((status) -> this.refundRows.findRequested(from, job.getBatchSize())
				.stream()
				.map((refund) -> new Row(Objects.requireNonNull(refund.getId()),
						refund.getCreatedAt().isBefore(redriveBefore) ? refund.getRefundKey() : null))
				.toList());
			if (page == null || page.isEmpty()) {
				break;
			}
			for (Row row : page) {
				String refundKey = row.key();
				if (refundKey != null) {
					// A refund left requested (the application stopped mid-call): send it
					// again, same key, unless this instance is still sending it.
					dispatcher.dispatch(() -> sendRefund(refundKey));
				}
			}
			afterId = page.get(page.size() - 1).id();
		}
		int queued = dispatcher.finish();
		logger.info("checkPendingPayments dispatched {}", queued);
		return new CheckPendingPaymentsResult(queued);
	}

	@Override
	public ExpireStalePaymentsResult expireStalePayments() {
		MidtransProperties.Job job = this.settings.getExpireStalePayments();
		Instant now = this.clock.instant();
		AtomicInteger expired = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		AtomicReference<@Nullable RuntimeException> unexpected = new AtomicReference<>();
		Dispatcher dispatcher = new Dispatcher(job);
		long afterId = 0;
		while (true) {
			long from = afterId;
			List<Row> page = this.readOnly
				.execute((status) -> this.paymentRows.findExpiredPending(now, from, job.getBatchSize())
					.stream()
					.map((payment) -> new Row(payment.id(), payment.orderId()))
					.toList());
			if (page == null || page.isEmpty()) {
				break;
			}
			for (Row row : page) {
				String orderId = Objects.requireNonNull(row.key());
				// Each item once, no retry: the next run tries a failed one again.
				dispatcher.dispatch(
						() -> this.runner.run("expireStalePayment", orderId, ONCE, () -> this.payments.expire(orderId))
							.whenComplete((payment, failure) -> {
								if (failure == null) {
									if (payment.getStatus() == PaymentStatus.EXPIRE) {
										expired.incrementAndGet();
									}
									return;
								}
								Throwable cause = (failure instanceof CompletionException && failure.getCause() != null)
										? failure.getCause() : failure;
								failed.incrementAndGet();
								if (cause instanceof MidtransException) {
									// Carry on past a failing item: the next run tries it
									// again.
									logger.warn("expireStalePayments could not expire '{}': {}", orderId,
											cause.getMessage());
								}
								else {
									unexpected.compareAndSet(null, (cause instanceof RuntimeException runtime) ? runtime
											: new IllegalStateException("Expiring '" + orderId + "' failed", cause));
								}
							}));
			}
			afterId = page.get(page.size() - 1).id();
		}
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
		return sendRefund(requested.getRefundKey());
	}

	/**
	 * Send a recorded refund, once per key in this instance: a call for a key whose
	 * refund is still being sent or waiting out a back-off follows that attempt instead
	 * of calling Midtrans again. Across instances, Midtrans' own refund key keeps a
	 * second call from refunding twice.
	 */
	private CompletableFuture<ProcessRefundResult> sendRefund(String refundKey) {
		CompletableFuture<ProcessRefundResult> sending = new CompletableFuture<>();
		CompletableFuture<ProcessRefundResult> inFlight = this.refundsInFlight.putIfAbsent(refundKey, sending);
		if (inFlight != null) {
			return follow(inFlight);
		}
		CompletableFuture<ProcessRefundResult> attempts;
		try {
			attempts = this.runner.run("processRefund", refundKey, policy(this.settings.getProcessRefund()),
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

	static RetryPolicy policy(MidtransProperties.Retry retry) {
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

	private record Row(Long id, @Nullable String key) {

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

		Dispatcher(MidtransProperties.Job job) {
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
