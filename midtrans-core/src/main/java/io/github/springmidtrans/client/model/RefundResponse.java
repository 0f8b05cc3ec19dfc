package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans' answer to an accepted refund.
 *
 * @param statusCode {@code "200"} when approved
 * @param statusMessage Midtrans' explanation
 * @param transactionId Midtrans' transaction id
 * @param orderId the order id
 * @param paymentType the payment method
 * @param transactionTime when the transaction was created
 * @param transactionStatus {@code refund} or {@code partial_refund}
 * @param grossAmount the transaction amount
 * @param refundChargebackId Midtrans' numeric refund id
 * @param refundChargebackUuid Midtrans' refund UUID
 * @param refundAmount the amount refunded by this refund
 * @param refundKey the merchant's refund key
 * @param raw the complete body
 * @since 0.1.0
 */
public record RefundResponse(@Nullable String statusCode, @Nullable String statusMessage,
		@Nullable String transactionId, @Nullable String orderId, @Nullable PaymentType paymentType,
		@Nullable OffsetDateTime transactionTime, @Nullable TransactionStatus transactionStatus,
		@Nullable BigDecimal grossAmount, @Nullable Long refundChargebackId, @Nullable String refundChargebackUuid,
		@Nullable BigDecimal refundAmount, @Nullable String refundKey,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

}
