package io.github.springmidtrans.sample.shop;

import java.math.BigDecimal;
import java.time.Clock;

import io.github.springmidtrans.payment.PaymentCancelledEvent;
import io.github.springmidtrans.payment.PaymentDeniedEvent;
import io.github.springmidtrans.payment.PaymentExpiredEvent;
import io.github.springmidtrans.payment.PaymentFailedEvent;
import io.github.springmidtrans.payment.PaymentRefundedEvent;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps orders in step with their payments through the starter's payment events. The
 * starter raises each event once per real transition, whichever channel noticed it (the
 * charge answer, a notification, a status check), and delivers it after its transaction
 * committed, at least once: again after a listener failed or the application died, with
 * the same event id. This is the one place where the shop fulfils an order, and every
 * handler is safe to repeat: the order's status moves forward only, in the listener's own
 * transaction, so an event delivered again finds the order already moved and does
 * nothing.
 */
@Component
public class OrderFulfilment {

	private static final Logger logger = LoggerFactory.getLogger(OrderFulfilment.class);

	private final ShopOrderRepository orders;

	private final Clock clock = Clock.systemUTC();

	OrderFulfilment(ShopOrderRepository orders) {
		this.orders = orders;
	}

	/**
	 * The money is received: the order is paid, and fulfilled at once (the shop sells
	 * things it can hand over immediately).
	 * @param event the settlement
	 */
	@EventListener
	@Transactional
	public void onSettled(PaymentSettledEvent event) {
		this.orders.findByOrderNumber(event.orderId()).ifPresent((order) -> {
			if (event.grossAmount().compareTo(BigDecimal.valueOf(order.getAmount())) != 0) {
				logger.error("Order {} costs {} but its payment settled {}: not fulfilled", order.getOrderNumber(),
						order.getAmount(), event.grossAmount());
				return;
			}
			if (order.markPaid(this.clock.instant())) {
				logger.info("Order {} paid with {}", order.getOrderNumber(), event.paymentType());
			}
			if (order.markFulfilled(this.clock.instant())) {
				logger.info("Order {} fulfilled", order.getOrderNumber());
			}
			else {
				logger.debug("Order {} already {}; event {} delivered again", order.getOrderNumber(), order.getStatus(),
						event.eventId());
			}
		});
	}

	/**
	 * The payment expired.
	 * @param event the expiry
	 */
	@EventListener
	@Transactional
	public void onExpired(PaymentExpiredEvent event) {
		unpaid(event.orderId(), OrderStatus.EXPIRED);
	}

	/**
	 * The payment was cancelled.
	 * @param event the cancellation
	 */
	@EventListener
	@Transactional
	public void onCancelled(PaymentCancelledEvent event) {
		unpaid(event.orderId(), OrderStatus.CANCELLED);
	}

	/**
	 * The payment was denied.
	 * @param event the denial
	 */
	@EventListener
	@Transactional
	public void onDenied(PaymentDeniedEvent event) {
		unpaid(event.orderId(), OrderStatus.PAYMENT_FAILED);
	}

	/**
	 * Midtrans refused the charge.
	 * @param event the failure
	 */
	@EventListener
	@Transactional
	public void onFailed(PaymentFailedEvent event) {
		unpaid(event.orderId(), OrderStatus.PAYMENT_FAILED);
	}

	/**
	 * Money went back to the customer; only a full refund changes the order.
	 * @param event the refund
	 */
	@EventListener
	@Transactional
	public void onRefunded(PaymentRefundedEvent event) {
		if (event.status() != PaymentStatus.REFUND) {
			return;
		}
		this.orders.findByOrderNumber(event.orderId()).ifPresent((order) -> {
			if (order.markRefunded()) {
				logger.info("Order {} refunded", order.getOrderNumber());
			}
		});
	}

	private void unpaid(String orderNumber, OrderStatus outcome) {
		this.orders.findByOrderNumber(orderNumber).ifPresent((order) -> {
			if (order.markUnpaid(outcome)) {
				logger.info("Order {}: {}", order.getOrderNumber(), outcome);
			}
		});
	}

}
