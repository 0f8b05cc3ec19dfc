package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The money is received: settlement, or a card capture that fraud detection accepted.
 * Published once per payment, when it first becomes paid: fulfil the order here.
 *
 * @param orderId the order id
 * @param transactionId Midtrans' transaction id
 * @param previousStatus the status before
 * @param status the status after
 * @param grossAmount the payment's amount
 * @param paymentType the payment method, {@code null} for a Snap checkout before the
 * customer picked one
 * @param occurredAt when the transition was recorded
 * @since 0.1.0
 */
public record PaymentSettledEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
		PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType,
		Instant occurredAt) implements PaymentEvent {

}
