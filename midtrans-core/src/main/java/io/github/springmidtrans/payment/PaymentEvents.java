package io.github.springmidtrans.payment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Turns status changes into events and publishes them after the current transaction
 * commits (at once when none is active). A rolled-back transition publishes nothing.
 */
final class PaymentEvents {

	private final ApplicationEventPublisher publisher;

	PaymentEvents(ApplicationEventPublisher publisher) {
		this.publisher = publisher;
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
					now);
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
	 * Publish after the current transaction commits.
	 */
	void publishAfterCommit(@Nullable PaymentEvent event) {
		if (event == null) {
			return;
		}
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			this.publisher.publishEvent(event);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				PaymentEvents.this.publisher.publishEvent(event);
			}

		});
	}

}
