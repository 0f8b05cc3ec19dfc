package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.Bank;
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

}
