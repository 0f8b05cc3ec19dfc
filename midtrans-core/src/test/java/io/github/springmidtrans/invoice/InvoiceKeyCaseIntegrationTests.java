package io.github.springmidtrans.invoice;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invoice order ids, numbers and Midtrans ids that differ only in letter case name
 * different invoices. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InvoiceKeyCaseIntegrationTests {

	private DatabaseFixture database;

	private MockWebServer server;

	private InvoiceService invoices;

	private final List<Object> events = new CopyOnWriteArrayList<>();

	abstract Database database();

	@BeforeAll
	void startDatabase() {
		this.database = DatabaseFixture.start(database());
	}

	@AfterAll
	void stopDatabase() {
		this.database.close();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.database.clear();
		this.events.clear();
		this.server = new MockWebServer();
		this.server.start();
		MidtransClient client = MidtransClient.builder()
			.serverKey("SB-Mid-server-INVOICE-KEYS-TEST")
			.baseUrl(this.server.url("/").toString())
			.build();
		this.invoices = new InvoiceService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void invoicesWhoseKeysDifferInCaseAreDifferentInvoices() {
		MidtransInvoice lower = created("Inv-aBc9", "mid-aBc9");
		MidtransInvoice upper = created("Inv-AbC9", "mid-AbC9");

		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(upper.getId()).isNotEqualTo(lower.getId());
		assertThat(upper.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(this.invoices.findByOrderId("Inv-aBc9").orElseThrow().getId()).isEqualTo(lower.getId());
		assertThat(this.invoices.findByOrderId("Inv-AbC9").orElseThrow().getId()).isEqualTo(upper.getId());
		assertThat(this.invoices.findByOrderId("INV-ABC9")).isEmpty();
		MidtransInvoiceRepository repository = new MidtransInvoiceRepository(this.database.entityManager());
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
			assertThat(repository.findByOrderId("inv-abc9")).isEmpty();
			assertThat(repository.lockByOrderId("INV-ABC9")).isEmpty();
			assertThat(repository.lockByMidtransInvoiceId("MID-ABC9")).isEmpty();
			assertThat(repository.lockByMidtransInvoiceId("mid-AbC9").orElseThrow().getId()).isEqualTo(upper.getId());
		});
	}

	private MidtransInvoice created(String orderId, String midtransId) {
		this.server.enqueue(
				new MockResponse.Builder().code(201).headers(Headers.of("Content-Type", "application/json")).body("""
						{"id":"%s","order_id":"%s","invoice_number":"N-%s","status":"pending","gross_amount":150000,
						 "payment_type":"virtual_account","virtual_accounts":[{"bank":"bca_va","number":"12345678901"}],
						 "item_details":[{"item_id":"SKU-1","description":"Coffee","quantity":1,"price":150000}]}
						""".formatted(midtransId, orderId, orderId)).build());
		OffsetDateTime invoiceDate = OffsetDateTime.parse("2026-11-24T10:00:00+07:00");
		return this.invoices.create(InvoiceRequest
			.virtualAccount(orderId, "N-" + orderId, invoiceDate, invoiceDate.plusDays(7),
					InvoiceCustomer.of("C-1", "Budi Utomo", "budi@example.com", "6281234567890"),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU-1", "Coffee", 1, 150_000))
			.build());
	}

}
