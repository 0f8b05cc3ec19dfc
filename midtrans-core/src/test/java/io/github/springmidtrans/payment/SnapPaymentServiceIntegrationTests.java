package io.github.springmidtrans.payment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransConnectionException;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransServerException;
import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Snap checkouts in {@link PaymentService} against a real database and a scripted
 * Midtrans: row first, one token per order id, "404 until a method is chosen", page
 * expiry. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SnapPaymentServiceIntegrationTests {

	private static final String SERVER_KEY = "SB-Mid-server-SNAP-TEST";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant START = Instant.parse("2026-11-24T03:00:00Z");

	private static final String TOKEN = "66e4fa55-fdac-4ef9-91b5-733b97d1b862";

	private static final String NOT_FOUND = "{\"status_code\":\"404\",\"status_message\":\"Transaction doesn't exist.\"}";

	private DatabaseFixture database;

	private MockWebServer server;

	private PaymentService payments;

	private final MutableClock clock = new MutableClock();

	private final List<PaymentEvent> events = new CopyOnWriteArrayList<>();

	private final List<String> violations = new CopyOnWriteArrayList<>();

	private final List<String> committedStatusAtCall = new CopyOnWriteArrayList<>();

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
		this.violations.clear();
		this.committedStatusAtCall.clear();
		this.clock.now = START;
		this.server = new MockWebServer();
		this.server.start();
		this.payments = new PaymentService(client(), this.database.entityManager(), this.database.transactionManager(),
				(event) -> this.events.add((PaymentEvent) event), this.clock, ChargeDefaults.NONE,
				new SnapDefaults(List.of("bca_va", "echannel"), "https://shop.example/finish", Duration.ofMinutes(30)));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
		assertThat(this.violations).isEmpty();
	}

	private MidtransClient client() {
		OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor((chain) -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.violations.add(chain.request().url().encodedPath());
			}
			this.committedStatusAtCall.add(String.join(",", this.database.jdbc()
				.queryForList("select status from midtrans_payment order by id", String.class)));
			return chain.proceed(chain.request());
		}).build();
		return MidtransClient.builder()
			.serverKey(SERVER_KEY)
			.baseUrl(this.server.url("/").toString())
			.snapBaseUrl(this.server.url("/").toString())
			.httpClient(http)
			.readTimeout(Duration.ofMillis(500))
			.build();
	}

	private static SnapRequest checkout(String orderId) {
		return SnapRequest.builder(orderId, 150_000).item(ItemDetail.of("SKU-1", "Coffee", 150_000, 1)).build();
	}

	@Test
	void createSnapRecordsThePaymentFirstAndStoresTheTokenWithoutAPaymentType() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)));

		MidtransPayment payment = this.payments.createSnap(checkout("SNAP-1"));

		assertThat(this.committedStatusAtCall).containsExactly("INITIATED");
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.isSnap()).isTrue();
		assertThat(payment.getPaymentType()).isNull();
		assertThat(payment.getTransactionStatus()).isNull();
		assertThat(payment.getSnapToken()).isEqualTo(TOKEN);
		assertThat(payment.getSnapRedirectUrl()).endsWith("/snap/v4/redirection/" + TOKEN);
		assertThat(payment.getSnapPageExpiryTime()).isEqualTo(START.plus(Duration.ofMinutes(30)));
		assertThat(payment.getExpiryTime()).isEqualTo(START.plus(Duration.ofMinutes(30)));
		assertThat(payment.isAwaitingSnapChoice()).isTrue();
		assertThat(payment.isSnapPageOpenAt(START)).isTrue();
		assertThat(payment.toString()).doesNotContain(TOKEN);
		assertThat(this.events).singleElement().isInstanceOfSatisfying(PaymentPendingEvent.class, (event) -> {
			assertThat(event.previousStatus()).isEqualTo(PaymentStatus.INITIATED);
			assertThat(event.paymentType()).isNull();
		});
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/snap/v1/transactions");
		JsonNode body = JSON.readTree(request.getBody().utf8());
		assertThat(body.at("/transaction_details/order_id").asString()).isEqualTo("SNAP-1");
		assertThat(body.at("/enabled_payments/0").asString()).isEqualTo("bca_va");
		assertThat(body.at("/callbacks/finish").asString()).isEqualTo("https://shop.example/finish");
		assertThat(body.at("/page_expiry/duration").asInt()).isEqualTo(30);
		assertThat(body.at("/page_expiry/unit").asString()).isEqualTo("minute");
		MidtransPayment stored = this.payments.findByOrderId("SNAP-1").orElseThrow();
		assertThat(stored.getSnapToken()).isEqualTo(TOKEN);
		assertThat(stored.getItems()).hasSize(1);
	}

	@Test
	void repeatingTheCheckoutReturnsTheStoredTokenWithoutASecondTransaction() {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-2"));

		MidtransPayment again = this.payments.createSnap(checkout("SNAP-2"));

		assertThat(again.getSnapToken()).isEqualTo(TOKEN);
		assertThat(this.server.getRequestCount()).isEqualTo(1);
		assertThat(this.events).hasSize(1);
		assertThatIllegalStateException()
			.isThrownBy(() -> this.payments.createSnap(SnapRequest.builder("SNAP-2", 99_000).build()))
			.withMessageContaining("SNAP-2");
	}

	@Test
	void requestSetValuesWinOverDefaults() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)));

		this.payments.createSnap(SnapRequest.builder("SNAP-3", 150_000)
			.enabledPayments("other_qris")
			.pageExpiry(SnapPageExpiry.of(2, ExpiryUnit.HOUR))
			.build());

		JsonNode body = JSON.readTree(this.server.takeRequest().getBody().utf8());
		assertThat(body.get("enabled_payments")).hasSize(1);
		assertThat(body.at("/enabled_payments/0").asString()).isEqualTo("other_qris");
		assertThat(this.payments.findByOrderId("SNAP-3").orElseThrow().getSnapPageExpiryTime())
			.isEqualTo(START.plus(Duration.ofHours(2)));
	}

	@Test
	void statusNotFoundBeforeAChoiceMeansNotChosenYet() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-4"));
		this.server.enqueue(json(200, NOT_FOUND));
		this.clock.now = START.plus(Duration.ofMinutes(29));

		MidtransPayment payment = this.payments.refreshStatus("SNAP-4");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getPaymentType()).isNull();
		assertThat(payment.getLastError()).isNull();
		assertThat(this.events).hasSize(1);
		this.server.takeRequest();
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/SNAP-4/status");
	}

	@Test
	void statusNotFoundAfterThePageExpiredExpiresThePaymentLocally() {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-5"));
		this.server.enqueue(json(200, NOT_FOUND));
		this.clock.now = START.plus(Duration.ofMinutes(31));

		MidtransPayment payment = this.payments.refreshStatus("SNAP-5");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.EXPIRE);
		assertThat(payment.getNextCheckAt()).isNull();
		assertThat(this.events).last()
			.isInstanceOfSatisfying(PaymentExpiredEvent.class,
					(event) -> assertThat(event.previousStatus()).isEqualTo(PaymentStatus.PENDING));
	}

	@Test
	void expiringAfterThePageExpiredReadsTheStatusInsteadOfExpiringAtMidtrans() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-6"));
		this.server.enqueue(json(200, NOT_FOUND));
		this.clock.now = START.plus(Duration.ofHours(1));

		MidtransPayment payment = this.payments.expire("SNAP-6");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.EXPIRE);
		this.server.takeRequest();
		RecordedRequest check = this.server.takeRequest();
		assertThat(check.getMethod()).isEqualTo("GET");
		assertThat(check.getUrl().encodedPath()).isEqualTo("/v2/SNAP-6/status");
	}

	@Test
	void expiringWhileThePageIsOpenIsRefused() {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-7"));
		this.server.enqueue(json(200, NOT_FOUND));

		assertThatIllegalStateException().isThrownBy(() -> this.payments.expire("SNAP-7"))
			.withMessageContaining("can still pay");
		assertThat(this.payments.findByOrderId("SNAP-7").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void aMethodChosenJustBeforeThePageExpiredIsAdoptedNotExpired() {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-8"));
		this.server.enqueue(json(200, vaPending("SNAP-8")));
		this.clock.now = START.plus(Duration.ofHours(1));

		MidtransPayment payment = this.payments.expire("SNAP-8");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getPaymentType()).isEqualTo("bank_transfer");
		assertThat(payment.getVaNumber()).isEqualTo("812785002530231");
		assertThat(payment.getExpiryTime()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	@Test
	void theFirstNotificationFillsInTheMethodAndTheSettlementFollows() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-9"));

		PaymentUpdate chosen = this.payments.apply(response(vaPending("SNAP-9")));

		assertThat(chosen.payment().getPaymentType()).isEqualTo("bank_transfer");
		assertThat(chosen.payment().getTransactionStatus()).isEqualTo("pending");
		assertThat(chosen.change().applied()).isTrue();
		assertThat(this.events).hasSize(2).last().isInstanceOfSatisfying(PaymentPendingEvent.class, (event) -> {
			assertThat(event.previousStatus()).isEqualTo(PaymentStatus.PENDING);
			assertThat(event.paymentType()).isEqualTo("bank_transfer");
		});
		assertThat(this.payments.apply(response(vaPending("SNAP-9"))).change().applied()).isFalse();
		assertThat(chosen.payment().getBank()).isEqualTo("bca");
		assertThat(chosen.payment().getVaNumber()).isEqualTo("812785002530231");
		assertThat(chosen.payment().getTransactionId()).isEqualTo("tx-SNAP-9");
		assertThat(chosen.payment().getExpiryTime()).isEqualTo(Instant.parse("2026-11-25T03:00:00Z"));
		assertThat(chosen.payment().isAwaitingSnapChoice()).isFalse();
		assertThat(chosen.payment().getSnapToken()).isEqualTo(TOKEN);

		PaymentUpdate settled = this.payments.apply(response("""
				{"status_code":"200","order_id":"SNAP-9","transaction_id":"tx-SNAP-9","gross_amount":"150000.00",
				 "payment_type":"bank_transfer","transaction_status":"settlement","fraud_status":"accept"}
				"""));

		assertThat(settled.payment().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.events).last()
			.isInstanceOfSatisfying(PaymentSettledEvent.class,
					(event) -> assertThat(event.paymentType()).isEqualTo("bank_transfer"));
	}

	@Test
	void interruptedCreationIsSentAgainWithTheStoredRequest() throws Exception {
		this.server.enqueue(json(503, "{\"error_messages\":[\"maintenance\"]}"));
		assertThatExceptionOfType(MidtransServerException.class)
			.isThrownBy(() -> this.payments.createSnap(checkout("SNAP-10")));
		MidtransPayment initiated = this.payments.findByOrderId("SNAP-10").orElseThrow();
		assertThat(initiated.getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(initiated.getAttempts()).isEqualTo(1);

		this.server.enqueue(json(201, created(TOKEN)));
		MidtransPayment resumed = this.payments.resumeCharge("SNAP-10");

		assertThat(resumed.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(resumed.getSnapToken()).isEqualTo(TOKEN);
		JsonNode first = JSON.readTree(this.server.takeRequest().getBody().utf8());
		JsonNode second = JSON.readTree(this.server.takeRequest().getBody().utf8());
		assertThat(second).isEqualTo(first);
	}

	@Test
	void aLostAnswerLeavesTheOrderIdUnpayableAndTheResumeMarksItFailed() throws Exception {
		this.server.enqueue(json(201, created(TOKEN)).newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
		assertThatExceptionOfType(MidtransConnectionException.class)
			.isThrownBy(() -> this.payments.createSnap(checkout("SNAP-11")));

		String taken = "{\"error_messages\":[\"transaction_details.order_id has already been taken\"]}";
		this.server.enqueue(json(400, taken));
		this.server.enqueue(json(200, NOT_FOUND));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.payments.createSnap(checkout("SNAP-11")));
		MidtransPayment afterRetry = this.payments.findByOrderId("SNAP-11").orElseThrow();
		assertThat(afterRetry.getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(afterRetry.getLastError()).contains("new order id");

		this.server.enqueue(json(400, taken));
		this.server.enqueue(json(200, NOT_FOUND));
		MidtransPayment resumed = this.payments.resumeCharge("SNAP-11");

		assertThat(resumed.getStatus()).isEqualTo(PaymentStatus.FAILED);
		assertThat(resumed.getSnapToken()).isNull();
		assertThat(this.events).singleElement().isInstanceOf(PaymentFailedEvent.class);
	}

	@Test
	void aDuplicateWhoseCustomerAlreadyChoseIsAdopted() {
		this.server.enqueue(json(503, "{\"error_messages\":[\"maintenance\"]}"));
		assertThatExceptionOfType(MidtransServerException.class)
			.isThrownBy(() -> this.payments.createSnap(checkout("SNAP-12")));
		this.server
			.enqueue(json(400, "{\"error_messages\":[\"transaction_details.order_id has already been taken\"]}"));
		this.server.enqueue(json(200, vaPending("SNAP-12")));

		MidtransPayment payment = this.payments.resumeCharge("SNAP-12");

		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getPaymentType()).isEqualTo("bank_transfer");
	}

	@Test
	void checkoutsOfOneOrderStartedAtOnceRecordOneRowAndOneSnapTransaction() throws Exception {
		AtomicInteger created = new AtomicInteger();
		this.server.setDispatcher(new mockwebserver3.Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().endsWith("/status")) {
					return json(200, NOT_FOUND);
				}
				// Snap, like Midtrans: the first request creates the checkout, the rest
				// find the order id taken.
				return (created.getAndIncrement() == 0) ? json(201, created(TOKEN))
						: json(400, "{\"error_messages\":[\"transaction_details.order_id has already been taken\"]}");
			}
		});
		int callers = 8;
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<MidtransPayment>> results = new ArrayList<>();
		for (int i = 0; i < callers; i++) {
			results.add(pool.submit(() -> {
				start.await();
				return this.payments.createSnap(checkout("SNAP-RACE"));
			}));
		}
		start.countDown();
		List<String> tokens = new ArrayList<>();
		for (Future<MidtransPayment> result : results) {
			try {
				tokens.add(result.get(30, TimeUnit.SECONDS).getSnapToken());
			}
			catch (ExecutionException ex) {
				// A caller that lost the race before the winner stored the token is told
				// the order id is taken; never a database error.
				assertThat(ex.getCause()).isInstanceOf(MidtransDuplicateOrderException.class);
			}
		}
		pool.shutdown();

		assertThat(tokens).isNotEmpty().containsOnly(TOKEN);
		assertThat(this.database.jdbc()
			.queryForObject("select count(*) from midtrans_payment where order_id = 'SNAP-RACE'", Integer.class))
			.isEqualTo(1);
		MidtransPayment payment = this.payments.findByOrderId("SNAP-RACE").orElseThrow();
		assertThat(payment.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(payment.getSnapToken()).isEqualTo(TOKEN);
		assertThat(this.events).filteredOn(PaymentPendingEvent.class::isInstance).hasSize(1);
	}

	@Test
	void aCoreChargeCannotReuseASnapOrderId() {
		this.server.enqueue(json(201, created(TOKEN)));
		this.payments.createSnap(checkout("SNAP-13"));

		assertThatIllegalStateException()
			.isThrownBy(() -> this.payments.charge(io.github.springmidtrans.client.model.ChargeRequest
				.bankTransfer("SNAP-13", 150_000, io.github.springmidtrans.client.model.Bank.BCA)
				.build()))
			.withMessageContaining("SNAP-13");
	}

	private static String created(String token) {
		return "{\"token\":\"" + token + "\",\"redirect_url\":\"https://app.sandbox.midtrans.com/snap/v4/redirection/"
				+ token + "\"}";
	}

	private static String vaPending(String orderId) {
		return """
				{"status_code":"201","status_message":"Success, Bank Transfer transaction is created",
				 "order_id":"%s","transaction_id":"tx-%s","gross_amount":"150000.00","currency":"IDR",
				 "payment_type":"bank_transfer","transaction_time":"2026-11-24 10:10:00","transaction_status":"pending",
				 "fraud_status":"accept","va_numbers":[{"bank":"bca","va_number":"812785002530231"}],
				 "expiry_time":"2026-11-25 10:00:00"}
				""".formatted(orderId, orderId);
	}

	private static TransactionResponse response(String json) {
		return MidtransJson.read(MidtransJson.newMapper(), MidtransJson.newMapper().readTree(json),
				TransactionResponse.class);
	}

	private static MockResponse json(int code, String body) {
		return new MockResponse.Builder().code(code)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

	private static final class MutableClock extends Clock {

		volatile Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
