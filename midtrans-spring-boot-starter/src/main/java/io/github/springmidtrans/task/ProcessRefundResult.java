package io.github.springmidtrans.task;

import java.math.BigDecimal;

/**
 * Result of {@link PaymentTaskService#processRefundAsync}.
 *
 * @param orderId the order id
 * @param refundKey the refund key sent to Midtrans on every attempt
 * @param refundAmount the amount refunded
 * @since 0.1.0
 */
public record ProcessRefundResult(String orderId, String refundKey, BigDecimal refundAmount) {

}
