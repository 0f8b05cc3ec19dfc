package io.github.springmidtrans.test;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An immutable copy of one transaction as the simulator holds it, for assertions in
 * tests. Amounts are whole rupiah.
 *
 * @param orderId the merchant's order id
 * @param transactionId the simulator's transaction id (a UUID, like Midtrans')
 * @param paymentType Midtrans' {@code payment_type}, such as {@code bank_transfer}
 * @param transactionStatus Midtrans' {@code transaction_status}, such as {@code pending}
 * or {@code settlement}
 * @param fraudStatus Midtrans' {@code fraud_status}, or {@code null} when the method has
 * none
 * @param grossAmount the amount
 * @param refundAmount the total refunded so far
 * @param refunds the refunds made, oldest first
 * @param transactionTime when it was created
 * @param expiryTime when it expires if unpaid, or {@code null}
 * @param settlementTime when it settled, or {@code null}
 * @since 0.1.0
 */
public record TransactionSnapshot(String orderId, String transactionId, String paymentType, String transactionStatus,
		@Nullable String fraudStatus, long grossAmount, long refundAmount, List<Refund> refunds,
		Instant transactionTime, @Nullable Instant expiryTime, @Nullable Instant settlementTime) {

	public TransactionSnapshot {
		refunds = List.copyOf(refunds);
	}

	/**
	 * One refund.
	 *
	 * @param refundChargebackId Midtrans' numeric refund id, 1 for the first refund
	 * @param refundKey the merchant's refund key (generated when none was sent)
	 * @param amount the amount refunded
	 * @param reason the reason sent, or {@code null}
	 * @param createdAt when it was made
	 * @param direct whether it came through {@code /refund/online/direct}
	 */
	public record Refund(long refundChargebackId, String refundKey, long amount, @Nullable String reason,
			Instant createdAt, boolean direct) {

	}

}
