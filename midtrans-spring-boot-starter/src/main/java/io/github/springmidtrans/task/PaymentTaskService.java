package io.github.springmidtrans.task;

import java.util.concurrent.CompletableFuture;

import io.github.springmidtrans.client.model.ChargeRequest;
import org.jspecify.annotations.Nullable;

/**
 * The payment tasks, with the names, parameters and result fields of the Django package's
 * Celery tasks. Periodic tasks run on the schedules of {@code midtrans.tasks.*};
 * on-demand tasks run on a bounded executor and retry failures that are safe to repeat
 * with exponential back-off, without holding a thread while they wait.
 *
 * <pre>{@code
 * paymentTaskService.processChargeAsync(ChargeRequest.gopay("ORDER-1", 50_000).build())
 *     .thenAccept((result) -> log.info("{} is {}", result.orderId(), result.transactionStatus()));
 * }</pre>
 *
 * @since 0.1.0
 */
public interface PaymentTaskService {

	/**
	 * Read one payment's status from Midtrans and apply it, once. Business outcomes are
	 * results: a final payment is skipped, an unknown order gives an error result.
	 * @param orderId the order id
	 * @return the result
	 * @throws io.github.springmidtrans.client.MidtransException when Midtrans cannot be
	 * reached (the async variant retries)
	 */
	CheckPaymentStatusResult checkPaymentStatus(String orderId);

	/**
	 * {@link #checkPaymentStatus(String)} on the task executor, retried with back-off
	 * ({@code midtrans.tasks.check-payment-status.*}: 3 retries, 60 s first delay by
	 * default).
	 * @param orderId the order id
	 * @return the result; failed when retries are exhausted or the failure may not be
	 * repeated
	 */
	CompletableFuture<CheckPaymentStatusResult> checkPaymentStatusAsync(String orderId);

	/**
	 * Dispatch a retried status check for every payment still waiting (pending,
	 * authorized, or a charge interrupted longer than
	 * {@code midtrans.tasks.redrive-after} ago), and send refunds left requested that
	 * long again. Pages through the table, with bounded concurrency and an optional rate
	 * limit.
	 * @return how many were dispatched
	 */
	CheckPendingPaymentsResult checkPendingPayments();

	/**
	 * Expire every pending payment past its expiry time at Midtrans (an answer that it
	 * expired already counts).
	 * @return how many ended expired
	 */
	ExpireStalePaymentsResult expireStalePayments();

	/**
	 * Mark pending invoices past their due date overdue, in one statement.
	 * @return how many were marked
	 */
	CheckOverdueInvoicesResult checkOverdueInvoices();

	/**
	 * Charge on the task executor, retried with back-off
	 * ({@code midtrans.tasks.process-charge.*}). The order id is fixed by the request
	 * before the first attempt, so no retry can charge twice.
	 * @param charge the charge
	 * @return the result
	 */
	CompletableFuture<ProcessChargeResult> processChargeAsync(ChargeRequest charge);

	/**
	 * Refund under the caller's idempotency key, on the task executor, retried with
	 * back-off ({@code midtrans.tasks.process-refund.*}). The key names the refund: the
	 * refund is recorded under it (state requested) before the future is returned, every
	 * attempt sends it to Midtrans as {@code refund_key} and {@code Idempotency-Key}, and
	 * calling again with the same key returns the same refund instead of making another:
	 * after it completed (no call to Midtrans), while it is still being sent or waiting
	 * out a back-off in this instance (the call joins it), and after a restart (the
	 * recorded refund is sent again with its key, which Midtrans never refunds twice).
	 * Make the key part of your own record of the refund, for example
	 * {@code "return-" + returnId}, so that a repeated request, a redelivered event or a
	 * restarted job finds it again.
	 *
	 * <pre>{@code
	 * tasks.processRefundAsync("ORDER-123", 50_000, "Customer request", false, "return-881")
	 *     .thenAccept((result) -> log.info("Refunded {}", result.refundAmount()));
	 * }</pre>
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @param refundKey the caller's key for this refund: 1 to 100 characters of
	 * {@code A-Z a-z 0-9 _ -}; at most 46 keeps Midtrans' {@code Idempotency-Key} in
	 * force too, and keys are unique across all orders
	 * @return the result; failed at once, with nothing recorded, when the payment cannot
	 * be refunded ({@link IllegalStateException}) or the amount or key is invalid
	 * ({@link IllegalArgumentException}); failed at once with an
	 * {@link IllegalStateException} when the key names a refund of another order or
	 * amount; failed when Midtrans refuses the refund (again with an
	 * {@link IllegalStateException} on a later call with its key) or retries are
	 * exhausted (the refund stays requested: call again with the key, or let
	 * {@link #checkPendingPayments()} send it again)
	 * @since 0.1.0
	 */
	CompletableFuture<ProcessRefundResult> processRefundAsync(String orderId, long amount, @Nullable String reason,
			boolean direct, String refundKey);

	/**
	 * Refund on the task executor under a new refund key, retried with back-off
	 * ({@code midtrans.tasks.process-refund.*}). The refund and its key are recorded
	 * once, before the first attempt, so no retry of this call can refund twice; but
	 * calling it again (after a timeout of your own, from a redelivered event) makes a
	 * second refund.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @return the result; failed at once when the payment cannot be refunded
	 * @deprecated a call that cannot be repeated safely: use
	 * {@link #processRefundAsync(String, long, String, boolean, String)} with a key of
	 * your own
	 */
	@Deprecated(since = "0.1.0")
	CompletableFuture<ProcessRefundResult> processRefundAsync(String orderId, long amount, @Nullable String reason,
			boolean direct);

	/**
	 * Read every subscription's status from Midtrans and apply it.
	 * @return how many changed
	 */
	SyncSubscriptionStatusResult syncSubscriptionStatus();

}
