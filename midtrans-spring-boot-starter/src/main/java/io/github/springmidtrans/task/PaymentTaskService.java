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
	 * Refund on the task executor, retried with back-off
	 * ({@code midtrans.tasks.process-refund.*}). The refund and its key are recorded
	 * once, before the first attempt, so no retry can refund twice.
	 * @param orderId the order id
	 * @param amount the amount in whole rupiah
	 * @param reason why, may be {@code null}
	 * @param direct whether to use the direct (online) refund endpoint
	 * @return the result; failed at once when the payment cannot be refunded
	 */
	CompletableFuture<ProcessRefundResult> processRefundAsync(String orderId, long amount, @Nullable String reason,
			boolean direct);

	/**
	 * Read every subscription's status from Midtrans and apply it.
	 * @return how many changed
	 */
	SyncSubscriptionStatusResult syncSubscriptionStatus();

}
