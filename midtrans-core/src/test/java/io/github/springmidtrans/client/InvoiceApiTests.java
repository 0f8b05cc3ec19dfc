package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.InvoiceAmount;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoicePaymentLink;
import io.github.springmidtrans.client.model.InvoicePaymentType;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.InvoiceStatus;
import io.github.springmidtrans.client.model.InvoiceTax;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.LinkExpiry;
import io.github.springmidtrans.client.model.LinkExpiryUnit;
import io.github.springmidtrans.client.model.TaxMode;
import io.github.springmidtrans.client.model.TaxType;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Invoicing API: request shapes, parsed answers and error shapes.
 */
class InvoiceApiTests {

	private static final ZoneOffset WIB = ZoneOffset.ofHours(7);

	private static final OffsetDateTime INVOICE_DATE = OffsetDateTime.of(2025, 1, 6, 20, 3, 4, 0, WIB);

	private static final OffsetDateTime DUE_DATE = OffsetDateTime.of(2025, 8, 6, 20, 3, 4, 0, WIB);

	private static final InvoiceCustomer CUSTOMER = InvoiceCustomer.of("customer_id", "merchant A",
			"merchant@midtrans.com", "82313123123");

	private static final String VA_INVOICE = """
			{"order_id":"inv-order-1","invoice_number":"INV-001","invoice_title":"INVOICE",
			 "published_date":"2024-03-06 10:54:14 +0700","due_date":"2025-08-06 20:03:04 +0700",
			 "invoice_date":"2025-01-06 20:03:04 +0700","reference":"reference",
			 "customer_details":{"id":"customer_id","name":"merchant A","email":"merchant@midtrans.com","phone":"82313123123"},
			 "item_details":[{"item_id":"SKU1111","description":"midtrans pillow","quantity":1,"price":2000,"discount_percentage":50}],
			 "id":"65e7e8e657389830d04836fc","status":"pending","gross_amount":13324,
			 "pdf_url":"https://assets.midtrans.com/invoices/pdf/5a76","payment_type":"virtual_account",
			 "virtual_accounts":[{"bank":"bca_va","number":"12345678901"},{"name":"bni_va","number":"98765432"}],
			 "amount":{"discount":"1000","shipping":11,"total_tax":38},
			 "tax_mode":"exclusive","taxes":[{"name":"PPN","type":"percentage","value":0.2,"calculated_amount":38}]}
			""";

	@StartStop
	final MockWebServer server = new MockWebServer();

	private static InvoiceRequest.Builder vaInvoice() {
		return InvoiceRequest
			.virtualAccount("inv-order-1", "INV-001", INVOICE_DATE, DUE_DATE, CUSTOMER,
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU1111", "midtrans pillow", 1, 2000));
	}

	@Test
	void createVirtualAccountInvoiceSendsDocumentedShapeAndParsesAnswer() throws Exception {
		this.server.enqueue(MockMidtrans.json(201, VA_INVOICE));
		MidtransClient client = MockMidtrans.client(this.server);

		InvoiceResponse response = client.invoices()
			.create(InvoiceRequest
				.virtualAccount("inv-order-1", "INV-001", INVOICE_DATE, DUE_DATE, CUSTOMER,
						InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA),
						InvoiceVirtualAccount.of(InvoiceVaBank.BNI_VA, "98765432"))
				.item(InvoiceItem.of("SKU1111", "midtrans pillow", 1, 2000).withDiscountPercentage(50))
				.titles("INVOICE", "PAID")
				.notes("just a note")
				.reference("reference")
				.amount(InvoiceAmount.of(1000L, 11L))
				.taxes(TaxMode.EXCLUSIVE, InvoiceTax.percentage("PPN", new BigDecimal("0.2")))
				.build());

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/invoices");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(request.getHeaders().get("X-Idempotency-Key")).isNull();
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("order_id").asString()).isEqualTo("inv-order-1");
		assertThat(body.get("invoice_number").asString()).isEqualTo("INV-001");
		assertThat(body.get("invoice_date").asString()).isEqualTo("2025-01-06 20:03:04 +0700");
		assertThat(body.get("due_date").asString()).isEqualTo("2025-08-06 20:03:04 +0700");
		assertThat(body.get("invoice_title").asString()).isEqualTo("INVOICE");
		assertThat(body.get("invoice_paid_title").asString()).isEqualTo("PAID");
		assertThat(body.get("payment_type").asString()).isEqualTo("virtual_account");
		assertThat(body.at("/customer_details/name").asString()).isEqualTo("merchant A");
		assertThat(body.at("/customer_details/id").asString()).isEqualTo("customer_id");
		assertThat(body.at("/virtual_accounts/0/bank").asString()).isEqualTo("bca_va");
		assertThat(body.at("/virtual_accounts/0").has("number")).isFalse();
		assertThat(body.at("/virtual_accounts/1/bank").asString()).isEqualTo("bni_va");
		assertThat(body.at("/virtual_accounts/1/number").asString()).isEqualTo("98765432");
		assertThat(body.at("/item_details/0/item_id").asString()).isEqualTo("SKU1111");
		assertThat(body.at("/item_details/0/description").asString()).isEqualTo("midtrans pillow");
		assertThat(body.at("/item_details/0/price").isIntegralNumber()).isTrue();
		assertThat(body.at("/item_details/0/price").asLong()).isEqualTo(2000);
		assertThat(body.at("/item_details/0/discount_percentage").asInt()).isEqualTo(50);
		assertThat(body.at("/amount/discount").asLong()).isEqualTo(1000);
		assertThat(body.at("/amount/shipping").asLong()).isEqualTo(11);
		assertThat(body.get("tax_mode").asString()).isEqualTo("exclusive");
		assertThat(body.at("/taxes/0/type").asString()).isEqualTo("percentage");
		assertThat(body.at("/taxes/0/value").decimalValue()).isEqualByComparingTo("0.2");
		assertThat(body.has("payment_link")).isFalse();
		assertThat(MockMidtrans.body(request)).doesNotContain("null");

		assertThat(response.id()).isEqualTo("65e7e8e657389830d04836fc");
		assertThat(response.status()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(response.isPaid()).isFalse();
		assertThat(response.grossAmount()).isEqualByComparingTo(new BigDecimal("13324"));
		assertThat(response.paymentType()).isEqualTo(InvoicePaymentType.VIRTUAL_ACCOUNT);
		assertThat(response.publishedDate()).isEqualTo(OffsetDateTime.of(2024, 3, 6, 10, 54, 14, 0, WIB));
		assertThat(response.dueDate()).isEqualTo(DUE_DATE);
		assertThat(response.virtualAccounts()).extracting(InvoiceVirtualAccount::bank)
			.containsExactly(InvoiceVaBank.BCA_VA, InvoiceVaBank.BNI_VA);
		assertThat(response.virtualAccounts()).extracting(InvoiceVirtualAccount::number)
			.containsExactly("12345678901", "98765432");
		assertThat(response.customerDetails().email()).isEqualTo("merchant@midtrans.com");
		assertThat(response.itemDetails().get(0).discountPercentage()).isEqualTo(50);
		assertThat(response.amount().discount()).isEqualByComparingTo("1000");
		assertThat(response.amount().shipping()).isEqualByComparingTo("11");
		assertThat(response.taxMode()).isEqualTo(TaxMode.EXCLUSIVE);
		assertThat(response.taxes().get(0).type()).isEqualTo(TaxType.PERCENTAGE);
		assertThat(response.taxes().get(0).calculatedAmount()).isEqualByComparingTo("38");
		assertThat(response.raw().text("reference")).isEqualTo("reference");
	}

	@Test
	void createPaymentLinkInvoiceSendsLinkOptions() throws Exception {
		this.server.enqueue(MockMidtrans.json(201,
				"""
						{"id":"inv-2","order_id":"inv-order-2","status":"pending","gross_amount":2000,"payment_type":"payment_link",
						 "payment_link_url":"https://app.midtrans.com/payment-links/b1000b26","virtual_accounts":[]}
						"""));
		MidtransClient client = MockMidtrans.client(this.server);

		InvoiceResponse response = client.invoices()
			.create(InvoiceRequest.paymentLink("inv-order-2", "INV-002", INVOICE_DATE, DUE_DATE, CUSTOMER)
				.item(InvoiceItem.of(null, "consulting", 1, 2000))
				.paymentLinkOptions(InvoicePaymentLink.of("bca_va", "credit_card")
					.withExpiry(LinkExpiry.after(3, LinkExpiryUnit.DAY))
					.withFinishUrl("https://shop.example/finish"))
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("payment_type").asString()).isEqualTo("payment_link");
		assertThat(body.at("/payment_link/is_custom_expiry").asBoolean()).isTrue();
		assertThat(body.at("/payment_link").has("custom_expiry")).isFalse();
		assertThat(body.at("/payment_link/enabled_payments/1").asString()).isEqualTo("credit_card");
		assertThat(body.at("/payment_link/expiry/duration").asInt()).isEqualTo(3);
		assertThat(body.at("/payment_link/expiry/unit").asString()).isEqualTo("day");
		assertThat(body.at("/payment_link/callbacks/finish").asString()).isEqualTo("https://shop.example/finish");
		assertThat(body.has("virtual_accounts")).isFalse();
		assertThat(response.paymentLinkUrl()).isEqualTo("https://app.midtrans.com/payment-links/b1000b26");
		assertThat(response.virtualAccounts()).isEmpty();
	}

	@Test
	void createWithIdempotencyKeySendsXIdempotencyKeyHeader() throws Exception {
		this.server.enqueue(MockMidtrans.json(201, VA_INVOICE));
		MidtransClient client = MockMidtrans.client(this.server);

		client.invoices().create(vaInvoice().build(), RequestOptions.none().withIdempotencyKey("inv-key-1"));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("X-Idempotency-Key")).isEqualTo("inv-key-1");
		assertThat(request.getHeaders().get("Idempotency-Key")).isNull();
	}

	@Test
	void getParsesPaidInvoice() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"id":"65e7e8e657389830d04836fc","order_id":"inv-order-1","status":"paid","gross_amount":"13324.00",
				 "paid_date":"2025-02-01 09:00:00 +0700","paid_pdf_url":"https://assets.midtrans.com/paid/1",
				 "amount":{"total_tax":38,"base_amount":13286}}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		InvoiceResponse response = client.invoices().get("65e7e8e657389830d04836fc");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/invoices/65e7e8e657389830d04836fc");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(response.status()).isEqualTo(InvoiceStatus.PAID);
		assertThat(response.isPaid()).isTrue();
		assertThat(response.grossAmount()).isEqualByComparingTo("13324");
		assertThat(response.paidDate()).isEqualTo(OffsetDateTime.of(2025, 2, 1, 9, 0, 0, 0, WIB));
		assertThat(response.paidPdfUrl()).isEqualTo("https://assets.midtrans.com/paid/1");
		assertThat(response.amount().totalTax()).isEqualByComparingTo("38");
		assertThat(response.amount().baseAmount()).isEqualByComparingTo("13286");
	}

	@Test
	void statusSpellingsAreReadLeniently() {
		assertThat(InvoiceStatus.fromWireValue("canceled")).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(InvoiceStatus.fromWireValue("CANCELLED")).isEqualTo(InvoiceStatus.CANCELLED);
		assertThat(InvoiceStatus.fromWireValue("Overdue")).isEqualTo(InvoiceStatus.OVERDUE);
		assertThat(InvoiceStatus.fromWireValue("partial")).isEqualTo(InvoiceStatus.UNKNOWN);
	}

	@Test
	void voidPatchesVoidPathWithoutBody() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"success\": true}"));
		MidtransClient client = MockMidtrans.client(this.server);

		client.invoices().voidInvoice("65e7e8e657389830d04836fc");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/invoices/65e7e8e657389830d04836fc/void");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(MockMidtrans.body(request)).isEmpty();
	}

	@Test
	void voidWithEmptyAnswerSucceeds() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatNoException().isThrownBy(() -> client.invoices().voidInvoice("inv-1"));
	}

	@Test
	void voidAnsweringSuccessFalseIsAnError() {
		this.server.enqueue(MockMidtrans.json("{\"success\": false, \"error_messages\":[\"not voidable\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> client.invoices().voidInvoice("inv-1"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("invoice void").contains("'inv-1'").contains("success false");
				assertThat(ex.getStatusMessage()).isEqualTo("not voidable");
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.INVOICE_VOID);
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void voidOfInvoiceThatCannotBeCancelledIsRefused() {
		this.server.enqueue(MockMidtrans.json(409, "{\"error_messages\":[\"Invoice cannot be canceled\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> client.invoices().voidInvoice("inv-1"))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(MidtransApiException.class);
				assertThat(ex.getMessage()).contains("conflict with the current state").doesNotContain("duplicate");
				assertThat(ex.getHttpStatus()).isEqualTo(409);
				assertThat(ex.getStatusMessage()).isEqualTo("Invoice cannot be canceled");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void invalidInvoiceIsValidationErrorWithMessages() {
		this.server.enqueue(MockMidtrans.json(400,
				"{\"error_messages\":[\"item must not be empty\",\"gross_amount must be more than 0\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client.invoices().create(vaInvoice().build()))
			.satisfies((ex) -> {
				assertThat(ex.getValidationMessages()).containsExactly("item must not be empty",
						"gross_amount must be more than 0");
				assertThat(ex.getStatusMessage()).contains("item must not be empty");
				assertThat(ex.getOrderId()).isEqualTo("inv-order-1");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void reusedOrderIdIsDuplicate() {
		this.server.enqueue(MockMidtrans.json(409, "{\"error_messages\":[\"Duplicate order id\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> client.invoices().create(vaInvoice().build()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusMessage()).isEqualTo("Duplicate order id");
				assertThat(ex.getOrderId()).isEqualTo("inv-order-1");
			});
	}

	@Test
	void unknownInvoiceIsNotFound() {
		this.server.enqueue(MockMidtrans.json(404, "{\"error_messages\":[\"Not Found\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(() -> client.invoices().get("missing"))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("Not Found"));
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(500, "{\"error_messages\":[\"Internal server error\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransServerException.class)
			.isThrownBy(() -> client.invoices().create(vaInvoice().build()))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void malformedAnswerIsInvalidResponse() {
		this.server.enqueue(MockMidtrans.json(201, "[\"not\", \"an\", \"invoice\"]"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.invoices().create(vaInvoice().build()));
	}

	@Test
	void requestRejectsWhatMidtransWouldReject() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> InvoiceRequest
						.virtualAccount("inv-1", "INV-1", INVOICE_DATE, DUE_DATE, CUSTOMER,
								InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
						.build())
			.withMessageContaining("at least one item");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoiceRequest
				.virtualAccount("inv-1", "INV-1", DUE_DATE, INVOICE_DATE, CUSTOMER,
						InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
				.item(InvoiceItem.of(null, "x", 1, 1000))
				.build())
			.withMessageContaining("due_date must be after invoice_date");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoiceRequest.virtualAccount("inv-1", "INV-1", INVOICE_DATE, DUE_DATE, CUSTOMER)
				.item(InvoiceItem.of(null, "x", 1, 1000))
				.build())
			.withMessageContaining("at least one virtual account");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoiceRequest
				.paymentLink("inv-1", "INV-1", INVOICE_DATE, DUE_DATE, InvoiceCustomer.of(null, "A", null, "0812"))
				.item(InvoiceItem.of(null, "x", 1, 1000))
				.build())
			.withMessageContaining("phone");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoiceRequest.paymentLink("inv-1", "INV-1", INVOICE_DATE, DUE_DATE, CUSTOMER)
				.item(InvoiceItem.of(null, "x", 1, 1000))
				.taxes(TaxMode.INCLUSIVE)
				.build())
			.withMessageContaining("inclusive tax mode needs taxes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoiceItem.of(null, "x", 1, 1000).withDiscountPercentage(101))
			.withMessageContaining("0 to 100");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> InvoicePaymentLink.of("bca_va").withFinishUrl("http://plain.example"))
			.withMessageContaining("https");
		assertThat(InvoiceRequest.paymentLink("inv-1", "INV-1", INVOICE_DATE, DUE_DATE, CUSTOMER)
			.item(InvoiceItem.of(null, "x", 1, 1000))
			.build()
			.paymentType()).isEqualTo(InvoicePaymentType.PAYMENT_LINK);
	}

}
