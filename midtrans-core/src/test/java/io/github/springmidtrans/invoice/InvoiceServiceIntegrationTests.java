package io.github.springmidtrans.invoice;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link InvoiceService} against a real database and a scripted Midtrans. Subclasses pick
 * the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class InvoiceServiceIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	static final JsonMapper JSON = JsonMapper.builder().build();

	private DatabaseFixture database;

	MockWebServer server;

	InvoiceService invoices;

	PaymentService payments;

	final List<Object> events = new CopyOnWriteArrayList<>();

	final List<PaymentSettledEvent> settled = new CopyOnWriteArrayList<>();

	final List<String> violations = new CopyOnWriteArrayList<>();

	/**
	 * Invoice statuses as committed in the database when each request left the client.
	 */
	final List<String> committedStatusAtCall = new CopyOnWriteArrayList<>();

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
		this.settled.clear();
		this.violations.clear();
		this.committedStatusAtCall.clear();
		this.server = new MockWebServer();
		this.server.start();
		Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
		MidtransClient client = client();
		this.invoices = new InvoiceService(client, this.database.entityManager(), this.database.transactionManager(),
				this::publish, clock);
		this.payments = new PaymentService(client, this.database.entityManager(), this.database.transactionManager(),
				(event) -> {
					if (event instanceof PaymentSettledEvent settledEvent) {
						this.settled.add(settledEvent);
					}
				}, clock);
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@AfterEach
	void noHttpCallOrEventInsideATransaction() {
		assertThat(this.violations).isEmpty();
	}

	private MidtransClient client() {
		OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor((chain) -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.violations.add(chain.request().url().encodedPath());
			}
			this.committedStatusAtCall.add(String.join(",", this.database.jdbc()
				.queryForList("select status from midtrans_invoice order by id", String.class)));
			return chain.proceed(chain.request());
		}).build();
		return MidtransClient.builder()
			.serverKey("SB-Mid-server-INVOICES-TEST")
			.baseUrl(this.server.url("/").toString())
			.httpClient(http)
			.readTimeout(Duration.ofMillis(500))
			.build();
	}

	private void publish(Object event) {
		// A separate connection sees only committed rows: the transition must be there.
		if (event instanceof InvoicesOverdueEvent overdue) {
			Integer moved = this.database.jdbc()
				.queryForObject("select count(*) from midtrans_invoice where status = 'OVERDUE'", Integer.class);
			if (moved == null || moved < overdue.count()) {
				this.violations.add("event published before its transition was committed: " + event);
			}
		}
		else {
			String orderId;
			String expected = null;
			if (event instanceof InvoiceCreatedEvent created) {
				orderId = created.orderId();
			}
			else if (event instanceof InvoicePaidEvent paid) {
				orderId = paid.orderId();
				expected = "PAID";
			}
			else if (event instanceof InvoiceVoidedEvent voided) {
				orderId = voided.orderId();
				expected = "VOIDED";
			}
			else if (event instanceof InvoiceStatusChangedEvent changed) {
				orderId = changed.orderId();
				expected = changed.status().name();
			}
			else if (event instanceof InvoiceFlaggedEvent flagged) {
				orderId = flagged.orderId();
				expected = flagged.status().name();
				String flag = this.database.jdbc()
					.queryForObject("select flag from midtrans_invoice where order_id = ?", String.class, orderId);
				if (!flagged.flag().name().equals(flag)) {
					this.violations.add("flag event published before the flag was committed: " + event);
				}
			}
			else {
				throw new IllegalStateException("Unexpected event " + event);
			}
			String committed = this.database.jdbc()
				.queryForList("select status from midtrans_invoice where order_id = ?", String.class, orderId)
				.stream()
				.findFirst()
				.orElse(null);
			if (committed == null || committed.equals("INITIATED")
					|| (expected != null && !expected.equals(committed))) {
				this.violations.add("event published before its transition was committed: " + event);
			}
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			this.violations.add("event published while a transaction was still bound: " + event);
		}
		this.events.add(event);
	}

	// ---------------------------------------------------------------- create

	@Test
	void createRecordsTheInvoiceBeforeCallingMidtransAndAppliesTheAnswer() throws Exception {
		this.server.enqueue(json(201, created("inv-1", "INV-ORDER-1", "pending")));

		MidtransInvoice invoice = this.invoices.create(request("INV-ORDER-1", "INV-20261124-AAAA0001"));

		assertThat(this.committedStatusAtCall).containsExactly("INITIATED");
		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(invoice.getMidtransInvoiceId()).isEqualTo("inv-1");
		assertThat(invoice.getGrossAmount()).isEqualByComparingTo("150000");
		assertThat(invoice.getVaNumbers()).containsEntry("bca_va", "12345678901");
		assertThat(invoice.getPdfUrl()).isEqualTo("https://example.test/inv-1.pdf");
		assertThat(invoice.getItems()).extracting(MidtransInvoiceItem::getDescription).containsExactly("Coffee");
		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getMethod()).isEqualTo("POST");
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/v1/invoices");
		assertThat(sent.getHeaders().get("X-Idempotency-Key")).isEqualTo(invoice.getIdempotencyKey());
		JsonNode body = JSON.readTree(sent.getBody().utf8());
		assertThat(body.get("order_id").asString()).isEqualTo("INV-ORDER-1");
		assertThat(body.get("invoice_number").asString()).isEqualTo("INV-20261124-AAAA0001");
		assertThat(this.events).singleElement().isInstanceOfSatisfying(InvoiceCreatedEvent.class, (event) -> {
			assertThat(event.midtransInvoiceId()).isEqualTo("inv-1");
			assertThat(event.status()).isEqualTo(InvoiceStatus.PENDING);
		});
		assertThat(this.invoices.findByOrderId("INV-ORDER-1").orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.PENDING);
	}

	@Test
	void createThatTimedOutIsRetriedWithTheSameOrderIdAndKeyAndCreatesOneInvoice() throws Exception {
		this.server.enqueue(json(201, created("inv-2", "INV-ORDER-2", "pending")).newBuilder()
			.headersDelay(2, TimeUnit.SECONDS)
			.build());
		InvoiceRequest request = request("INV-ORDER-2", "INV-20261124-AAAA0002");
		assertThatExceptionOfType(MidtransConnectionException.class).isThrownBy(() -> this.invoices.create(request));
		MidtransInvoice afterTimeout = this.invoices.findByOrderId("INV-ORDER-2").orElseThrow();
		assertThat(afterTimeout.getStatus()).isEqualTo(InvoiceStatus.INITIATED);
		assertThat(afterTimeout.getAttempts()).isEqualTo(1);
		assertThat(this.events).isEmpty();

		// Midtrans answers the same key with the invoice it created the first time.
		this.server.enqueue(json(201, created("inv-2", "INV-ORDER-2", "pending")));
		MidtransInvoice invoice = this.invoices.create(request);

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest second = this.server.takeRequest();
		assertThat(JSON.readTree(second.getBody().utf8()).get("order_id").asString()).isEqualTo("INV-ORDER-2");
		assertThat(second.getHeaders().get("X-Idempotency-Key")).isNotNull()
			.isEqualTo(first.getHeaders().get("X-Idempotency-Key"));
		assertThat(this.database.jdbc().queryForObject("select count(*) from midtrans_invoice", Integer.class))
			.isEqualTo(1);
		assertThat(this.events).singleElement().isInstanceOf(InvoiceCreatedEvent.class);
	}

	@Test
	void invoicesOfOneOrderCreatedAtOnceRecordOneRowAndAllSucceed() throws Exception {
		this.server.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				// Midtrans answers every request under the one idempotency key with the
				// same invoice.
				return json(201, created("inv-race", "INV-RACE", "pending"));
			}
		});
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MidtransInvoice>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.invoices.create(request("INV-RACE", "INV-20261124-RACE0001"));
			}));
		}
		start.countDown();
		List<Long> ids = new ArrayList<>();
		for (Future<MidtransInvoice> result : results) {
			ids.add(result.get(30, TimeUnit.SECONDS).getId());
		}
		pool.shutdown();

		assertThat(ids).hasSize(callers).containsOnly(ids.get(0));
		assertThat(this.database.jdbc()
			.queryForObject("select count(*) from midtrans_invoice where order_id = 'INV-RACE'", Integer.class))
			.isEqualTo(1);
		assertThat(this.invoices.findByOrderId("INV-RACE").orElseThrow().getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(this.events).filteredOn(InvoiceCreatedEvent.class::isInstance).hasSize(1);
	}

	@Test
	void interruptedCreationIsResumedFromTheStoredRequest() throws Exception {
		this.server.enqueue(new MockResponse.Builder().code(503).body("{\"error_messages\":[\"down\"]}").build());
		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.invoices.create(request("INV-ORDER-3", "INV-20261124-AAAA0003")));
		this.server.enqueue(json(201, created("inv-3", "INV-ORDER-3", "pending")));

		MidtransInvoice invoice = this.invoices.resumeCreate("INV-ORDER-3");

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		RecordedRequest first = this.server.takeRequest();
		RecordedRequest resumed = this.server.takeRequest();
		JsonNode body = JSON.readTree(resumed.getBody().utf8());
		assertThat(body.get("invoice_number").asString()).isEqualTo("INV-20261124-AAAA0003");
		assertThat(body.at("/item_details/0/price").asLong()).isEqualTo(150_000);
		assertThat(resumed.getHeaders().get("X-Idempotency-Key"))
			.isEqualTo(first.getHeaders().get("X-Idempotency-Key"));
	}

	@Test
	void duplicateOrderIdWhoseInvoiceIsUnknownIsAdoptedThroughAGet() throws Exception {
		this.server.enqueue(json(409, "{\"error_messages\":[\"Duplicate order id\"]}"));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.invoices.create(request("INV-ORDER-4", "INV-20261124-AAAA0004")));
		MidtransInvoice conflicted = this.invoices.findByOrderId("INV-ORDER-4").orElseThrow();
		assertThat(conflicted.getStatus()).isEqualTo(InvoiceStatus.INITIATED);
		assertThat(conflicted.getLastError()).contains("already has an invoice");

		this.server.enqueue(json(200, created("inv-4", "ANOTHER-ORDER", "pending")));
		assertThatIllegalArgumentException().isThrownBy(() -> this.invoices.reconcile("INV-ORDER-4", "inv-4"));
		assertThat(this.invoices.findByOrderId("INV-ORDER-4").orElseThrow().getMidtransInvoiceId()).isNull();

		this.server.enqueue(json(200, created("inv-4", "INV-ORDER-4", "pending")));
		MidtransInvoice adopted = this.invoices.reconcile("INV-ORDER-4", "inv-4");

		assertThat(adopted.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(adopted.getMidtransInvoiceId()).isEqualTo("inv-4");
		this.server.takeRequest();
		this.server.takeRequest();
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/invoices/inv-4");
		assertThat(this.events).singleElement().isInstanceOf(InvoiceCreatedEvent.class);
	}

	@Test
	void createRefusedByMidtransMarksTheInvoiceFailedAndIsNotSentAgain() {
		this.server.enqueue(json(400, "{\"error_messages\":[\"item must not be empty\"]}"));
		InvoiceRequest request = request("INV-ORDER-5", "INV-20261124-AAAA0005");
		assertThatExceptionOfType(MidtransValidationException.class).isThrownBy(() -> this.invoices.create(request));

		MidtransInvoice invoice = this.invoices.create(request);

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.FAILED);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.events).singleElement()
			.isInstanceOfSatisfying(InvoiceStatusChangedEvent.class,
					(event) -> assertThat(event.status()).isEqualTo(InvoiceStatus.FAILED));
	}

	@Test
	void orderIdOfAnotherInvoiceIsRefused() {
		this.server.enqueue(json(201, created("inv-6", "INV-ORDER-6", "pending")));
		this.invoices.create(request("INV-ORDER-6", "INV-20261124-AAAA0006"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.invoices.create(request("INV-ORDER-6", "INV-20261124-OTHER")))
			.withMessageContaining("already used");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void createInsideADatabaseTransactionIsRefused() {
		TransactionTemplate transaction = new TransactionTemplate(this.database.transactionManager());

		assertThatIllegalStateException()
			.isThrownBy(() -> transaction.executeWithoutResult(
					(status) -> this.invoices.create(request("INV-ORDER-7", "INV-20261124-AAAA0007"))))
			.withMessageContaining("must not run inside a database transaction");
		assertThat(this.invoices.findByOrderId("INV-ORDER-7")).isEmpty();
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void invoiceNumbersCarryThePrefixAndTheJakartaDate() {
		// 20:00 UTC on the 24th is already the 25th in Jakarta.
		Clock evening = Clock.fixed(Instant.parse("2026-11-24T20:00:00Z"), ZoneOffset.UTC);
		InvoiceService acme = new InvoiceService(MidtransClient.builder().serverKey("SB-Mid-server-X").build(),
				this.database.entityManager(), this.database.transactionManager(), this::publish, evening, "ACME");

		assertThat(this.invoices.newInvoiceNumber()).matches("INV-20261124-[0-9A-Z]{8}");
		assertThat(acme.newInvoiceNumber()).matches("ACME-20261125-[0-9A-Z]{8}");
		assertThat(this.invoices.newInvoiceNumber()).isNotEqualTo(this.invoices.newInvoiceNumber());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InvoiceService(MidtransClient.builder().serverKey("SB-Mid-server-X").build(),
					this.database.entityManager(), this.database.transactionManager(), this::publish, evening, "IN V"));
	}

	// ---------------------------------------------------------------- void and refresh

	@Test
	void pendingInvoiceIsVoidedOnce() throws Exception {
		createPending("INV-ORDER-10", "inv-10");
		this.server.enqueue(json(200, "{\"success\":true}"));

		MidtransInvoice voided = this.invoices.voidInvoice("INV-ORDER-10");
		MidtransInvoice again = this.invoices.voidInvoice("INV-ORDER-10");

		assertThat(voided.getStatus()).isEqualTo(InvoiceStatus.VOIDED);
		assertThat(voided.getVoidedAt()).isEqualTo(NOW);
		assertThat(again.getStatus()).isEqualTo(InvoiceStatus.VOIDED);
		this.server.takeRequest();
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("PATCH");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/invoices/inv-10/void");
		assertThat(this.server.getRequestCount()).isEqualTo(2);
		assertThat(this.events).filteredOn(InvoiceVoidedEvent.class::isInstance).singleElement();
	}

	@Test
	void voidRefusedBecauseTheInvoiceWasPaidReadsItInstead() throws Exception {
		createPending("INV-ORDER-11", "inv-11");
		this.server.enqueue(json(409, "{\"error_messages\":[\"Invoice cannot be canceled\"]}"));
		this.server.enqueue(json(200, created("inv-11", "INV-ORDER-11", "paid")));

		MidtransInvoice invoice = this.invoices.voidInvoice("INV-ORDER-11");

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
		this.server.takeRequest();
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/invoices/inv-11/void");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/invoices/inv-11");
		assertThat(this.events).filteredOn(InvoiceVoidedEvent.class::isInstance).isEmpty();
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).singleElement();
	}

	@Test
	void paidInvoiceIsNotVoidedAndNotSentToMidtrans() {
		createPending("INV-ORDER-12", "inv-12");
		this.invoices.onPaymentSettled(settledEvent("INV-ORDER-12", "150000.00"));

		assertThatIllegalStateException().isThrownBy(() -> this.invoices.voidInvoice("INV-ORDER-12"))
			.withMessageContaining("PAID");
		assertThat(this.server.getRequestCount()).isEqualTo(1);
	}

	@Test
	void refreshOnlyMovesForward() {
		createPending("INV-ORDER-13", "inv-13");
		this.server.enqueue(json(200, created("inv-13", "INV-ORDER-13", "expired")));
		this.server.enqueue(json(200, created("inv-13", "INV-ORDER-13", "pending")));

		assertThat(this.invoices.refreshStatus("INV-ORDER-13").getStatus()).isEqualTo(InvoiceStatus.EXPIRED);
		assertThat(this.invoices.refreshStatus("INV-ORDER-13").getStatus()).isEqualTo(InvoiceStatus.EXPIRED);
		assertThat(this.events).filteredOn(InvoiceStatusChangedEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((InvoiceStatusChangedEvent) event).status())
				.isEqualTo(InvoiceStatus.EXPIRED));
	}

	// ---------------------------------------------------------------- paid

	@Test
	void settledPaymentNamingTheInvoiceMarksItPaidExactlyOnce() {
		createPending("INV-ORDER-20", "inv-20");
		settleGopay(ChargeRequest.gopay("PAY-20", 150_000).metadata("midtrans_invoice_id", "inv-20").build());
		PaymentSettledEvent event = this.settled.get(0);

		MidtransInvoice invoice = this.invoices.onPaymentSettled(event).orElseThrow();
		this.invoices.onPaymentSettled(event);

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
		assertThat(invoice.getPaidOrderId()).isEqualTo("PAY-20");
		assertThat(invoice.getPaidAt()).isEqualTo(Instant.parse("2026-11-24T03:05:00Z"));
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance)
			.singleElement()
			.satisfies((paid) -> assertThat(((InvoicePaidEvent) paid).paymentOrderId()).isEqualTo("PAY-20"));
	}

	@Test
	void settlementOfAPaymentThatCannotPayAnInvoiceCostsTheListenerNoStatement() {
		createPending("INV-ORDER-26", "inv-26");
		settleGopay(ChargeRequest.gopay("PAY-26", 150_000).metadata("note", "no invoice").build());
		PaymentSettledEvent event = this.settled.get(0);
		assertThat(event.mayPayInvoice()).isFalse();

		List<String> statements = this.database.recordStatements(() -> this.invoices.onPaymentSettled(event));

		assertThat(statements).isEmpty();
		assertThat(this.invoices.findByOrderId("INV-ORDER-26").orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.PENDING);
	}

	@Test
	void settlementOfAPaymentWithAnInvoiceOrderIdSaysSoAndPaysIt() {
		createPending("INV-ORDER-27", "inv-27");
		settleGopay(ChargeRequest.gopay("INV-ORDER-27", 150_000).build());
		PaymentSettledEvent event = this.settled.get(0);
		assertThat(event.mayPayInvoice()).isTrue();

		assertThat(this.invoices.onPaymentSettled(event))
			.hasValueSatisfying((invoice) -> assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID));
	}

	@Test
	void settlementNamingAnInvoiceInItsMetadataSaysItMayPayOne() {
		createPending("INV-ORDER-28", "inv-28");
		settleGopay(ChargeRequest.gopay("PAY-28", 150_000).metadata("midtrans_invoice_id", "inv-28").build());

		assertThat(this.settled).singleElement().satisfies((event) -> assertThat(event.mayPayInvoice()).isTrue());
	}

	@Test
	void settledPaymentWithTheInvoiceOrderIdMarksItPaid() {
		createPending("INV-ORDER-21", "inv-21");

		assertThat(this.invoices.onPaymentSettled(settledEvent("INV-ORDER-21", "150000.00")))
			.hasValueSatisfying((invoice) -> assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID));
		assertThat(this.invoices.onPaymentSettled(settledEvent("SOME-OTHER-ORDER", "150000.00"))).isEmpty();
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).hasSize(1);
	}

	@Test
	void paymentSmallerThanTheInvoiceDoesNotPayItAndFlagsIt() {
		createPending("INV-ORDER-22", "inv-22");

		MidtransInvoice invoice = this.invoices.onPaymentSettled(settledEvent("INV-ORDER-22", "149999.00"))
			.orElseThrow();

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(invoice.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).isEmpty();
		assertThat(this.events).filteredOn(InvoiceFlaggedEvent.class::isInstance).hasSize(1);
	}

	@Test
	void overPaymentDoesNotPayTheInvoiceEither() {
		createPending("INV-ORDER-24", "inv-24");

		MidtransInvoice invoice = this.invoices.onPaymentSettled(settledEvent("INV-ORDER-24", "150001.00"))
			.orElseThrow();

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(invoice.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).isEmpty();
	}

	@Test
	void transactionPointingAtAnotherInvoiceDoesNotPayItUnlessMidtransSaysThatInvoiceIsPaid() throws Exception {
		createPending("INV-ORDER-25", "inv-25");
		createPending("INV-ORDER-26", "inv-26");
		this.server.takeRequest();
		this.server.takeRequest();
		// A settlement of invoice 25, relabelled to point at invoice 26: Midtrans' own
		// answer about invoice 26 says it is still pending.
		this.server.enqueue(json(200, created("inv-26", "INV-ORDER-26", "pending")));
		String body = """
				{"status_code":"200","order_id":"bca-va-25","gross_amount":"150000.00","payment_type":"bank_transfer",
				 "transaction_status":"settlement","metadata":{"midtrans_invoice_id":"inv-26"}}
				""";

		MidtransInvoice invoice = this.invoices
			.applyPayment(MidtransJson.newMapper().readValue(body, TransactionResponse.class))
			.orElseThrow();

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/invoices/inv-26");
		assertThat(invoice.getOrderId()).isEqualTo("INV-ORDER-26");
		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).isEmpty();
	}

	@Test
	void invoicePaymentOfAnotherAmountOrAboutAnotherOrderIsFlaggedNotPaid() {
		createPending("INV-ORDER-27", "inv-27");
		createPending("INV-ORDER-28", "inv-28");
		this.server.enqueue(json(200, created("inv-27", "INV-ORDER-27", "paid")));
		this.server.enqueue(json(200, created("inv-28", "inv-order-28", "paid")));
		String body = """
				{"status_code":"200","order_id":"bca-va-%s","gross_amount":"%s","payment_type":"bank_transfer",
				 "transaction_status":"settlement","metadata":{"midtrans_invoice_id":"inv-%s"}}
				""";
		JsonMapper mapper = MidtransJson.newMapper();

		MidtransInvoice partial = this.invoices
			.applyPayment(mapper.readValue(body.formatted("27", "1000.00", "27"), TransactionResponse.class))
			.orElseThrow();
		MidtransInvoice other = this.invoices
			.applyPayment(mapper.readValue(body.formatted("28", "150000.00", "28"), TransactionResponse.class))
			.orElseThrow();

		assertThat(partial.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(partial.getFlag()).isEqualTo(PaymentFlag.AMOUNT_MISMATCH);
		assertThat(other.getStatus()).isEqualTo(InvoiceStatus.PENDING);
		assertThat(other.getFlagDetail()).contains("inv-order-28");
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).isEmpty();
		assertThat(this.events).filteredOn(InvoiceFlaggedEvent.class::isInstance).hasSize(2);
	}

	@Test
	void verifiedTransactionOfAnInvoicePaysItOnlyWhenSettled() {
		createPending("INV-ORDER-23", "inv-23");
		String body = """
				{"status_code":"%s","order_id":"bca-va-23","gross_amount":"150000.00","payment_type":"bank_transfer",
				 "transaction_status":"%s","metadata":{"midtrans_invoice_id":"inv-23"}}
				""";
		JsonMapper mapper = MidtransJson.newMapper();
		this.server.enqueue(json(200, created("inv-23", "INV-ORDER-23", "paid")));

		assertThat(this.invoices
			.applyPayment(mapper.readValue(body.formatted("201", "pending"), TransactionResponse.class))).isEmpty();
		MidtransInvoice invoice = this.invoices
			.applyPayment(mapper.readValue(body.formatted("200", "settlement"), TransactionResponse.class))
			.orElseThrow();

		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.PAID);
		assertThat(invoice.getPaidOrderId()).isEqualTo("bca-va-23");
		assertThat(this.events).filteredOn(InvoicePaidEvent.class::isInstance).hasSize(1);
	}

	// ---------------------------------------------------------------- overdue

	@Test
	void markOverdueIsOneUpdateStatementThatMovesOnlyPendingInvoicesPastDue() {
		createPending("INV-ORDER-30", "inv-30");
		createPending("INV-ORDER-31", "inv-31");
		createPending("INV-ORDER-32", "inv-32");
		this.invoices.onPaymentSettled(settledEvent("INV-ORDER-32", "150000.00"));
		createPending("INV-ORDER-33", "inv-33");
		this.server.enqueue(json(200, "{\"success\":true}"));
		this.invoices.voidInvoice("INV-ORDER-33");
		// Due dates: 30, 32 and 33 in the past; 31 in the future.
		this.database.jdbc()
			.update("update midtrans_invoice set due_date = ? where order_id <> 'INV-ORDER-31'",
					java.sql.Timestamp.from(NOW.minus(Duration.ofDays(1))));
		long versionBefore = this.invoices.findByOrderId("INV-ORDER-30").orElseThrow().getVersion();
		this.events.clear();

		int[] moved = new int[1];
		List<String> statements = this.database.recordStatements(() -> moved[0] = this.invoices.markOverdue(NOW));

		assertThat(moved[0]).isEqualTo(1);
		assertThat(statements).singleElement()
			.satisfies((sql) -> assertThat(sql.toLowerCase()).startsWith("update midtrans_invoice"));
		MidtransInvoice overdue = this.invoices.findByOrderId("INV-ORDER-30").orElseThrow();
		assertThat(overdue.getStatus()).isEqualTo(InvoiceStatus.OVERDUE);
		assertThat(overdue.getOverdueAt()).isEqualTo(NOW);
		assertThat(overdue.getVersion()).isEqualTo(versionBefore + 1);
		assertThat(this.invoices.findByOrderId("INV-ORDER-31").orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.PENDING);
		assertThat(this.invoices.findByOrderId("INV-ORDER-32").orElseThrow().getStatus()).isEqualTo(InvoiceStatus.PAID);
		assertThat(this.invoices.findByOrderId("INV-ORDER-33").orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.VOIDED);
		assertThat(this.events).singleElement()
			.usingRecursiveComparison()
			.ignoringFields("eventId")
			.isEqualTo(new InvoicesOverdueEvent(1, NOW));

		assertThat(this.invoices.markOverdue(NOW)).isZero();
		assertThat(this.events).hasSize(1);
		// Overdue invoices can still be paid.
		assertThat(this.invoices.onPaymentSettled(settledEvent("INV-ORDER-30", "150000.00")).orElseThrow().getStatus())
			.isEqualTo(InvoiceStatus.PAID);
	}

	// ---------------------------------------------------------------- helpers

	void createPending(String orderId, String midtransId) {
		this.server.enqueue(json(201, created(midtransId, orderId, "pending")));
		this.invoices.create(request(orderId, "N-" + orderId));
	}

	/**
	 * Charge with GoPay, Midtrans answering settlement at 10:05 Jakarta time.
	 */
	void settleGopay(ChargeRequest request) {
		this.server.enqueue(json(200, """
				{"status_code":"200","order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00",
				 "payment_type":"gopay","transaction_status":"settlement","fraud_status":"accept",
				 "settlement_time":"2026-11-24 10:05:00"}
				""".formatted(request.orderId(), request.orderId())));
		this.payments.charge(request);
	}

	static PaymentSettledEvent settledEvent(String orderId, String amount) {
		return new PaymentSettledEvent(orderId, "tx-" + orderId, PaymentStatus.PENDING, PaymentStatus.SETTLEMENT,
				new BigDecimal(amount), "bank_transfer", NOW);
	}

	static InvoiceRequest request(String orderId, String number) {
		OffsetDateTime invoiceDate = OffsetDateTime.parse("2026-11-24T10:00:00+07:00");
		return InvoiceRequest
			.virtualAccount(orderId, number, invoiceDate, invoiceDate.plusDays(7),
					InvoiceCustomer.of("C-1", "Budi Utomo", "budi@example.com", "6281234567890"),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU-1", "Coffee", 1, 150_000))
			.build();
	}

	static String created(String id, String orderId, String status) {
		return """
				{"id":"%s","order_id":"%s","invoice_number":"N-%s","status":"%s","gross_amount":150000,
				 "payment_type":"virtual_account","pdf_url":"https://example.test/%s.pdf",
				 "virtual_accounts":[{"bank":"bca_va","number":"12345678901"}],
				 "customer_details":{"id":"C-1","name":"Budi Utomo"},
				 "item_details":[{"item_id":"SKU-1","description":"Coffee","quantity":1,"price":150000}]}
				""".formatted(id, orderId, orderId, status, id);
	}

	static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
