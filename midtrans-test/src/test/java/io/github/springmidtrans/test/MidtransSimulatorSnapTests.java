package io.github.springmidtrans.test;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapExpiry;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The simulated Snap: token creation and the hosted page, driven over HTTP like a browser
 * (GET the page, POST the forms, follow nothing automatically).
 */
class MidtransSimulatorSnapTests {

	private static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

	private static final String FINISH = "https://shop.example/checkout/finish";

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	private SimulatorFixture fixture;

	private MidtransSimulator simulator;

	@BeforeEach
	void start() {
		this.receiver.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200).build();
			}
		});
		this.fixture = new SimulatorFixture(this.receiver.url("/midtrans/notification").toString());
		this.simulator = this.fixture.simulator;
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	private SnapResponse checkout(String orderId, String... methods) {
		return this.fixture.client.snap()
			.createTransaction(SnapRequest.builder(orderId, 150_000)
				.item(ItemDetail.of("SKU-1", "Coffee", 75_000, 2))
				.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
				.enabledPayments(methods)
				.finishUrl(FINISH)
				.pageExpiry(SnapPageExpiry.of(30, ExpiryUnit.MINUTE))
				.customFields("cart-7", null, null)
				.build());
	}

	@Test
	void createAnswersATokenAndARedirectUrlOnTheSimulator() {
		SnapResponse snap = checkout("SNAP-1");

		assertThat(snap.token()).isNotBlank();
		assertThat(snap.redirectUrl()).isEqualTo(this.simulator.baseUrl() + "snap/v4/redirection/" + snap.token());
		assertThat(this.simulator.requestsTo(SimulatorOperation.SNAP_CREATE)).singleElement()
			.satisfies((call) -> assertThat(call.orderId()).isEqualTo("SNAP-1"));
		// No transaction until the customer picks a method, as at Midtrans.
		assertThat(this.simulator.transaction("SNAP-1")).isEmpty();
		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> this.fixture.client.status("SNAP-1"));
	}

	@Test
	void aTakenOrderIdIsRefusedWithHttp400() {
		checkout("SNAP-2");

		assertThatExceptionOfType(MidtransDuplicateOrderException.class).isThrownBy(() -> checkout("SNAP-2"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(400));
		this.fixture.client.charge(ChargeRequest.gopay("CORE-2", 10_000).build());
		assertThatExceptionOfType(MidtransDuplicateOrderException.class).isThrownBy(() -> checkout("CORE-2"));
		// A Core charge may not take a Snap order id either.
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.fixture.client.charge(ChargeRequest.gopay("SNAP-2", 150_000).build()));
	}

	@Test
	void invalidRequestsAreRefusedWithTheirMessages() {
		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.fixture.client.snap()
				.createTransaction(SnapRequest.builder("SNAP-3", 10_000).enabledPayments("cash_on_delivery").build()))
			.satisfies((ex) -> assertThat(ex.getValidationMessages()).singleElement()
				.asString()
				.contains("enabled_payments"));
	}

	@Test
	void thePageListsOnlyTheEnabledMethods() throws IOException {
		SnapResponse snap = checkout("SNAP-4", "bca_va", "bni_va", "other_qris", "credit_card");

		Page page = get(snap.redirectUrl());

		assertThat(page.status).isEqualTo(200);
		assertThat(page.contentType).startsWith("text/html");
		assertThat(page.body).contains("id=\"method-bank_transfer\"", "id=\"bank-bca\"", "id=\"bank-bni\"",
				"id=\"method-qris\"", "id=\"card-number\"", "id=\"pay\"", "id=\"order-id\">SNAP-4<", "Rp 150.000");
		assertThat(page.body).doesNotContain("id=\"bank-bri\"", "id=\"method-echannel\"", "id=\"method-gopay\"",
				"id=\"method-cstore\"", "<script");
	}

	@Test
	void bankTransferShowsTheVirtualAccountThenSimulatedPaymentSettlesNotifiesAndRedirects() throws Exception {
		SnapResponse snap = checkout("SNAP-5", "bca_va", "echannel");

		Page chosen = post(snap.redirectUrl() + "/choose", "method", "bank_transfer", "bank", "bca");
		assertThat(chosen.status).isEqualTo(303);
		assertThat(chosen.location).isEqualTo("/snap/v4/redirection/" + snap.token());

		TransactionResponse pending = this.fixture.client.status("SNAP-5");
		assertThat(pending.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(pending.paymentType().wireValue()).isEqualTo("bank_transfer");
		assertThat(pending.customField1()).isEqualTo("cart-7");
		String vaNumber = pending.vaNumbers().get(0).vaNumber();
		Page instructions = get(snap.redirectUrl());
		assertThat(instructions.body).contains("id=\"va-number\">" + vaNumber + "<", "id=\"simulate-payment\"",
				"id=\"transaction-status\">pending<", "BCA virtual account");
		assertThat(notification().getBody().utf8()).contains("\"transaction_status\":\"pending\"",
				"\"payment_type\":\"bank_transfer\"");

		Page paid = post(snap.redirectUrl() + "/simulate-payment");

		assertThat(paid.status).isEqualTo(303);
		HttpUrl finish = HttpUrl.get(paid.location);
		assertThat(finish.toString()).startsWith(FINISH + "?");
		assertThat(finish.queryParameter("order_id")).isEqualTo("SNAP-5");
		assertThat(finish.queryParameter("status_code")).isEqualTo("200");
		assertThat(finish.queryParameter("transaction_status")).isEqualTo("settlement");
		assertThat(this.simulator.transaction("SNAP-5").orElseThrow().transactionStatus()).isEqualTo("settlement");
		String settled = notification().getBody().utf8();
		assertThat(settled).contains("\"transaction_status\":\"settlement\"", "\"order_id\":\"SNAP-5\"",
				"\"signature_key\"");
	}

	@Test
	void mandiriBillShowsTheBillKeyAndBackToMerchantReportsPending() throws IOException {
		SnapResponse snap = checkout("SNAP-6");
		post(snap.redirectUrl() + "/choose", "method", "echannel");

		TransactionResponse pending = this.fixture.client.status("SNAP-6");
		Page page = get(snap.redirectUrl());
		assertThat(page.body).contains("id=\"bill-key\">" + pending.billKey() + "<", "id=\"biller-code\">70012<");

		Page back = post(snap.redirectUrl() + "/finish");
		assertThat(HttpUrl.get(back.location).queryParameter("transaction_status")).isEqualTo("pending");
		assertThat(HttpUrl.get(back.location).queryParameter("status_code")).isEqualTo("201");
	}

	@Test
	void qrisShowsAQrCodeAndConvenienceStoreAPaymentCode() throws IOException {
		SnapResponse qris = checkout("SNAP-7", "other_qris");
		post(qris.redirectUrl() + "/choose", "method", "qris");
		assertThat(get(qris.redirectUrl()).body).contains("<svg id=\"qr-code\"", "scanning it pays nothing");
		assertThat(this.fixture.client.status("SNAP-7").paymentType().wireValue()).isEqualTo("qris");

		SnapResponse store = checkout("SNAP-8", "alfamart");
		post(store.redirectUrl() + "/choose", "method", "cstore", "store", "alfamart");
		TransactionResponse pending = this.fixture.client.status("SNAP-8");
		assertThat(get(store.redirectUrl()).body).contains("id=\"payment-code\">" + pending.paymentCode() + "<");
	}

	@Test
	void aCardIsPaidWithTheTestCardAndRedirectsAsCaptured() throws Exception {
		SnapResponse snap = checkout("SNAP-9", "credit_card");

		Page paid = post(snap.redirectUrl() + "/pay", "card_number", "4811 1111 1111 1114", "card_exp_month", "12",
				"card_exp_year", "2030", "card_cvv", "123");

		assertThat(paid.status).isEqualTo(303);
		assertThat(HttpUrl.get(paid.location).queryParameter("transaction_status")).isEqualTo("capture");
		assertThat(this.fixture.client.status("SNAP-9").transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		assertThat(this.simulator.requestsTo("/snap/v4/redirection/" + snap.token() + "/pay")).singleElement()
			.satisfies((call) -> assertThat(call.body()).doesNotContain("4811")
				.doesNotContain("123&")
				.contains("card_number=REDACTED"));
	}

	@Test
	void aDeclinedCardRedirectsAsDenied() throws IOException {
		SnapResponse snap = checkout("SNAP-10", "credit_card");

		Page paid = post(snap.redirectUrl() + "/pay", "card_number", "4911111111111113", "card_exp_month", "12",
				"card_exp_year", "2030", "card_cvv", "123");

		assertThat(HttpUrl.get(paid.location).queryParameter("transaction_status")).isEqualTo("deny");
		assertThat(HttpUrl.get(paid.location).queryParameter("status_code")).isEqualTo("202");
	}

	@Test
	void choosingNothingOrAMethodNotOfferedShowsTheChoiceAgain() throws IOException {
		SnapResponse snap = checkout("SNAP-11", "bca_va");

		Page nothing = post(snap.redirectUrl() + "/choose");
		Page notOffered = post(snap.redirectUrl() + "/choose", "method", "gopay");

		assertThat(nothing.status).isEqualTo(400);
		assertThat(post(snap.redirectUrl() + "/choose", "bank", "bni").status).isEqualTo(400);
		assertThat(nothing.body).contains("id=\"error\"");
		assertThat(notOffered.status).isEqualTo(400);
		assertThat(this.simulator.transaction("SNAP-11")).isEmpty();

		Page bankOnly = post(snap.redirectUrl() + "/choose", "bank", "bca");
		assertThat(bankOnly.status).isEqualTo(303);
		assertThat(this.simulator.transaction("SNAP-11").orElseThrow().paymentType()).isEqualTo("bank_transfer");
	}

	@Test
	void thePageExpiresOnTheSimulatorClock() throws IOException {
		SnapResponse snap = checkout("SNAP-12");
		this.simulator.clock().advance(Duration.ofMinutes(31));

		Page page = get(snap.redirectUrl());
		Page choose = post(snap.redirectUrl() + "/choose", "method", "echannel");

		assertThat(page.body).contains("id=\"page-expired\"");
		assertThat(choose.body).contains("id=\"page-expired\"");
		assertThat(this.simulator.transaction("SNAP-12")).isEmpty();
		assertThat(get(this.simulator.baseUrl() + "snap/v4/redirection/unknown").status).isEqualTo(404);
	}

	@Test
	void expiryAndNotificationOverrideOfTheCheckoutApplyToTheChosenTransaction() throws Exception {
		MockWebServer override = new MockWebServer();
		override.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				return new MockResponse.Builder().code(200).build();
			}
		});
		override.start();
		try {
			SnapResponse snap = this.fixture.client.snap()
				.createTransaction(SnapRequest.builder("SNAP-13", 50_000)
					.expiry(SnapExpiry.after(2, ExpiryUnit.HOUR))
					.finishUrl(FINISH)
					.build(), RequestOptions.none().withOverrideNotification(override.url("/hook").toString()));
			post(snap.redirectUrl() + "/choose", "method", "bank_transfer", "bank", "bni");

			TransactionSnapshot tx = this.simulator.transaction("SNAP-13").orElseThrow();
			assertThat(tx.expiryTime()).isEqualTo(tx.transactionTime().plus(Duration.ofHours(2)));
			RecordedRequest delivered = override.takeRequest(5, TimeUnit.SECONDS);
			assertThat(delivered).isNotNull();
			assertThat(delivered.getBody().utf8()).contains("\"order_id\":\"SNAP-13\"");
		}
		finally {
			override.close();
		}
	}

	private RecordedRequest notification() throws InterruptedException {
		RecordedRequest request = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		assertThat(request).as("notification").isNotNull();
		return request;
	}

	private static Page get(String url) throws IOException {
		try (Response response = BROWSER.newCall(new Request.Builder().url(url).build()).execute()) {
			return new Page(response);
		}
	}

	private static Page post(String url, String... fields) throws IOException {
		FormBody.Builder form = new FormBody.Builder();
		for (int i = 0; i < fields.length; i += 2) {
			form.add(fields[i], fields[i + 1]);
		}
		try (Response response = BROWSER.newCall(new Request.Builder().url(url).post(form.build()).build()).execute()) {
			return new Page(response);
		}
	}

	private static final class Page {

		final int status;

		final String body;

		final String contentType;

		final String location;

		Page(Response response) throws IOException {
			this.status = response.code();
			this.body = response.body().string();
			this.contentType = String.valueOf(response.header("Content-Type"));
			this.location = response.header("Location");
		}

	}

}
