package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.InvoiceAmount;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoicePaymentLink;
import io.github.springmidtrans.client.model.InvoicePaymentType;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.InvoiceStatus;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorInvoiceTests {

	private static final OffsetDateTime INVOICE_DATE = OffsetDateTime.parse("2026-03-01T10:00:00+07:00");

	private static final OffsetDateTime DUE_DATE = OffsetDateTime.parse("2026-03-08T10:00:00+07:00");

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	private SimulatorFixture fixture;

	private MidtransSimulator simulator;

	private MidtransClient client;

	@BeforeEach
	void start() {
		this.receiver.setDispatcher(SimulatorFixture.answering(200));
		this.fixture = new SimulatorFixture(this.receiver.url("/payment").toString());
		this.simulator = this.fixture.simulator;
		this.client = this.fixture.client;
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void virtualAccountInvoiceIsCreatedPendingWithNumbersAndComputedTotal() {
		InvoiceResponse created = this.client.invoices().create(vaInvoice("inv-order-1"));
		assertThat(created.id()).matches("[0-9a-f]{24}");
		assertThat(created.status()).isEqualTo(InvoiceStatus.PENDING);
		// 2 x 2,000 + 1 x 5,000 - 10% of 5,000, + 11 shipping - 1,000 discount
		assertThat(created.grossAmount()).isEqualByComparingTo("7511");
		assertThat(created.virtualAccounts()).singleElement().satisfies((va) -> {
			assertThat(va.bank()).isEqualTo(InvoiceVaBank.BCA_VA);
			assertThat(va.number()).matches("\\d{11}");
		});
		assertThat(created.pdfUrl()).startsWith(this.simulator.baseUrl());
		assertThat(created.dueDate().toInstant()).isEqualTo(DUE_DATE.toInstant());
		assertThat(created.paymentType()).isEqualTo(InvoicePaymentType.VIRTUAL_ACCOUNT);
		assertThat(created.amount().discount()).isEqualByComparingTo("1000");
		assertThat(this.simulator.requestsTo(SimulatorOperation.INVOICE_CREATE)).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"invoice_number\""));
	}

	@Test
	void paymentLinkInvoiceHasALinkUrl() {
		InvoiceRequest request = InvoiceRequest
			.paymentLink("inv-link-1", "INV-LINK-1", INVOICE_DATE, DUE_DATE, customer())
			.item(InvoiceItem.of("SKU-1", "Pillow", 1, 50_000))
			.paymentLinkOptions(InvoicePaymentLink.of("credit_card", "gopay"))
			.build();
		InvoiceResponse created = this.client.invoices().create(request);
		assertThat(created.paymentLinkUrl()).startsWith(this.simulator.baseUrl()).contains(created.id());
		assertThat(created.virtualAccounts()).isEmpty();
		assertThat(created.grossAmount()).isEqualByComparingTo("50000");
	}

	@Test
	void getReturnsTheInvoiceOr404() {
		InvoiceResponse created = this.client.invoices().create(vaInvoice("inv-order-2"));
		InvoiceResponse read = this.client.invoices().get(created.id());
		assertThat(read.orderId()).isEqualTo("inv-order-2");
		assertThat(read.virtualAccounts()).extracting(InvoiceVirtualAccount::number)
			.containsExactly(created.virtualAccounts().get(0).number());
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.invoices().get("000000000000000000000000"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("Not Found"));
	}

	@Test
	void duplicateOrderIdIs409() {
		this.client.invoices().create(vaInvoice("inv-dup"));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.client.invoices().create(vaInvoice("inv-dup")))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(409))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("Duplicate order id"));
	}

	@Test
	void xIdempotencyKeyCreatesOnceForFiveMinutes() {
		RequestOptions key = RequestOptions.none().withIdempotencyKey("inv-key-1");
		InvoiceResponse first = this.client.invoices().create(vaInvoice("inv-idem"), key);
		assertThat(this.simulator.requestsTo(SimulatorOperation.INVOICE_CREATE).get(0).header("X-Idempotency-Key"))
			.isEqualTo("inv-key-1");
		this.fixture.clock.advance(Duration.ofMinutes(4));
		InvoiceResponse replay = this.client.invoices().create(vaInvoice("inv-idem"), key);
		assertThat(replay.id()).isEqualTo(first.id());
		this.fixture.clock.advance(Duration.ofMinutes(2));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.client.invoices().create(vaInvoice("inv-idem"), key));
	}

	@Test
	void totalThatIsNotPositiveIsA400WithErrorMessages() {
		InvoiceRequest request = InvoiceRequest
			.virtualAccount("inv-zero", "INV-ZERO", INVOICE_DATE, DUE_DATE, customer(),
					InvoiceVirtualAccount.of(InvoiceVaBank.BNI_VA))
			.item(InvoiceItem.of("SKU-1", "Pillow", 1, 1_000))
			.amount(InvoiceAmount.of(2_000L, null))
			.build();
		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.client.invoices().create(request))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400))
			.satisfies(
					(ex) -> assertThat(ex.getValidationMessages()).containsExactly("gross_amount must be more than 0"));
	}

	@Test
	void pendingInvoiceCanBeVoidedOnce() {
		String id = this.client.invoices().create(vaInvoice("inv-void")).id();
		this.client.invoices().voidInvoice(id);
		assertThat(this.client.invoices().get(id).status()).isEqualTo(InvoiceStatus.VOIDED);
		assertThat(SimulatorFixture.send(this.simulator, "GET", "/v1/invoices/" + id, "").field("status"))
			.isEqualTo("voided");
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> this.client.invoices().voidInvoice(id))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(409))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("Invoice cannot be canceled"));
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.invoices().voidInvoice("000000000000000000000000"));
	}

	@Test
	void voidAnswersSuccessTrue() {
		String id = this.client.invoices().create(vaInvoice("inv-void-raw")).id();
		SimulatorFixture.RawAnswer answer = this.fixture.send("PATCH", "/v1/invoices/" + id + "/void", "");
		assertThat(answer.httpStatus()).isEqualTo(200);
		assertThat(answer.json().get("success").asBoolean()).isTrue();
	}

	@Test
	void payingAnInvoiceSettlesATransactionNotifiedWithTheInvoiceId() throws Exception {
		InvoiceResponse created = this.client.invoices().create(vaInvoice("inv-paid"));
		TransactionSnapshot tx = this.simulator.payInvoice(created.id());
		assertThat(tx.orderId()).isEqualTo("inv-paid");
		assertThat(tx.transactionStatus()).isEqualTo("settlement");
		assertThat(tx.grossAmount()).isEqualTo(7_511);
		RecordedRequest request = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		TransactionResponse notification = this.client.verifyNotification(request.getBody().utf8());
		assertThat(notification.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(notification.metadata()).containsEntry("midtrans_invoice_id", created.id());
		assertThat(notification.vaNumbers()).singleElement()
			.satisfies((va) -> assertThat(va.vaNumber()).isEqualTo(created.virtualAccounts().get(0).number()));
		InvoiceResponse paid = this.client.invoices().get(created.id());
		assertThat(paid.status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(paid.paidDate()).isNotNull();
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.invoices().voidInvoice(created.id()));
		assertThat(this.client.status("inv-paid").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
	}

	@Test
	void unpaidInvoiceBecomesOverduePastItsDueDateAndStaysPayable() {
		String id = this.client.invoices().create(vaInvoice("inv-late")).id();
		this.fixture.clock.advance(Duration.ofDays(7));
		assertThat(this.simulator.invoiceStatus(id)).contains("pending");
		this.fixture.clock.advance(Duration.ofSeconds(1));
		assertThat(this.client.invoices().get(id).status()).isEqualTo(InvoiceStatus.OVERDUE);
		this.simulator.payInvoice(id);
		assertThat(this.simulator.invoiceStatus(id)).contains("paid");
	}

	private static InvoiceRequest vaInvoice(String orderId) {
		return InvoiceRequest
			.virtualAccount(orderId, "INV-" + orderId, INVOICE_DATE, DUE_DATE, customer(),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU-1", "Pillow", 2, 2_000))
			.item(new InvoiceItem("SKU-2", "Blanket", 1, 5_000, 10))
			.amount(InvoiceAmount.of(1_000L, 11L))
			.build();
	}

	private static InvoiceCustomer customer() {
		return InvoiceCustomer.of("cust-1", "Budi Utomo", "budi@example.com", "81234567890");
	}

}
