package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.BankTransferOptions;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.CstoreOptions;
import io.github.springmidtrans.client.model.CustomExpiry;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.QrisOptions;
import io.github.springmidtrans.client.model.Store;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Charges of every payment type: request shape and parsed answer.
 */
class MidtransClientChargeTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void bankTransferChargeSendsTypedBodyAndParsesVirtualAccount() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","status_message":"Success, Bank Transfer transaction is created",
				 "transaction_id":"be03df7d-2f97-4c8c-a53c-8959f1b67295","order_id":"order-101",
				 "merchant_id":"G812785002","gross_amount":"44000.00","currency":"IDR",
				 "payment_type":"bank_transfer","transaction_time":"2024-01-31 13:45:00",
				 "transaction_status":"pending","fraud_status":"accept",
				 "va_numbers":[{"bank":"bca","va_number":"812785002530231"}],
				 "expiry_time":"2024-02-01 13:45:00","brand_new_field":"kept"}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		TransactionResponse response = client.charge(ChargeRequest.bankTransfer("order-101", 44_000, Bank.BCA)
			.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
			.item(ItemDetail.of("SKU-1", "Coffee", 22_000, 2))
			.build());

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/charge");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("payment_type").asString()).isEqualTo("bank_transfer");
		assertThat(body.at("/transaction_details/order_id").asString()).isEqualTo("order-101");
		assertThat(body.at("/transaction_details/gross_amount").isIntegralNumber()).isTrue();
		assertThat(body.at("/transaction_details/gross_amount").asLong()).isEqualTo(44_000);
		assertThat(body.at("/bank_transfer/bank").asString()).isEqualTo("bca");
		assertThat(body.at("/customer_details/email").asString()).isEqualTo("budi@example.com");
		assertThat(body.at("/item_details/0/price").asLong()).isEqualTo(22_000);
		assertThat(body.at("/item_details/0/quantity").asInt()).isEqualTo(2);
		assertThat(body.propertyNames()).containsOnly("payment_type", "transaction_details", "item_details",
				"customer_details", "bank_transfer");
		assertThat(MockMidtrans.body(request)).doesNotContain("null");
		assertThat(response.statusCode()).isEqualTo("201");
		assertThat(response.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(response.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(response.paymentType()).isEqualTo(PaymentType.BANK_TRANSFER);
		assertThat(response.grossAmount()).isEqualByComparingTo(new BigDecimal("44000"));
		assertThat(response.paymentNumber()).isEqualTo("812785002530231");
		assertThat(response.transactionTime())
			.isEqualTo(OffsetDateTime.of(2024, 1, 31, 13, 45, 0, 0, ZoneOffset.ofHours(7)));
		assertThat(response.raw()).isNotNull();
		assertThat(response.raw().text("brand_new_field")).isEqualTo("kept");
		assertThat(response.isPaid()).isFalse();
	}

	@Test
	void permataChargeExposesPermataVaNumber() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","transaction_id":"t-1","order_id":"order-102","gross_amount":"10000.00",
				 "payment_type":"bank_transfer","transaction_status":"pending","permata_va_number":"8562000087926752"}
				"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.bankTransfer("order-102", 10_000, Bank.PERMATA).build());

		assertThat(MockMidtrans.jsonBody(this.server.takeRequest()).at("/bank_transfer/bank").asString())
			.isEqualTo("permata");
		assertThat(response.vaNumbers()).isEmpty();
		assertThat(response.paymentNumber()).isEqualTo("8562000087926752");
	}

	@Test
	void customVaNumberAndExpiryAreSent() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","order_id":"order-103","transaction_status":"pending",
				 "va_numbers":[{"bank":"bni","va_number":"12345678"}]}
				"""));
		MockMidtrans.client(this.server)
			.charge(ChargeRequest.builder(PaymentType.BANK_TRANSFER, "order-103", 10_000)
				.bankTransfer(BankTransferOptions.of(Bank.BNI).withVaNumber("12345678"))
				.customExpiry(new CustomExpiry(OffsetDateTime.of(2024, 1, 31, 10, 0, 0, 0, ZoneOffset.ofHours(7)), 60,
						ExpiryUnit.MINUTE))
				.customFields("a", null, "c")
				.metadata("cart", "42")
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.at("/bank_transfer/va_number").asString()).isEqualTo("12345678");
		assertThat(body.at("/custom_expiry/order_time").asString()).isEqualTo("2024-01-31 10:00:00 +0700");
		assertThat(body.at("/custom_expiry/expiry_duration").asInt()).isEqualTo(60);
		assertThat(body.at("/custom_expiry/unit").asString()).isEqualTo("minute");
		assertThat(body.get("custom_field1").asString()).isEqualTo("a");
		assertThat(body.has("custom_field2")).isFalse();
		assertThat(body.get("custom_field3").asString()).isEqualTo("c");
		assertThat(body.at("/metadata/cart").asString()).isEqualTo("42");
	}

	@Test
	void echannelChargeSendsBillInfoAndParsesBillKey() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","order_id":"order-104","payment_type":"echannel","transaction_status":"pending",
				 "bill_key":"990000000260","biller_code":"70012"}
				"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.echannel("order-104", 30_000, "Payment:", "Online purchase").build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("payment_type").asString()).isEqualTo("echannel");
		assertThat(body.at("/echannel/bill_info1").asString()).isEqualTo("Payment:");
		assertThat(body.at("/echannel/bill_info2").asString()).isEqualTo("Online purchase");
		assertThat(response.billKey()).isEqualTo("990000000260");
		assertThat(response.billerCode()).isEqualTo("70012");
		assertThat(response.paymentNumber()).isEqualTo("990000000260");
	}

	@Test
	void gopayChargeParsesActions() throws Exception {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"201","order_id":"order-105","payment_type":"gopay","transaction_status":"pending",
					 "actions":[{"name":"generate-qr-code","method":"GET","url":"https://api.sandbox.midtrans.com/v2/gopay/t/qr-code"},
					            {"name":"deeplink-redirect","method":"GET","url":"gojek://gopay/merchanttransfer?tref=1"}]}
					"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.gopay("order-105", 44_000).gopay(GopayOptions.callback("shop://done")).build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.at("/gopay/enable_callback").asBoolean()).isTrue();
		assertThat(body.at("/gopay/callback_url").asString()).isEqualTo("shop://done");
		assertThat(response.action("deeplink-redirect")).get()
			.extracting(TransactionResponse.Action::url)
			.isEqualTo("gojek://gopay/merchanttransfer?tref=1");
		assertThat(response.action("generate-qr-code")).isPresent();
		assertThat(response.action("missing")).isEmpty();
	}

	@Test
	void shopeepayQrisAndStoreChargesSendTheirOptions() throws Exception {
		for (int i = 0; i < 3; i++) {
			this.server.enqueue(MockMidtrans.json("""
					{"status_code":"201","transaction_status":"pending","qr_string":"00020101021226","acquirer":"gopay",
					 "payment_code":"25709650945026","store":"indomaret"}
					"""));
		}
		MidtransClient client = MockMidtrans.client(this.server);

		client.charge(ChargeRequest.shopeepay("order-106", 25_000, "https://shop.example/back").build());
		TransactionResponse qris = client
			.charge(ChargeRequest.qris("order-107", 275_000).qris(new QrisOptions(QrisOptions.GOPAY)).build());
		TransactionResponse store = client.charge(ChargeRequest.cstore("order-108", 162_500, Store.INDOMARET)
			.cstore(new CstoreOptions(Store.ALFAMART, null, "Thanks", null, null))
			.build());

		assertThat(MockMidtrans.jsonBody(this.server.takeRequest()).at("/shopeepay/callback_url").asString())
			.isEqualTo("https://shop.example/back");
		assertThat(MockMidtrans.jsonBody(this.server.takeRequest()).at("/qris/acquirer").asString()).isEqualTo("gopay");
		JsonNode storeBody = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(storeBody.at("/cstore/store").asString()).isEqualTo("alfamart");
		assertThat(storeBody.at("/cstore/alfamart_free_text_1").asString()).isEqualTo("Thanks");
		assertThat(qris.qrString()).isEqualTo("00020101021226");
		assertThat(store.paymentCode()).isEqualTo("25709650945026");
		assertThat(store.store()).isEqualTo(Store.INDOMARET);
	}

	@Test
	void cardChargeSendsTokenAnd3dsAndParsesCardFields() throws Exception {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"200","status_message":"Success, Credit Card transaction is successful",
					 "transaction_id":"57d5293c","order_id":"order-109","gross_amount":"789000.00","payment_type":"credit_card",
					 "transaction_status":"capture","fraud_status":"accept","masked_card":"48111111-1114","bank":"bni",
					 "card_type":"credit","approval_code":"1578569243927","eci":"05","channel_response_code":"00",
					 "channel_response_message":"Approved","three_ds_version":"2","installment_term":"3"}
					"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.builder(PaymentType.CREDIT_CARD, "order-109", 789_000)
				.creditCard(CreditCardOptions.token("48111111-1114-0bb563a9").withBank(Bank.BNI).withInstallmentTerm(3))
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.at("/credit_card/token_id").asString()).isEqualTo("48111111-1114-0bb563a9");
		assertThat(body.at("/credit_card/authentication").asBoolean()).isTrue();
		assertThat(body.at("/credit_card/bank").asString()).isEqualTo("bni");
		assertThat(body.at("/credit_card/installment_term").asInt()).isEqualTo(3);
		assertThat(response.isPaid()).isTrue();
		assertThat(response.maskedCard()).isEqualTo("48111111-1114");
		assertThat(response.installmentTerm()).isEqualTo(3);
		assertThat(response.channelResponseCode()).isEqualTo("00");
	}

	@Test
	void declinedCardIsAnAnswerNotAnError() {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"202","status_message":"Card is not authenticated.","transaction_id":"t-9",
					 "order_id":"order-110","payment_type":"credit_card","transaction_status":"deny","fraud_status":"accept",
					 "channel_response_code":"05","channel_response_message":"Do Not Honour"}
					"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.creditCard("order-110", 10_000, "token").build());

		assertThat(response.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(response.statusCode()).isEqualTo("202");
		assertThat(response.isPaid()).isFalse();
	}

	@Test
	void akulakuAndKredivoSendCustomerAndItems() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","transaction_status":"pending","redirect_url":"https://sandbox.akulaku.com/pay"}
				"""));
		TransactionResponse response = MockMidtrans.client(this.server)
			.charge(ChargeRequest.akulaku("order-111", 50_000)
				.customer(CustomerDetails.of("Budi", null, "budi@example.com", "0811"))
				.item(ItemDetail.of("A", "Shoes", 60_000, 1))
				.item(ItemDetail.of("D", "Discount", -10_000, 1))
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("payment_type").asString()).isEqualTo("akulaku");
		assertThat(body.at("/item_details/1/price").asLong()).isEqualTo(-10_000);
		assertThat(response.redirectUrl()).isEqualTo("https://sandbox.akulaku.com/pay");
	}

	@Test
	void chargeCarriesOptionalHeaders() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"transaction_status\":\"pending\"}"));
		MockMidtrans.client(this.server)
			.charge(ChargeRequest.gopay("order-112", 10_000).build(),
					RequestOptions.none()
						.withIdempotencyKey("0b6a3e0e-6f37-4a83-9b0f-5d8f1f0b9c11-charge")
						.withOverrideNotification("https://a.example/n", "https://b.example/n")
						.withAppendNotification("https://c.example/n")
						.withPaymentLocale("en-EN"));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getHeaders().get("Idempotency-Key"))
			.isEqualTo("0b6a3e0e-6f37-4a83-9b0f-5d8f1f0b9c11-charge");
		assertThat(request.getHeaders().get("X-Override-Notification"))
			.isEqualTo("https://a.example/n,https://b.example/n");
		assertThat(request.getHeaders().get("X-Append-Notification")).isEqualTo("https://c.example/n");
		assertThat(request.getHeaders().get("X-Payment-Locale")).isEqualTo("en-EN");
	}

	@Test
	void invalidChargesAreRejectedBeforeAnyCall() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChargeRequest.bankTransfer("order with spaces", 10_000, Bank.BCA).build())
			.withMessageContaining("Order id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChargeRequest.bankTransfer("order-1", 0, Bank.BCA).build())
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChargeRequest.bankTransfer("order-1", 10_000, Bank.BCA)
				.item(ItemDetail.of("A", "Thing", 9_000, 1))
				.build())
			.withMessageContaining("add up to 9000 but the gross amount is 10000");
		assertThatIllegalArgumentException().isThrownBy(() -> ChargeRequest.bankTransfer("order-1", 1, Bank.MANDIRI))
			.withMessageContaining("echannel");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChargeRequest.gopay("order-1", 10_000).qris(new QrisOptions(null)).build())
			.withMessageContaining("qris options do not fit payment type gopay");
		assertThatIllegalArgumentException().isThrownBy(() -> ChargeRequest.akulaku("order-1", 10_000).build())
			.withMessageContaining("Akulaku needs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ChargeRequest.creditCard("order-1", 10_000, "tok")
				.customExpiry(CustomExpiry.after(10, ExpiryUnit.MINUTE))
				.build())
			.withMessageContaining("not allowed for cards");
		assertThatIllegalArgumentException().isThrownBy(() -> RequestOptions.none().withIdempotencyKey("x".repeat(47)))
			.withMessageContaining("46");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> RequestOptions.none().withOverrideNotification("a", "b", "c", "d"))
			.withMessageContaining("At most 3");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cardOptionsNeverShowTheToken() {
		ChargeRequest request = ChargeRequest.creditCard("order-1", 10_000, "48111111-1114-secret-token").build();
		assertThat(request.toString()).doesNotContain("secret-token").contains("order-1");
		assertThat(GopayOptions.linkedAccount("acc", "option-secret").toString()).doesNotContain("option-secret");
	}

}
