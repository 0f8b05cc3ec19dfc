package io.github.springmidtrans.docs;

import java.math.BigDecimal;
import java.time.Instant;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.event.MidtransEventPublication;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.notification.MidtransNotification;
import io.github.springmidtrans.payaccount.MidtransPayAccount;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.query.MidtransQueries;
import io.github.springmidtrans.query.QueryFilter;
import io.github.springmidtrans.subscription.MidtransSubscription;

import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

// The samples of docs/persistence.md, exactly as shown there.

/**
 * An application's own entity, as the @EntityScan sample assumes it.
 */
class Order {

}

@EntityScan(basePackageClasses = { Order.class, MidtransPayment.class, MidtransNotification.class,
		MidtransInvoice.class, MidtransSubscription.class, MidtransPayAccount.class, MidtransEventPublication.class })
class ShopEntityScan {

}

class PersistenceSamples {

	private final PaymentService paymentService;

	private final Orders orders;

	PersistenceSamples(PaymentService paymentService, Orders orders) {
		this.paymentService = paymentService;
		this.orders = orders;
	}

	MidtransRefund chargeThenRefund() {
		MidtransPayment payment = paymentService
			.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA).build());
		showToCustomer(payment.getVaNumber());

		MidtransRefund refund = paymentService.refund("ORDER-2", new BigDecimal("25000"), "out of stock", false);
		return refund;
	}

	private void showToCustomer(String number) {
	}

	Page<MidtransPayment> pendingOfOneCustomer(MidtransQueries queries) {
		Page<MidtransPayment> page = queries.payments(
				QueryFilter.<PaymentStatus>any()
					.status(PaymentStatus.PENDING)
					.customerEmail("budi@example.com")
					.created(Instant.parse("2026-11-01T00:00:00Z"), null),
				PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "createdAt")));
		return page;
	}

	@EventListener
	void fulfil(PaymentSettledEvent event) {
		orders.markPaid(event.orderId());
	}

}
