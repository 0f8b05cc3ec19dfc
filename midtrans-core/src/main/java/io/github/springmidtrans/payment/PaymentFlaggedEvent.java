package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans reported something about this order id that does not match the recorded intent
 * (another amount, currency, order id, payment method or refund), so the answer was not
 * applied and the payment was set aside for a person. The status did not change
 * ({@code previousStatus == status}). Published once per flag. Alert someone here: money
 * may have been paid under this order id that does not belong to this payment.
 *
 * @param orderId the order id
 * @param transactionId Midtrans' transaction id, when known
 * @param previousStatus the status, unchanged
 * @param status the status, unchanged
 * @param grossAmount the recorded amount
 * @param paymentType the recorded payment method, {@code null} for a Snap checkout before
 * the customer picked one
 * @param flag what did not match
 * @param detail what Midtrans reported against what was recorded
 * @param occurredAt when the flag was recorded
 * @param eventId the event's id, the same on every delivery
 * @since 0.1.0
 */
public record PaymentFlaggedEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
		PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, PaymentFlag flag, String detail,
		Instant occurredAt, UUID eventId) implements PaymentEvent {

	/**
	 * Create the event with a new id.
	 * @param orderId see the record
	 * @param transactionId see the record
	 * @param previousStatus see the record
	 * @param status see the record
	 * @param grossAmount see the record
	 * @param paymentType see the record
	 * @param flag see the record
	 * @param detail see the record
	 * @param occurredAt see the record
	 */
	public PaymentFlaggedEvent(String orderId, @Nullable String transactionId, PaymentStatus previousStatus,
			PaymentStatus status, BigDecimal grossAmount, @Nullable String paymentType, PaymentFlag flag, String detail,
			Instant occurredAt) {
		this(orderId, transactionId, previousStatus, status, grossAmount, paymentType, flag, detail, occurredAt,
				UUID.randomUUID());
	}

}
