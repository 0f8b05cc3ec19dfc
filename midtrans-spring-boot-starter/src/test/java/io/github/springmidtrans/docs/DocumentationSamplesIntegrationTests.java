package io.github.springmidtrans.docs;

import java.time.Duration;
import java.time.Instant;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.TransactionSnapshot;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the samples of docs/getting-started.md, docs/payments.md and docs/tasks.md against
 * the simulator, so they not only compile but do what the pages say.
 */
@SpringBootTest(classes = DocumentationSamplesIntegrationTests.SampleApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "spring.datasource.generate-unique-name=true")
@AutoConfigureMidtransSimulator
class DocumentationSamplesIntegrationTests {

	@Autowired
	Checkout checkout;

	@Autowired
	Orders orders;

	@Autowired
	PaymentChecks checks;

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	InvoiceService invoices;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	MidtransClient client;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void gettingStartedChargesAndFulfilsOncePaid() {
		String vaNumber = this.checkout.payByBcaVirtualAccount("GS-1", 150_000);
		assertThat(vaNumber).isNotBlank();
		assertThat(this.orders.paid).doesNotContain("GS-1");

		this.simulator.pay("GS-1");
		this.payments.refreshStatus("GS-1");

		assertThat(this.orders.paid).contains("GS-1");
		assertThat(this.orders.log).contains("GS-1 INITIATED -> PENDING", "GS-1 PENDING -> SETTLEMENT");
	}

	@Test
	void paymentSamplesDoWhatThePageSays() {
		PaymentSamples samples = new PaymentSamples(this.payments, this.tasks, cardToken());

		Instant before = Instant.now();
		assertThat(samples.ownExpiry()).isBetween(before.plus(Duration.ofMinutes(59)),
				Instant.now().plus(Duration.ofMinutes(61)));
		assertThat(samples.bankTransfer()).isNotBlank();
		assertThat(samples.chosenVaNumber().getVaNumber()).endsWith("12345678");
		assertThat(samples.mandiriBill()).allSatisfy((value) -> assertThat(value).isNotBlank());
		assertThat(samples.qris()).isNotBlank();
		assertThat(samples.gopay()).allSatisfy((value) -> assertThat(value).isNotBlank());
		assertThat(samples.shopeepay()).isNotBlank();
		assertThat(samples.convenienceStore()).isNotBlank();

		MidtransPayment card = samples.card();
		assertThat(card.getRedirectUrl()).isNotBlank();
		this.simulator.challenge("ORDER-108");
		this.payments.refreshStatus("ORDER-108");
		samples.approve();
		assertThat(this.payments.findByOrderId("ORDER-108")).get()
			.extracting(MidtransPayment::getFraudStatus)
			.isEqualTo("accept");

		this.simulator.pay("ORDER-105");
		this.payments.refreshStatus("ORDER-105");
		assertThat(samples.refund().getState()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(this.orders.log).contains("ORDER-105 refunded 15000.00 of 15000.00");
		assertThat(samples.readStatus()).get()
			.extracting(MidtransPayment::getStatus)
			.isEqualTo(PaymentStatus.PARTIAL_REFUND);

		this.simulator.pay("ORDER-104");
		this.payments.refreshStatus("ORDER-104");
		assertThat(samples.refundInTwoSteps().getState()).isEqualTo(RefundState.SUCCEEDED);

		assertThat(samples.cancelAndExpire()).extracting(MidtransPayment::getStatus)
			.containsExactly(PaymentStatus.CANCEL, PaymentStatus.EXPIRE);

		// An answer read by the application, applied with a write of its own.
		this.jdbc.execute("create table shop_order (order_id varchar(50) primary key, status varchar(20))");
		this.jdbc.update("insert into shop_order values ('ORDER-101', 'PENDING')");
		this.simulator.pay("ORDER-101");
		assertThat(samples.applyOwnAnswer(this.client, this.jdbc)).isTrue();
		assertThat(this.jdbc.queryForObject("select status from shop_order where order_id = 'ORDER-101'", String.class))
			.isEqualTo("SETTLEMENT");
		assertThat(this.payments.findByOrderId("ORDER-101")).get()
			.extracting(MidtransPayment::getStatus)
			.isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.orders.paid).contains("ORDER-101");

		assertThat(samples.chargeLater()).succeedsWithin(Duration.ofSeconds(10))
			.satisfies((result) -> assertThat(result.orderId()).isEqualTo("ORDER-110"));
	}

	@Test
	void cardCanBeAuthorisedAndCapturedInPart() {
		PaymentSamples samples = new PaymentSamples(this.payments, this.tasks, cardToken());
		MidtransPayment captured = samples.authorizeThenCaptureAfter(() -> this.simulator.pay("ORDER-109"));
		assertThat(captured.getStatus()).isEqualTo(PaymentStatus.CAPTURE);
		assertThat(this.simulator.transaction("ORDER-109")).get()
			.extracting(TransactionSnapshot::transactionStatus)
			.isEqualTo("capture");
	}

	@Test
	void invoiceAndSubscriptionSamplesDoWhatThePagesSay() {
		InvoiceAndSubscriptionSamples samples = new InvoiceAndSubscriptionSamples(this.invoices, this.subscriptions,
				this.orders);
		assertThat(samples.createInvoice()).allSatisfy((url) -> assertThat(url).isNotBlank());
		assertThat(samples.voidInvoice().getStatus()).isEqualTo(InvoiceStatus.VOIDED);

		String savedTokenId = this.client.cards()
			.register(CardRegisterRequest.of("4811111111111114", "12", "2030"))
			.savedTokenId();
		String id = samples.createSubscription(savedTokenId);
		assertThat(id).isNotBlank();
		samples.pauseResumeCancel(id);
		assertThat(this.subscriptions.findBySubscriptionId(id)).get()
			.extracting(MidtransSubscription::getStatus)
			.isEqualTo(SubscriptionStatus.CANCELLED);
	}

	@Test
	void taskSampleRuns() {
		this.checks.examples();
		await().untilAsserted(() -> assertThat(this.payments.findByOrderId("ORDER-124")).isPresent());
	}

	private String cardToken() {
		return this.client.cards().token(CardTokenRequest.of("4811111111111114", "12", "2030", "123")).tokenId();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Checkout.class, Fulfilment.class, Orders.class, PaymentChecks.class, OrderEvents.class })
	static class SampleApplication {

	}

}
