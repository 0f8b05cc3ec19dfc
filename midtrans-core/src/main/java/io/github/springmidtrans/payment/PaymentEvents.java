package io.github.springmidtrans.payment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Turns status changes into events, and publishes them once the transaction that recorded
 * them has completed. A rolled-back transition publishes nothing.
 */
final class PaymentEvents {

	private PaymentEvents() {
	}

	/**
	 * The event for a change, if it is a real transition.
	 */
	static @Nullable PaymentEvent eventFor(MidtransPayment payment, StatusChange change, Instant now) {
		if (!change.applied()) {
			return null;
		}
		PaymentStatus previous = change.previous();
		PaymentStatus status = payment.getStatus();
		String orderId = payment.getOrderId();
		String transactionId = payment.getTransactionId();
		String type = payment.getPaymentType();
		if (change.refundedIncrease().signum() > 0) {
			return new PaymentRefundedEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type,
					change.refundedIncrease(), payment.getRefundedAmount(), now);
		}
		if (change.becamePaid()) {
			return new PaymentSettledEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type,
					now, UUID.randomUUID(), payment.mayPayInvoice());
		}
		if (payment.isChallenged()) {
			return new PaymentChallengedEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type,
					now);
		}
		return switch (status) {
			case PENDING ->
				new PaymentPendingEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type, now);
			case DENY ->
				new PaymentDeniedEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type, now);
			case CANCEL -> new PaymentCancelledEvent(orderId, transactionId, previous, status, payment.getGrossAmount(),
					type, now);
			case EXPIRE ->
				new PaymentExpiredEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type, now);
			case FAILURE, FAILED ->
				new PaymentFailedEvent(orderId, transactionId, previous, status, payment.getGrossAmount(), type, now);
			default -> new PaymentStatusChangedEvent(orderId, transactionId, previous, status, payment.getGrossAmount(),
					type, now);
		};
	}

	/**
	 * The event for a payment that was just flagged.
	 */
	static PaymentEvent flagged(MidtransPayment payment, Instant now) {
		PaymentFlag flag = Objects.requireNonNull(payment.getFlag());
		String detail = Objects.requireNonNull(payment.getFlagDetail());
		return new PaymentFlaggedEvent(payment.getOrderId(), payment.getTransactionId(), payment.getStatus(),
				payment.getStatus(), payment.getGrossAmount(), payment.getPaymentType(), flag, detail, now);
	}

	/**
	 * Add an event raised inside a transaction, if there is one.
	 */
	static void collect(List<PaymentEvent> raised, @Nullable PaymentEvent event) {
		if (event != null) {
			raised.add(event);
		}
	}

}
