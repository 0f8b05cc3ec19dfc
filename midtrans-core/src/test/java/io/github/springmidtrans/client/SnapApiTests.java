package io.github.springmidtrans.client;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.EchannelOptions;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapCreditCard;
import io.github.springmidtrans.client.model.SnapCstore;
import io.github.springmidtrans.client.model.SnapExpiry;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.client.model.SnapVirtualAccount;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Snap API: request shape, host, parsed answer and error shapes.
 */
class SnapApiTests {

	private static final String CREATED = """
			{"token":"66e4fa55-fdac-4ef9-91b5-733b97d1b862",
			 "redirect_url":"https://app.sandbox.midtrans.com/snap/v2/vtweb/66e4fa55-fdac-4ef9-91b5-733b97d1b862"}
			""";

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final List<String> heard = new ArrayList<>();

	private MidtransClient client() {
		// Core calls would go to /core/: proves Snap uses its own base URL.
		return MidtransClient.builder()
			.serverKey(MockMidtrans.SERVER_KEY)
			.baseUrl(this.server.url("/core/").toString())
			.snapBaseUrl(this.server.url("/").toString())
			.readTimeout(Duration.ofSeconds(5))
			.callListener((operation, outcome, httpStatus, duration) -> this.heard
				.add(operation + " " + outcome + " " + httpStatus))
			.build();
	}

	@Test
	void createTransactionSendsDocumentedShapeToSnapHost() throws Exception {
		this.server.enqueue(MockMidtrans.json(201, CREATED));
		OffsetDateTime start = OffsetDateTime.of(2026, 11, 24, 10, 0, 0, 0, ZoneOffset.ofHours(7));

		SnapResponse response = client().snap()
			.createTransaction(SnapRequest.builder("ORDER-101", 150_000)
				.item(ItemDetail.of("SKU-1", "Coffee", 50_000, 3))
				.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
				.enabledPayments("bca_va", "echannel", "other_qris", "credit_card", "alfamart")
				.creditCard(SnapCreditCard.threeDSecure().withWhitelistBins("48111111", "bni"))
				.virtualAccount(Bank.BCA, new SnapVirtualAccount("12345678911", "00000", null))
				.virtualAccount(Bank.PERMATA, new SnapVirtualAccount(null, null, "SHOP"))
				.echannel(EchannelOptions.of("Payment:", "Coffee"))
				.cstore(new SnapCstore("Thanks", null, null))
				.finishUrl("https://shop.example/finish")
				.expiry(SnapExpiry.from(start, 2, ExpiryUnit.HOUR))
				.pageExpiry(SnapPageExpiry.of(30, ExpiryUnit.MINUTE))
				.customFields("cf1", null, null)
				.metadata("cart", "c-9")
				.build());

		assertThat(response.token()).isEqualTo("66e4fa55-fdac-4ef9-91b5-733b97d1b862");
		assertThat(response.redirectUrl()).endsWith("/snap/v2/vtweb/66e4fa55-fdac-4ef9-91b5-733b97d1b862");
		assertThat(response.raw()).isNotNull();
		assertThat(response.raw().text("token")).isEqualTo(response.token());
		assertThat(response.toString()).doesNotContain("66e4fa55");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/snap/v1/transactions");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.at("/transaction_details/order_id").asString()).isEqualTo("ORDER-101");
		assertThat(body.at("/transaction_details/gross_amount").isIntegralNumber()).isTrue();
		assertThat(body.at("/transaction_details/gross_amount").asLong()).isEqualTo(150_000);
		assertThat(body.at("/item_details/0/price").asLong()).isEqualTo(50_000);
		assertThat(body.at("/item_details/0/quantity").asInt()).isEqualTo(3);
		assertThat(body.at("/customer_details/first_name").asString()).isEqualTo("Budi");
		assertThat(body.at("/enabled_payments/2").asString()).isEqualTo("other_qris");
		assertThat(body.at("/credit_card/secure").asBoolean()).isTrue();
		assertThat(body.at("/credit_card/whitelist_bins/1").asString()).isEqualTo("bni");
		assertThat(body.at("/bca_va/va_number").asString()).isEqualTo("12345678911");
		assertThat(body.at("/bca_va/sub_company_code").asString()).isEqualTo("00000");
		assertThat(body.at("/permata_va/recipient_name").asString()).isEqualTo("SHOP");
		assertThat(body.at("/echannel/bill_info1").asString()).isEqualTo("Payment:");
		assertThat(body.at("/cstore/alfamart_free_text_1").asString()).isEqualTo("Thanks");
		assertThat(body.at("/callbacks/finish").asString()).isEqualTo("https://shop.example/finish");
		assertThat(body.at("/expiry/start_time").asString()).isEqualTo("2026-11-24 10:00:00 +0700");
		assertThat(body.at("/expiry/unit").asString()).isEqualTo("hour");
		assertThat(body.at("/expiry/duration").asInt()).isEqualTo(2);
		assertThat(body.at("/page_expiry/duration").asInt()).isEqualTo(30);
		assertThat(body.at("/page_expiry/unit").asString()).isEqualTo("minute");
		assertThat(body.get("custom_field1").asString()).isEqualTo("cf1");
		assertThat(body.at("/metadata/cart").asString()).isEqualTo("c-9");
		assertThat(body.has("bni_va")).isFalse();
		assertThat(body.has("gopay")).isFalse();
		assertThat(this.heard).containsExactly("SNAP_CREATE success 201");
	}

	@Test
	void snapBaseUrlDefaultsPerEnvironmentAndSurvivesNewBuilder() {
		MidtransClient sandbox = MidtransClient.builder().serverKey(MockMidtrans.SERVER_KEY).build();
		assertThat(sandbox.snapBaseUrl()).isEqualTo(HttpUrl.get("https://app.sandbox.midtrans.com/"));
		MidtransClient production = MidtransClient.builder()
			.serverKey("Mid-server-production-test-key")
			.environment(MidtransEnvironment.PRODUCTION)
			.build();
		assertThat(production.snapBaseUrl()).isEqualTo(HttpUrl.get("https://app.midtrans.com/"));
		MidtransClient overridden = client();
		assertThat(overridden.newBuilder().build().snapBaseUrl()).isEqualTo(this.server.url("/"));
		assertThat(overridden.toString()).contains("snapBaseUrl=" + this.server.url("/"));
		assertThatIllegalArgumentException().isThrownBy(() -> MidtransClient.builder().snapBaseUrl("not a url"));
	}

	@Test
	void takenOrderIdIsADuplicate() {
		this.server.enqueue(MockMidtrans.json(400,
				"{\"error_messages\":[\"transaction_details.order_id has already been taken\"]}"));

		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> client().snap().createTransaction(SnapRequest.builder("ORDER-1", 10_000).build()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(400);
				assertThat(ex.getOrderId()).isEqualTo("ORDER-1");
				assertThat(ex.getMessage()).contains("ORDER-1").contains("already been taken");
				assertThat(ex.isRetryable()).isFalse();
			});
		assertThat(this.heard).containsExactly("SNAP_CREATE MidtransDuplicateOrderException 400");
	}

	@Test
	void otherBadRequestIsAValidationErrorWithItsMessages() {
		this.server.enqueue(MockMidtrans.json(400,
				"{\"error_messages\":[\"transaction_details.gross_amount is not equal to the sum of item_details\","
						+ "\"page_expiry.duration must be at least 5 minutes\"]}"));

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client().snap().createTransaction(SnapRequest.builder("ORDER-2", 10_000).build()))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(400);
				assertThat(ex.getValidationMessages()).hasSize(2);
				assertThat(ex.getMessage()).contains("ORDER-2").contains("gross_amount is not equal");
			});
	}

	@Test
	void refusedKeyIsAnAuthenticationErrorWithoutTheKey() {
		this.server.enqueue(MockMidtrans.json(401, "{\"error_messages\":[\"Access denied due to unauthorized "
				+ "transaction, please check client or server key\"]}"));

		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> client().snap().createTransaction(SnapRequest.builder("ORDER-3", 10_000).build()))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("Access denied");
				assertThat(ex.getMessage()).doesNotContain(MockMidtrans.SERVER_KEY)
					.doesNotContain(MockMidtrans.AUTHORIZATION);
			});
	}

	@Test
	void serverErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(503, "{\"error_messages\":[\"Sorry, we are under maintenance\"]}"));

		assertThatExceptionOfType(MidtransServerException.class)
			.isThrownBy(() -> client().snap().createTransaction(SnapRequest.builder("ORDER-4", 10_000).build()))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void answerWithoutTokenIsInvalid() {
		this.server.enqueue(MockMidtrans.json(201, "{\"redirect_url\":\"https://x.example/\"}"));

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client().snap().createTransaction(SnapRequest.builder("ORDER-5", 10_000).build()))
			.withMessageContaining("no token");
	}

	@Test
	void idempotencyKeyIsRefusedBeforeSending() {
		assertThatIllegalArgumentException().isThrownBy(() -> client().snap()
			.createTransaction(SnapRequest.builder("ORDER-6", 10_000).build(),
					RequestOptions.none().withIdempotencyKey("k-1")));
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void requestChecksWhatMidtransWouldReject() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SnapRequest.builder("ORDER-7", 10_000).item(ItemDetail.of("A", "A", 5_000, 1)).build())
			.withMessageContaining("add up to 5000");
		assertThatIllegalArgumentException().isThrownBy(() -> SnapPageExpiry.of(0, ExpiryUnit.HOUR));
		assertThatIllegalArgumentException().isThrownBy(() -> SnapPageExpiry.of(5, ExpiryUnit.SECOND));
		assertThatIllegalArgumentException().isThrownBy(() -> SnapRequest.builder("bad id!", 10_000));
		assertThat(SnapPageExpiry.of(Duration.ofMinutes(90))).isEqualTo(SnapPageExpiry.of(90, ExpiryUnit.MINUTE));
		assertThat(SnapPageExpiry.of(Duration.ofHours(48))).isEqualTo(SnapPageExpiry.of(2, ExpiryUnit.DAY));
		assertThat(SnapPageExpiry.of(3, ExpiryUnit.HOUR).toDuration()).isEqualTo(Duration.ofHours(3));
	}

}
