package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;

import io.github.springmidtrans.event.MidtransEvent;
import org.jspecify.annotations.Nullable;

/**
 * A payment moved. Exactly one event is published per real transition, whichever channel
 * noticed it (a charge answer, a status check, a notification), and only after the
 * transaction that recorded it committed; with the event outbox, delivered again after a
 * listener failure or a crash, with the same {@link #eventId()}. Listen with
 * {@code @EventListener}.
 *
 * @since 0.1.0
 */
public sealed interface PaymentEvent extends MidtransEvent permits PaymentPendingEvent, PaymentSettledEvent,
		PaymentChallengedEvent, PaymentDeniedEvent, PaymentCancelledEvent, PaymentExpiredEvent, PaymentRefundedEvent,
		PaymentFailedEvent, PaymentFlaggedEvent, PaymentStatusChangedEvent {

	/**
	 * The order id.
	 * @return the order id
	 */
	String orderId();

	/**
	 * Midtrans' transaction id, once known.
	 * @return the transaction id or {@code null}
	 */
	@Nullable String transactionId();

	/**
	 * The status before.
	 * @return the previous status
	 */
	PaymentStatus previousStatus();

	/**
	 * The status after.
	 * @return the status
	 */
	PaymentStatus status();

	/**
	 * The payment's amount.
	 * @return the gross amount
	 */
	BigDecimal grossAmount();

	/**
	 * When the transition was recorded.
	 * @return the time
	 */
	@Override
	Instant occurredAt();

}
