package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.DynamicAmount;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.LinkExpiry;
import io.github.springmidtrans.client.model.LinkExpiryUnit;
import io.github.springmidtrans.client.model.PaymentLinkCustomer;
import io.github.springmidtrans.client.model.PaymentLinkDetails;
import io.github.springmidtrans.client.model.PaymentLinkRequest;
import io.github.springmidtrans.client.model.PaymentLinkResponse;
import io.github.springmidtrans.client.model.PaymentLinkType;
import io.github.springmidtrans.client.model.TransactionStatus;
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
 * Payment Link API: request shapes, parsed answers and error shapes.
 */
class PaymentLinkApiTests {

	private static final String CREATED = """
			{"order_id":"concert-ticket-05",
			 "payment_url":"https://app.sandbox.midtrans.com/payment-links/amazing-ticket-payment-123"}
			""";

	@StartStop
	final MockWebServer server = new MockWebServer();

	private static PaymentLinkRequest simpleLink() {
		return PaymentLinkRequest.fixedAmount("concert-ticket-05", 190_000).usageLimit(1).build();
	}

	@Test
	void createFixedAmountLinkSendsDocumentedShape() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);
		OffsetDateTime start = OffsetDateTime.of(2022, 4, 1, 18, 0, 0, 0, ZoneOffset.ofHours(7));

		PaymentLinkResponse response = client.paymentLinks()
			.create(PaymentLinkRequest.fixedAmount("concert-ticket-05", 190_000)
				.paymentLinkId("amazing-ticket-payment-123")
				.usageLimit(1)
				.expiry(LinkExpiry.after(20, LinkExpiryUnit.DAY).withStartTime(start))
				.enabledPayments("credit_card", "bca_va")
				.item(ItemDetail.of("pil-001", "Pillow", 95_000, 2))
				.customer(PaymentLinkCustomer.of("John", "Doe", "john@example.com", "+62181000000000")
					.withNotes("Thank you")
					.withRequiredFields("first_name", "email"), true)
				.title("Concert")
				.customFields("cf1", null, null)
				.finishUrl("https://shop.example/done")
				.build());

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment-links");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.at("/transaction_details/order_id").asString()).isEqualTo("concert-ticket-05");
		assertThat(body.at("/transaction_details/gross_amount").isIntegralNumber()).isTrue();
		assertThat(body.at("/transaction_details/gross_amount").asLong()).isEqualTo(190_000);
		assertThat(body.at("/transaction_details/payment_link_id").asString()).isEqualTo("amazing-ticket-payment-123");
		assertThat(body.get("usage_limit").asInt()).isEqualTo(1);
		assertThat(body.at("/expiry/start_time").asString()).isEqualTo("2022-04-01 18:00:00 +0700");
		assertThat(body.at("/expiry/duration").asInt()).isEqualTo(20);
		assertThat(body.at("/expiry/unit").asString()).isEqualTo("day");
		assertThat(body.at("/enabled_payments/1").asString()).isEqualTo("bca_va");
		assertThat(body.at("/item_details/0/id").asString()).isEqualTo("pil-001");
		assertThat(body.at("/item_details/0/name").asString()).isEqualTo("Pillow");
		assertThat(body.at("/item_details/0/price").asLong()).isEqualTo(95_000);
		assertThat(body.at("/customer_details/notes").asString()).isEqualTo("Thank you");
		assertThat(body.at("/customer_details/customer_details_required_fields/1").asString()).isEqualTo("email");
		assertThat(body.get("customer_required").asBoolean()).isTrue();
		assertThat(body.get("title").asString()).isEqualTo("Concert");
		assertThat(body.get("payment_link_type").asString()).isEqualTo("FIXED_AMOUNT");
		assertThat(body.get("custom_field1").asString()).isEqualTo("cf1");
		assertThat(body.at("/callbacks/finish").asString()).isEqualTo("https://shop.example/done");
		assertThat(body.has("dynamic_amount")).isFalse();
		assertThat(body.has("order_id")).isFalse();
		assertThat(MockMidtrans.body(request)).doesNotContain("null");

		assertThat(response.orderId()).isEqualTo("concert-ticket-05");
		assertThat(response.paymentUrl())
			.isEqualTo("https://app.sandbox.midtrans.com/payment-links/amazing-ticket-payment-123");
		assertThat(response.raw().has("payment_url")).isTrue();
	}

	@Test
	void createDynamicAmountLinkSendsBoundsWithoutGrossAmount() throws Exception {
		this.server.enqueue(MockMidtrans.json(CREATED));
		MidtransClient client = MockMidtrans.client(this.server);

		client.paymentLinks()
			.create(PaymentLinkRequest
				.dynamicAmount("donation-1", DynamicAmount.between(5_000, 1_000_000).withPreset(50_000))
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("payment_link_type").asString()).isEqualTo("DYNAMIC_AMOUNT");
		assertThat(body.at("/dynamic_amount/min_amount").asLong()).isEqualTo(5_000);
		assertThat(body.at("/dynamic_amount/max_amount").asLong()).isEqualTo(1_000_000);
		assertThat(body.at("/dynamic_amount/preset_amount").asLong()).isEqualTo(50_000);
		assertThat(body.at("/transaction_details").has("gross_amount")).isFalse();
	}

	@Test
	void getParsesUsageExpiryItemsAndPurchases() throws Exception {
		this.server.enqueue(MockMidtrans
			.json("""
					{"id":"1","payment_link_url":"https://app.midtrans.com/payment-links/abc","order_id":"001",
					 "payment_link_type":"FIXED_AMOUNT","merchant_id":"M001","payment_link_id":"abc",
					 "enabled_payments":["credit_card","bca_va","indomaret"],"usage_limit":2,"gross_amount":190000,
					 "expiry_start":"2020-12-31 18:00 +0700","expiry_duration":2,"expiry_unit":"days","usage":2,
					 "item_details":[{"id":"1","name":"Pillow","price":95000,"quantity":2,"brand":"Midtrans",
					  "item_id":"pil-001","created_at":"2017-11-02T10:53:21.000Z"}],
					 "customer_details":{"id":"1","first_name":"John","last_name":"Doe","notes":"Thanks"},
					 "purchases":[{"id":49118,"snap_token":"4fdbd319-0706-4cc7-9fb5-508bf8824886",
					  "order_id":"001-1658897316","payment_status":"EXPIRE","payment_method":"BANK_TRANSFER"},
					  {"id":49120,"order_id":"001-1658897400","payment_status":"SETTLEMENT","payment_method":"CREDIT_CARD"}]}
					"""));
		MidtransClient client = MockMidtrans.client(this.server);

		PaymentLinkDetails details = client.paymentLinks().get("001");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment-links/001");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(details.paymentLinkUrl()).isEqualTo("https://app.midtrans.com/payment-links/abc");
		assertThat(details.paymentLinkType()).isEqualTo(PaymentLinkType.FIXED_AMOUNT);
		assertThat(details.grossAmount()).isEqualByComparingTo(new BigDecimal("190000"));
		assertThat(details.usage()).isEqualTo(2);
		assertThat(details.usageLimit()).isEqualTo(2);
		assertThat(details.enabledPayments()).containsExactly("credit_card", "bca_va", "indomaret");
		assertThat(details.expiryStart())
			.isEqualTo(OffsetDateTime.of(2020, 12, 31, 18, 0, 0, 0, ZoneOffset.ofHours(7)));
		assertThat(details.expiryDuration()).isEqualTo(2);
		assertThat(details.expiryUnit()).isEqualTo(LinkExpiryUnit.DAY);
		assertThat(details.itemDetails().get(0).itemId()).isEqualTo("pil-001");
		assertThat(details.itemDetails().get(0).price()).isEqualByComparingTo("95000");
		assertThat(details.customerDetails().notes()).isEqualTo("Thanks");
		assertThat(details.purchases()).extracting(PaymentLinkDetails.Purchase::orderId)
			.containsExactly("001-1658897316", "001-1658897400");
		assertThat(details.purchases()).extracting(PaymentLinkDetails.Purchase::paymentStatus)
			.containsExactly(TransactionStatus.EXPIRE, TransactionStatus.SETTLEMENT);
		assertThat(details.purchases().get(0).id()).isEqualTo("49118");
		assertThat(details.purchases().get(0).paymentMethod()).isEqualTo("BANK_TRANSFER");
		assertThat(details.toString()).doesNotContain("4fdbd319");
	}

	@Test
	void deleteSendsDeleteToOrderPath() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"message\":\"Payment link deleted\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		client.paymentLinks().delete("concert-ticket-05");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("DELETE");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/payment-links/concert-ticket-05");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(MockMidtrans.body(request)).isEmpty();
	}

	@Test
	void deleteWithEmptyAnswerSucceeds() {
		this.server.enqueue(new MockResponse.Builder().code(200).build());
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatNoException().isThrownBy(() -> client.paymentLinks().delete("concert-ticket-05"));
	}

	@Test
	void deleteOfUnknownLinkIsNotFound() {
		this.server.enqueue(MockMidtrans.json(404, "{\"error_messages\":[\"payment link not found\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> client.paymentLinks().delete("missing"))
			.satisfies((ex) -> {
				assertThat(ex.getOrderId()).isEqualTo("missing");
				assertThat(ex.getStatusMessage()).isEqualTo("payment link not found");
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.PAYMENT_LINK_DELETE);
			});
	}

	@Test
	void invalidLinkIsValidationErrorWithMessages() {
		this.server
			.enqueue(MockMidtrans.json(400, "{\"error_messages\":[\"payment_link_id has already been taken\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client.paymentLinks().create(simpleLink()))
			.satisfies((ex) -> {
				assertThat(ex.getValidationMessages()).containsExactly("payment_link_id has already been taken");
				assertThat(ex.getOrderId()).isEqualTo("concert-ticket-05");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void refusedKeyWithPlainStringMessageIsAuthenticationError() {
		this.server.enqueue(MockMidtrans.json(401, "{\"error_messages\":\"Unauthorized\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> client.paymentLinks().create(simpleLink()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusMessage()).isEqualTo("Unauthorized");
				assertThat(ex.getMessage()).doesNotContain(MockMidtrans.SERVER_KEY);
			});
	}

	@Test
	void reusedOrderIdIsDuplicate() {
		this.server.enqueue(MockMidtrans.json(409, "{\"error_messages\":[\"Duplicate order id\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> client.paymentLinks().create(simpleLink()))
			.satisfies((ex) -> {
				assertThat(ex.getStatusMessage()).isEqualTo("Duplicate order id");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(500, "{\"error_messages\":[\"Internal server error\"]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> client.paymentLinks().get("001"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void malformedAnswerIsInvalidResponse() {
		// A non-JSON body is not used here: HttpTransport currently turns it into an
		// IllegalStateException (see the report on initCause).
		this.server.enqueue(MockMidtrans.json("{\"order_id\":{\"nested\":true}}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.paymentLinks().create(simpleLink()));
	}

	@Test
	void requestRejectsWhatMidtransWouldReject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentLinkRequest.fixedAmount("order-1", 100_000)
				.item(ItemDetail.of("a", "A", 40_000, 2))
				.build())
			.withMessageContaining("items add up to 80000 but the gross amount is 100000");
		assertThatIllegalArgumentException().isThrownBy(() -> PaymentLinkRequest.fixedAmount("order-1", 0).build())
			.withMessageContaining("must be positive");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentLinkRequest.fixedAmount("order-1", 1_000).usageLimit(0).build())
			.withMessageContaining("usage_limit");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentLinkRequest.fixedAmount("order-1", 1_000).paymentLinkId("Has_Upper").build())
			.withMessageContaining("payment_link_id");
		assertThatIllegalArgumentException().isThrownBy(() -> DynamicAmount.between(10_000, 5_000))
			.withMessageContaining("above max_amount");
		assertThatIllegalArgumentException().isThrownBy(() -> DynamicAmount.between(10_000, 50_000).withPreset(60_000))
			.withMessageContaining("preset_amount");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PaymentLinkRequest.fixedAmount("order with space", 1_000).build())
			.withMessageContaining("Order id");
	}

	@Test
	void expiryUnitReadsPluralForms() {
		assertThat(LinkExpiryUnit.fromWireValue("days")).isEqualTo(LinkExpiryUnit.DAY);
		assertThat(LinkExpiryUnit.fromWireValue("Hours")).isEqualTo(LinkExpiryUnit.HOUR);
		assertThat(LinkExpiryUnit.fromWireValue("minute")).isEqualTo(LinkExpiryUnit.MINUTE);
		assertThat(LinkExpiryUnit.fromWireValue("months")).isEqualTo(LinkExpiryUnit.UNKNOWN);
	}

}
