package io.github.springmidtrans.docs;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentSettledEvent;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

// The samples of docs/getting-started.md, exactly as shown there (JavaSamplesMirrorTests
// checks it); DocumentationSamplesIntegrationTests runs them against the simulator.

@Service
class Checkout {

	private final PaymentService payments;

	Checkout(PaymentService payments) {
		this.payments = payments;
	}

	String payByBcaVirtualAccount(String orderId, long amount) {
		MidtransPayment payment = payments.charge(ChargeRequest.bankTransfer(orderId, amount, Bank.BCA).build());
		return payment.getVaNumber(); // show this to the customer
	}

}

@Component
class Fulfilment {

	private final Orders orders;

	Fulfilment(Orders orders) {
		this.orders = orders;
	}

	@EventListener
	void paid(PaymentSettledEvent event) {
		orders.markPaid(event.orderId());
	}

}

/**
 * The application's own orders, as the samples assume them.
 */
@Component
class Orders {

	final Set<String> paid = ConcurrentHashMap.newKeySet();

	final List<String> log = new CopyOnWriteArrayList<>();

	void markPaid(String orderId) {
		this.paid.add(orderId);
	}

	void recordRefund(String orderId, BigDecimal refunded, BigDecimal total) {
		this.log.add(orderId + " refunded " + refunded.toPlainString() + " of " + total.toPlainString());
	}

	boolean isPaid(String orderId) {
		return this.paid.contains(orderId);
	}

	void extend(String subscriptionId, String orderId) {
		this.log.add(subscriptionId + " extended by " + orderId);
	}

	void remindToUpdateCard(String subscriptionId, String orderId) {
		this.log.add(subscriptionId + " renewal " + orderId + " failed");
	}

	void log(String orderId, String change) {
		this.log.add(orderId + " " + change);
	}

}
