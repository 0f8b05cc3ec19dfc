package io.github.springmidtrans.client;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceResponse;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentLinkRequest;
import io.github.springmidtrans.client.model.PaymentLinkResponse;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.client.model.TransactionResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The code samples of README.md and docs/client.md, kept compiling and working. The
 * docs/client.md samples appear here exactly as on the page (the starter's
 * JavaSamplesMirrorTests checks it): when a sample changes there, change it here too.
 */
class DocumentationSamplesTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final String key = "4f6e2c1a-8d3b-4e5f-9a7b-0c1d2e3f4a5b-create";

	@Test
	void chargingSample() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","transaction_status":"pending","va_numbers":[{"bank":"bca","va_number":"8127"}]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		TransactionResponse va = client.charge(ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA)
			.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
			.item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
			.build());
		String numberToPay = va.paymentNumber(); // VA number, Permata VA, Mandiri bill
													// key or store code

		assertThat(numberToPay).isEqualTo("8127");
	}

	@Test
	void subscriptionSample() {
		this.server.enqueue(MockMidtrans.json("{\"id\":\"sub-1\",\"status\":\"active\"}"));
		MidtransClient client = MockMidtrans.client(this.server);
		String savedTokenId = "48111111sHfSakAvHvFQFEjTivUV1114";
		String key = this.key;

		SubscriptionResponse subscription = client.subscriptions()
			.create(SubscriptionRequest
				.creditCard("MONTHLY-PLAN", 14_000, savedTokenId, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
				.build(), RequestOptions.none().withIdempotencyKey(key));

		assertThat(subscription.id()).isEqualTo("sub-1");
	}

	@Test
	void invoiceSample() {
		this.server.enqueue(MockMidtrans.json(201, "{\"id\":\"inv-1\",\"status\":\"pending\"}"));
		MidtransClient client = MockMidtrans.client(this.server);
		OffsetDateTime invoiceDate = OffsetDateTime.of(2026, 11, 24, 9, 0, 0, 0, ZoneOffset.ofHours(7));
		OffsetDateTime dueDate = invoiceDate.plusDays(14);

		String key = this.key;

		InvoiceResponse invoice = client.invoices()
			.create(InvoiceRequest
				.virtualAccount("inv-order-1", "INV-2026-0001", invoiceDate, dueDate,
						InvoiceCustomer.of("C-1", "Budi", "budi@example.com", "8111222333"),
						InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
				.item(InvoiceItem.of("SKU-1", "Coffee beans", 1, 150_000))
				.build(), RequestOptions.none().withIdempotencyKey(key)); // sent as
																			// X-Idempotency-Key

		assertThat(invoice.id()).isEqualTo("inv-1");
	}

	@Test
	void setUpSampleReadsTheKeyFromTheEnvironment() {
		String environmentKey = System.getenv("MIDTRANS_SERVER_KEY");
		if (environmentKey == null || environmentKey.isBlank()) {
			assertThatIllegalStateException().isThrownBy(DocumentationSamplesTests::clientFromEnvironment)
				.withMessageContaining("server key is required");
		}
		else {
			assertThat(clientFromEnvironment().environment()).isEqualTo(MidtransEnvironment.SANDBOX);
		}
	}

	static MidtransClient clientFromEnvironment() {
		MidtransClient client = MidtransClient.builder()
			.serverKey(System.getenv("MIDTRANS_SERVER_KEY")) // required; never logged
			.build(); // sandbox by default
		return client;
	}

	@Test
	void verifyingSample() {
		MidtransClient client = MockMidtrans.client(this.server);
		String requestBody = """
				{"order_id":"ORDER-1","status_code":"200","gross_amount":"150000.00","transaction_status":"settlement","signature_key":"%s"}
				"""
			.formatted(NotificationSignature.compute("ORDER-1", "200", "150000.00", MockMidtrans.SERVER_KEY));

		TransactionResponse notification = client.verifyNotification(requestBody);

		assertThat(notification.orderId()).isEqualTo("ORDER-1");
	}

	@Test
	void paymentLinkSample() {
		this.server.enqueue(MockMidtrans.json("{\"order_id\":\"link-order-1\",\"payment_url\":\"https://pay/x\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		PaymentLinkResponse link = client.paymentLinks()
			.create(PaymentLinkRequest.fixedAmount("link-order-1", 150_000)
				.item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
				.title("Coffee")
				.build());
		String url = link.paymentUrl();

		assertThat(url).isEqualTo("https://pay/x");
	}

}
