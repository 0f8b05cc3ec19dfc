package io.github.springmidtrans.autoconfigure;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.notification.NotificationHandler;
import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.notification.NotificationResult;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.TransactionSnapshot;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's services against the stateful simulator, wired by
 * {@link AutoConfigureMidtransSimulator}: no keys, no network.
 */
@SpringBootTest(classes = SimulatorBackedApplicationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.datasource.generate-unique-name=true")
@AutoConfigureMidtransSimulator
class SimulatorBackedApplicationTests {

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransClient client;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	InvoiceService invoices;

	@Autowired
	NotificationHandler notifications;

	@Test
	void chargePayAndRefundAgainstTheSimulator() {
		MidtransPayment charged = this.payments.charge(ChargeRequest.gopay("SIM-1", 90_000).build());
		assertThat(charged.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(charged.getDeeplinkUrl()).isNotNull();

		this.simulator.pay("SIM-1");
		assertThat(this.payments.refreshStatus("SIM-1").getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);

		MidtransRefund refund = this.payments.refund("SIM-1", new BigDecimal("30000"), "one cup less", false);
		assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
		MidtransPayment refunded = this.payments.findByOrderId("SIM-1").orElseThrow();
		assertThat(refunded.getStatus()).isEqualTo(PaymentStatus.PARTIAL_REFUND);
		assertThat(refunded.getRefundedAmount()).isEqualByComparingTo("30000");
		assertThat(this.simulator.transaction("SIM-1").orElseThrow().refunds()).hasSize(1);
	}

	@Test
	void renewalNotificationIsRecordedAsAPaymentOfItsSubscription() {
		String savedToken = this.client.cards()
			.register(CardRegisterRequest.of("4811111111111114", "12", "2030"))
			.savedTokenId();
		MidtransSubscription subscription = this.subscriptions.create(SubscriptionRequest
			.creditCard("MONTHLYSIM", 14_000, savedToken, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build());
		assertThat(subscription.getSubscriptionId()).isNotNull();
		// Midtrans charges the subscription on its schedule; the notification is
		// confirmed
		// with a status read of that very charge.
		this.simulator.clock().advance(Duration.ofDays(32));
		String orderId = this.simulator.subscription(subscription.getSubscriptionId())
			.orElseThrow()
			.chargeOrderIds()
			.get(0);

		NotificationResult result = this.notifications
			.handle(signed(orderId, "14000.00", "credit_card", "capture", null));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.message()).startsWith("recorded as a renewal of subscription");
		MidtransPayment renewal = this.payments.findByOrderId(orderId).orElseThrow();
		assertThat(renewal.getSubscriptionId()).isNotNull();
		assertThat(renewal.isPaid()).isTrue();
	}

	@Test
	void invoicePaymentNotificationMarksTheInvoicePaid() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		MidtransInvoice invoice = this.invoices.create(InvoiceRequest
			.virtualAccount("INV-ORDER-SIM-1", this.invoices.newInvoiceNumber(), now, now.plusDays(7),
					InvoiceCustomer.of("C-1", "Budi", "budi@example.com", "8111222333"),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU-1", "Coffee beans", 1, 150_000))
			.build());
		TransactionSnapshot paid = this.simulator.payInvoice(invoice.getMidtransInvoiceId());

		NotificationResult result = this.notifications.handle(signed(paid.orderId(), paid.grossAmount() + ".00",
				"bank_transfer", "settlement", invoice.getMidtransInvoiceId()));

		assertThat(result.outcome()).isEqualTo(NotificationOutcome.PROCESSED);
		assertThat(result.message()).isEqualTo("recorded as the payment of invoice " + invoice.getInvoiceNumber());
		assertThat(this.invoices.findByOrderId("INV-ORDER-SIM-1").orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.PAID);
	}

	private String signed(String orderId, String amount, String type, String status, String invoiceId) {
		String metadata = (invoiceId != null) ? ",\"metadata\":{\"midtrans_invoice_id\":\"" + invoiceId + "\"}" : "";
		return """
				{"order_id":"%s","status_code":"200","gross_amount":"%s","payment_type":"%s",
				 "transaction_status":"%s","fraud_status":"accept","transaction_id":"tx-%s","signature_key":"%s"%s}
				""".formatted(orderId, amount, type, status, orderId,
				NotificationSignature.compute(orderId, "200", amount, this.simulator.serverKey()), metadata);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
