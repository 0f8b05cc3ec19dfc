package io.github.springmidtrans.test;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import javax.imageio.ImageIO;

import io.github.springmidtrans.client.MidtransAuthenticationException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.NotificationSignature;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.BankTransferOptions;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.CustomExpiry;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.QrisOptions;
import io.github.springmidtrans.client.model.Store;
import io.github.springmidtrans.client.model.TransactionListResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorChargeTests {

	private static final OffsetDateTime START_JAKARTA = SimulatorFixture.START.atOffset(ZoneOffset.ofHours(7));

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransClient client = this.fixture.client;

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void bcaVirtualAccountIsPendingWithVaNumberAndDefaultExpiry() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.bankTransfer("ORDER-BCA", 150_000, Bank.BCA).build());
		assertThat(charge.statusCode()).isEqualTo("201");
		assertThat(charge.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(charge.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(charge.paymentType()).isEqualTo(PaymentType.BANK_TRANSFER);
		assertThat(charge.grossAmount()).isEqualByComparingTo("150000");
		assertThat(charge.raw().node().get("gross_amount").asString()).isEqualTo("150000.00");
		assertThat(charge.currency()).isEqualTo("IDR");
		assertThat(charge.transactionId()).matches("[0-9a-f-]{36}");
		assertThat(charge.transactionTime()).isEqualTo(START_JAKARTA);
		assertThat(charge.raw().node().get("transaction_time").asString()).isEqualTo("2026-03-01 10:00:00");
		assertThat(charge.expiryTime()).isEqualTo(START_JAKARTA.plusHours(24));
		assertThat(charge.vaNumbers()).singleElement().satisfies((va) -> {
			assertThat(va.bank()).isEqualTo("bca");
			assertThat(va.vaNumber()).matches("\\d{11}");
		});
		assertThat(charge.permataVaNumber()).isNull();
	}

	@Test
	void vaBanksAnswerVaNumbersAndPermataItsOwnField() {
		for (Bank bank : List.of(Bank.BNI, Bank.BRI, Bank.CIMB)) {
			TransactionResponse charge = this.client
				.charge(ChargeRequest.bankTransfer("ORDER-" + bank, 10_000, bank).build());
			assertThat(charge.vaNumbers()).singleElement()
				.satisfies((va) -> assertThat(va.bank()).isEqualTo(bank.wireValue()));
		}
		TransactionResponse permata = this.client
			.charge(ChargeRequest.bankTransfer("ORDER-PERMATA", 10_000, Bank.PERMATA).build());
		assertThat(permata.vaNumbers()).isEmpty();
		assertThat(permata.permataVaNumber()).matches("\\d{16}");
		assertThat(permata.raw().node().has("va_numbers")).isFalse();
	}

	@Test
	void customVaNumberIsHonouredUnlessAnotherPendingOrderUsesIt() {
		BankTransferOptions options = BankTransferOptions.of(Bank.BNI).withVaNumber("12345678");
		TransactionResponse first = this.client.charge(
				ChargeRequest.builder(PaymentType.BANK_TRANSFER, "ORDER-VA-1", 10_000).bankTransfer(options).build());
		TransactionResponse second = this.client.charge(
				ChargeRequest.builder(PaymentType.BANK_TRANSFER, "ORDER-VA-2", 10_000).bankTransfer(options).build());
		assertThat(first.paymentNumber()).isEqualTo("12345678");
		assertThat(second.paymentNumber()).isNotEqualTo("12345678");
	}

	@Test
	void mandiriBillHasBillKeyAndBillerCode() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.echannel("ORDER-BILL", 30_000, "Payment:", "Shop").build());
		assertThat(charge.statusCode()).isEqualTo("201");
		assertThat(charge.billerCode()).isEqualTo("70012");
		assertThat(charge.billKey()).matches("\\d{12}");
	}

	@Test
	void gopayHasItsFourActionsAndFifteenMinuteExpiry() {
		TransactionResponse charge = this.client.charge(ChargeRequest.gopay("ORDER-GOPAY", 25_000).build());
		assertThat(charge.actions()).extracting(TransactionResponse.Action::name)
			.containsExactly("generate-qr-code", "deeplink-redirect", "get-status", "cancel");
		assertThat(charge.action("cancel").orElseThrow().method()).isEqualTo("POST");
		assertThat(charge.action("get-status").orElseThrow().url())
			.isEqualTo(this.fixture.simulator.baseUrl() + "v2/" + charge.transactionId() + "/status");
		assertThat(charge.expiryTime()).isEqualTo(START_JAKARTA.plusMinutes(15));
	}

	@Test
	void shopeepayHasDeeplinkAndQrisHasQrStringAndAcquirer() {
		TransactionResponse shopee = this.client.charge(ChargeRequest.shopeepay("ORDER-SHOPEE", 25_000, null).build());
		assertThat(shopee.actions()).extracting(TransactionResponse.Action::name).containsExactly("deeplink-redirect");
		TransactionResponse qris = this.client
			.charge(ChargeRequest.qris("ORDER-QRIS", 25_000).qris(new QrisOptions(QrisOptions.SHOPEEPAY)).build());
		assertThat(qris.acquirer()).isEqualTo("airpay shopee");
		assertThat(qris.qrString()).startsWith("000201");
		assertThat(qris.action("generate-qr-code")).isPresent();
	}

	@Test
	void qrCodeActionsServeAPngPictureWithoutAKey() throws IOException {
		TransactionResponse qris = this.client.charge(ChargeRequest.qris("ORDER-QR-PNG", 25_000).build());
		TransactionResponse gopay = this.client.charge(ChargeRequest.gopay("ORDER-GOPAY-PNG", 25_000).build());
		OkHttpClient http = new OkHttpClient();
		for (String url : List.of(qris.action("generate-qr-code").orElseThrow().url(),
				qris.action("generate-qr-code-v2").orElseThrow().url(),
				gopay.action("generate-qr-code").orElseThrow().url())) {
			try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
				assertThat(response.code()).as(url).isEqualTo(200);
				assertThat(response.header("Content-Type")).isEqualTo("image/png");
				BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body().bytes()));
				assertThat(image).as("a readable PNG at %s", url).isNotNull();
				assertThat(image.getWidth()).isEqualTo(image.getHeight()).isEqualTo((25 + 8) * 8);
			}
		}
		String unknown = this.fixture.simulator.baseUrl() + "v2/qris/no-such-transaction/qr-code";
		try (Response response = http.newCall(new Request.Builder().url(unknown).build()).execute()) {
			assertThat(response.code()).isEqualTo(404);
		}
	}

	@Test
	void cstoreHasPaymentCodeAndStore() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.cstore("ORDER-STORE", 50_000, Store.ALFAMART).build());
		assertThat(charge.store()).isEqualTo(Store.ALFAMART);
		assertThat(charge.paymentCode()).matches("\\d{14}");
		assertThat(charge.expiryTime()).isEqualTo(START_JAKARTA.plusHours(24));
	}

	@Test
	void cardlessCreditRedirects() {
		CustomerDetails customer = CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333");
		TransactionResponse akulaku = this.client.charge(ChargeRequest.akulaku("ORDER-AKULAKU", 60_000)
			.item(ItemDetail.of("SKU-1", "Coffee", 30_000, 2))
			.customer(customer)
			.build());
		assertThat(akulaku.redirectUrl()).contains("/_simulator/akulaku/");
		assertThat(akulaku.expiryTime()).isEqualTo(START_JAKARTA.plusHours(2));
		TransactionResponse kredivo = this.client
			.charge(ChargeRequest.kredivo("ORDER-KREDIVO", 60_000).customer(customer).build());
		assertThat(kredivo.redirectUrl()).contains("/_simulator/kredivo/");
	}

	@Test
	void customExpiryIsHonoured() {
		TransactionResponse charge = this.client.charge(ChargeRequest.bankTransfer("ORDER-EXP", 10_000, Bank.BRI)
			.customExpiry(CustomExpiry.after(90, ExpiryUnit.MINUTE))
			.build());
		assertThat(charge.expiryTime()).isEqualTo(START_JAKARTA.plusMinutes(90));
	}

	@Test
	void cardWithout3dsIsCapturedAtOnce() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.builder(PaymentType.CREDIT_CARD, "ORDER-CARD", 100_000)
				.creditCard(CreditCardOptions.token("48111111-1114-0bb563a9").withAuthentication(false))
				.build());
		assertThat(charge.statusCode()).isEqualTo("200");
		assertThat(charge.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		assertThat(charge.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(charge.maskedCard()).isEqualTo("48111111-1114");
		assertThat(charge.approvalCode()).isNotBlank();
		assertThat(charge.isPaid()).isTrue();
	}

	@Test
	void cardWith3dsIsPendingWithRedirectUrl() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.creditCard("ORDER-3DS", 100_000, "481111-1114-abc").build());
		assertThat(charge.statusCode()).isEqualTo("201");
		assertThat(charge.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(charge.redirectUrl()).startsWith(this.fixture.simulator.baseUrl() + "_simulator/3ds/");
		assertThat(charge.expiryTime()).isEqualTo(START_JAKARTA.plusMinutes(10));
	}

	@Test
	void sandboxDeclineCardsAreDenied() {
		TransactionResponse bank = this.client
			.charge(ChargeRequest.builder(PaymentType.CREDIT_CARD, "ORDER-DENY", 100_000)
				.creditCard(CreditCardOptions.token("47111111-1115-abc").withAuthentication(false))
				.build());
		assertThat(bank.statusCode()).isEqualTo("202");
		assertThat(bank.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(bank.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(bank.channelResponseCode()).isEqualTo("05");
		TransactionResponse fds = this.client
			.charge(ChargeRequest.creditCard("ORDER-FDS", 100_000, "461111-1116-abc").build());
		assertThat(fds.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(fds.fraudStatus()).isEqualTo(FraudStatus.DENY);
	}

	@Test
	void duplicateOrderIdIsRefusedWhileActive() {
		this.client.charge(ChargeRequest.gopay("ORDER-DUP", 10_000).build());
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> this.client.charge(ChargeRequest.gopay("ORDER-DUP", 10_000).build()))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(200));
		assertThat(this.fixture.simulator.chargeCount("ORDER-DUP")).isEqualTo(2);
	}

	@Test
	void expiredOrCancelledOrderIdMayBeReused() {
		TransactionResponse first = this.client.charge(ChargeRequest.gopay("ORDER-REUSE", 10_000).build());
		this.client.expire("ORDER-REUSE");
		TransactionResponse second = this.client.charge(ChargeRequest.gopay("ORDER-REUSE", 10_000).build());
		this.client.cancel("ORDER-REUSE");
		TransactionResponse third = this.client.charge(ChargeRequest.gopay("ORDER-REUSE", 10_000).build());
		assertThat(List.of(first.transactionId(), second.transactionId(), third.transactionId()))
			.doesNotHaveDuplicates();
		assertThat(this.client.status("ORDER-REUSE").transactionId()).isEqualTo(third.transactionId());
		assertThat(this.client.status(first.transactionId()).transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
	}

	@Test
	void unknownOrderIsNotFound() {
		assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(() -> this.client.status("NOPE"));
		SimulatorFixture.RawAnswer raw = this.fixture.send("GET", "/v2/NOPE/status", "");
		assertThat(raw.httpStatus()).isEqualTo(200);
		assertThat(raw.field("status_code")).isEqualTo("404");
		assertThat(raw.field("status_message")).isEqualTo("Transaction doesn't exist.");
	}

	@Test
	void wrongServerKeyIsRefusedWithHttp401() {
		MidtransClient wrong = this.client.newBuilder().serverKey("SB-Mid-server-wrong").build();
		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> wrong.charge(ChargeRequest.gopay("ORDER-AUTH", 10_000).build()))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
		assertThat(this.fixture.simulator.transaction("ORDER-AUTH")).isEmpty();
	}

	@Test
	void statusCarriesAValidSignature() {
		this.client.charge(ChargeRequest.bankTransfer("ORDER-SIG", 44_000, Bank.BCA).build());
		TransactionResponse status = this.client.status("ORDER-SIG");
		assertThat(status.statusCode()).isEqualTo("201");
		assertThat(status.statusMessage()).isEqualTo("Success, transaction is found");
		assertThat(NotificationSignature.matches(status.signatureKey(), "ORDER-SIG", "201", "44000.00",
				this.fixture.simulator.serverKey()))
			.isTrue();
	}

	@Test
	void b2bStatusListsTheTransaction() {
		TransactionResponse charge = this.client
			.charge(ChargeRequest.bankTransfer("ORDER-B2B", 10_000, Bank.BNI).build());
		TransactionListResponse list = this.client.statusB2b("ORDER-B2B", 0, 10);
		assertThat(list.statusCode()).isEqualTo("200");
		assertThat(list.transactions()).singleElement()
			.satisfies((tx) -> assertThat(tx.transactionId()).isEqualTo(charge.transactionId()));
	}

	@Test
	void customFieldsAndMetadataAreEchoedInStatus() {
		this.client.charge(ChargeRequest.gopay("ORDER-ECHO", 10_000).customFields("one", null, null).build());
		TransactionResponse status = this.client.status("ORDER-ECHO");
		assertThat(status.customField1()).isEqualTo("one");
	}

	@Test
	void validationErrorsAreHttp400WithMessages() {
		SimulatorFixture.RawAnswer missing = this.fixture.send("POST", "/v2/charge",
				"{\"payment_type\":\"gopay\",\"transaction_details\":{}}");
		assertThat(missing.httpStatus()).isEqualTo(400);
		assertThat(missing.field("status_code")).isEqualTo("400");
		assertThat(missing.json().get("validation_messages").toString())
			.contains("transaction_details.order_id is required", "transaction_details.gross_amount is required");
		SimulatorFixture.RawAnswer decimals = this.fixture.send("POST", "/v2/charge",
				"{\"payment_type\":\"gopay\",\"transaction_details\":{\"order_id\":\"A\",\"gross_amount\":100.5}}");
		assertThat(decimals.json().get("validation_messages").toString()).contains("no decimals");
		SimulatorFixture.RawAnswer sum = this.fixture.send("POST", "/v2/charge",
				"{\"payment_type\":\"gopay\",\"transaction_details\":{\"order_id\":\"A\",\"gross_amount\":100},"
						+ "\"item_details\":[{\"name\":\"x\",\"price\":40,\"quantity\":2}]}");
		assertThat(sum.json().get("validation_messages").toString())
			.contains("transaction_details.gross_amount is not equal to the sum of item_details");
		SimulatorFixture.RawAnswer type = this.fixture.send("POST", "/v2/charge",
				"{\"payment_type\":\"bitcoin\",\"transaction_details\":{\"order_id\":\"A\",\"gross_amount\":100}}");
		assertThat(type.httpStatus()).isEqualTo(400);
		assertThat(type.json().get("validation_messages").toString()).contains("bitcoin");
		assertThat(this.fixture.simulator.transactions()).isEmpty();
	}

	@Test
	void cardWithoutTokenAnswers411() {
		SimulatorFixture.RawAnswer answer = this.fixture.send("POST", "/v2/charge",
				"{\"payment_type\":\"credit_card\",\"transaction_details\":{\"order_id\":\"A\",\"gross_amount\":100},"
						+ "\"credit_card\":{}}");
		assertThat(answer.httpStatus()).isEqualTo(200);
		assertThat(answer.field("status_code")).isEqualTo("411");
	}

	@Test
	void unknownPathsAreHttp404() {
		assertThat(this.fixture.send("GET", "/v1/whatever", "").httpStatus()).isEqualTo(404);
		assertThat(this.fixture.send("DELETE", "/v2/charge", "").httpStatus()).isEqualTo(404);
		assertThat(this.fixture.send("GET", "/_simulator/transactions", "").httpStatus())
			.as("control endpoints are off unless enabled")
			.isEqualTo(404);
	}

	@Test
	void grossAmountIsExactInSnapshots() {
		this.client.charge(ChargeRequest.gopay("ORDER-SNAP", 12_345).build());
		TransactionSnapshot snapshot = this.fixture.simulator.transaction("ORDER-SNAP").orElseThrow();
		assertThat(snapshot.grossAmount()).isEqualTo(12_345);
		assertThat(snapshot.transactionStatus()).isEqualTo("pending");
		assertThat(snapshot.expiryTime()).isEqualTo(SimulatorFixture.START.plus(Duration.ofMinutes(15)));
		assertThat(new BigDecimal("12345.00")).isEqualByComparingTo(BigDecimal.valueOf(snapshot.grossAmount()));
	}

}
