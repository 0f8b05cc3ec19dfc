package io.github.springmidtrans.docs;

import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentRefundedEvent;
import io.github.springmidtrans.payment.PaymentSettledEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

// The listener of docs/webhooks.md, exactly as shown there.

@Component
class OrderEvents {

	private final Orders orders;

	OrderEvents(Orders orders) {
		this.orders = orders;
	}

	@EventListener
	void paid(PaymentSettledEvent event) {
		orders.markPaid(event.orderId());
	}

	@EventListener
	void refunded(PaymentRefundedEvent event) {
		orders.recordRefund(event.orderId(), event.refundedAmount(), event.totalRefunded());
	}

	@EventListener
	void anyChange(PaymentEvent event) {
		orders.log(event.orderId(), event.previousStatus() + " -> " + event.status());
	}

}
