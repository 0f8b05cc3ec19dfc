package io.github.springmidtrans.task;

import org.jspecify.annotations.Nullable;

/**
 * Result of {@link PaymentTaskService#processChargeAsync}.
 *
 * @param orderId the order id
 * @param transactionStatus the payment's status afterwards, in lower case
 * @param paymentId the payment's database id
 * @since 0.1.0
 */
public record ProcessChargeResult(String orderId, String transactionStatus, @Nullable Long paymentId) {

}
