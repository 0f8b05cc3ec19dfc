package io.github.springmidtrans.client;

import java.math.BigDecimal;

import io.github.springmidtrans.client.model.GopayPartner;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.PayAccountResponse;
import io.github.springmidtrans.client.model.PayAccountResponse.PaymentOption;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.PaymentType;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * GoPay account linking: create, get and unbind, their request shapes, every account
 * state, refusals and failures, and that payment option tokens stay out of
 * {@code toString()}.
 */
class PayAccountApiTests {

	private static final String ACCOUNT_ID = "00000269-7836-49e5-bc65-e592afafec14";

	private static final String WALLET_TOKEN = "eyJ0eXBlIjogIkdPUEFZX1dBTExFVCIsICJpZCI6ICIifQ==";

	private static final String PAY_LATER_TOKEN = "eyJ0eXBlIjogIlBBWV9MQVRFUiIsICJpZCI6ICIifQ==";

	private static final String ENABLED_ANSWER = """
			{"status_code":"200","payment_type":"gopay","account_id":"%s","account_status":"ENABLED",
			 "metadata":{"payment_options":[
			   {"name":"GOPAY_WALLET","active":true,"balance":{"value":"1000000.00","currency":"IDR"},
			    "metadata":{},"token":"%s"},
			   {"name":"PAY_LATER","active":false,"balance":{"value":"350000.00","currency":"IDR"},
			    "metadata":{"limit_type":"monthly"},"token":"%s"}]}}
			""".formatted(ACCOUNT_ID, WALLET_TOKEN, PAY_LATER_TOKEN);

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final PayAccountRequest request = PayAccountRequest.gopay("81212345678", "62",
			"https://shop.example/linked");

	@Test
	void createSendsGopayPartnerAndParsesPendingAccountWithActivationLinks() throws Exception {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"201","payment_type":"gopay","account_id":"%s","account_status":"PENDING",
					 "actions":[
					   {"name":"activation-deeplink","method":"GET","url":"https://api.sandbox.midtrans.com/v2/pay/account/gpar_1/link"},
					   {"name":"activation-link-url","method":"GET","url":"https://api.sandbox.midtrans.com/v2/pay/account/gpar_1/link/url"},
					   {"name":"activation-link-app","method":"GET","url":"https://simulator.sandbox.midtrans.com/gopay/partner/app/1"}]}
					"""
				.formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		PayAccountResponse response = client.payAccounts().create(this.request);

		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v2/pay/account");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(recorded.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(recorded.getHeaders().get("Idempotency-Key")).isNull();
		assertThat(recorded.getHeaders().get("X-Payment-Locale")).isNull();
		JsonNode body = MockMidtrans.jsonBody(recorded);
		assertThat(body.propertyNames()).containsOnly("payment_type", "gopay_partner");
		assertThat(body.get("payment_type").asString()).isEqualTo("gopay");
		assertThat(body.get("gopay_partner").propertyNames()).containsOnly("phone_number", "country_code",
				"redirect_url");
		assertThat(body.at("/gopay_partner/phone_number").asString()).isEqualTo("81212345678");
		assertThat(body.at("/gopay_partner/country_code").asString()).isEqualTo("62");
		assertThat(body.at("/gopay_partner/redirect_url").asString()).isEqualTo("https://shop.example/linked");
		assertThat(response.statusCode()).isEqualTo("201");
		assertThat(response.paymentType()).isEqualTo(PaymentType.GOPAY);
		assertThat(response.accountId()).isEqualTo(ACCOUNT_ID);
		assertThat(response.accountStatus()).isEqualTo(PayAccountStatus.PENDING);
		assertThat(response.actions()).hasSize(3);
		assertThat(response.action("activation-link-url")).hasValueSatisfying((action) -> {
			assertThat(action.method()).isEqualTo("GET");
			assertThat(action.url()).endsWith("/link/url");
		});
		assertThat(response.action("activation-link-app")).isPresent();
		assertThat(response.paymentOptions()).isEmpty();
		assertThat(response.raw()).isNotNull();
	}

	@Test
	void createWithoutRedirectUrlLeavesItOut() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","account_id":"%s","account_status":"PENDING"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		client.payAccounts().create(PayAccountRequest.gopay("81212345678", "62", null));

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("gopay_partner").propertyNames()).containsOnly("phone_number", "country_code");
	}

	@Test
	void createSendsPaymentLocale() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","account_id":"%s","account_status":"PENDING"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		client.payAccounts().create(this.request, RequestOptions.none().withPaymentLocale("en-EN"));

		assertThat(this.server.takeRequest().getHeaders().get("X-Payment-Locale")).isEqualTo("en-EN");
	}

	@Test
	void createRejectsAnIdempotencyKeyBecauseMidtransIgnoresIt() {
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> client.payAccounts().create(this.request, RequestOptions.none().withIdempotencyKey("link-1")))
			.withMessageContaining("idempotency key");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void createRefusedByGopayIsThrown() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"202","status_message":"GoPay account linking failed","channel_response_code":"105",
				 "channel_response_message":"User Not Found"}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> client.payAccounts().create(this.request))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(MidtransRefusalException.class);
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.PAY_ACCOUNT_CREATE);
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getMidtransStatusCode()).isEqualTo("202");
				assertThat(ex.getStatusMessage())
					.isEqualTo("GoPay account linking failed (channel response 105 User Not Found)");
				assertThat(ex.getMessage()).contains("pay account create")
					.contains("refused")
					.contains("105 User Not Found");
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void createValidationErrorCarriesMessages() {
		this.server.enqueue(MockMidtrans.json(400, """
				{"status_code":"400","status_message":"One or more parameters in the payload is invalid.",
				 "validation_messages":["gopay_partner.phone_number is required"]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client.payAccounts().create(this.request))
			.satisfies((ex) -> assertThat(ex.getValidationMessages())
				.containsExactly("gopay_partner.phone_number is required"));
	}

	@Test
	void createRateLimitedIsRetryable() {
		this.server.enqueue(MockMidtrans.json(429, "{\"message\":\"API rate limit exceeded\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransRateLimitException.class)
			.isThrownBy(() -> client.payAccounts().create(this.request))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void getEnabledAccountParsesPaymentOptions() throws Exception {
		this.server.enqueue(MockMidtrans.json(ENABLED_ANSWER));
		MidtransClient client = MockMidtrans.client(this.server);

		PayAccountResponse response = client.payAccounts().get(ACCOUNT_ID);

		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("GET");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v2/pay/account/" + ACCOUNT_ID);
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(MockMidtrans.body(recorded)).isEmpty();
		assertThat(response.statusCode()).isEqualTo("200");
		assertThat(response.accountStatus()).isEqualTo(PayAccountStatus.ENABLED);
		assertThat(response.paymentOptions()).extracting(PaymentOption::name)
			.containsExactly("GOPAY_WALLET", "PAY_LATER");
		PaymentOption wallet = response.paymentOption("GOPAY_WALLET").orElseThrow();
		assertThat(wallet.active()).isTrue();
		assertThat(wallet.token()).isEqualTo(WALLET_TOKEN);
		assertThat(wallet.balance()).isNotNull();
		assertThat(wallet.balance().value()).isEqualByComparingTo(new BigDecimal("1000000"));
		assertThat(wallet.balance().currency()).isEqualTo("IDR");
		assertThat(wallet.metadata()).isEmpty();
		PaymentOption payLater = response.paymentOption("PAY_LATER").orElseThrow();
		assertThat(payLater.active()).isFalse();
		assertThat(payLater.balance().value()).isEqualByComparingTo(new BigDecimal("350000.00"));
		assertThat(payLater.metadata()).containsEntry("limit_type", "monthly");
		assertThat(payLater.token()).isEqualTo(PAY_LATER_TOKEN);
	}

	@Test
	void getPendingAccountIsAnAnswer() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","account_id":"%s","account_status":"PENDING"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThat(client.payAccounts().get(ACCOUNT_ID).accountStatus()).isEqualTo(PayAccountStatus.PENDING);
	}

	@Test
	void getDisabledAccountWith204IsAnAnswerNotAnError() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"204","payment_type":"gopay","account_id":"%s","account_status":"DISABLED"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		PayAccountResponse response = client.payAccounts().get(ACCOUNT_ID);

		assertThat(response.statusCode()).isEqualTo("204");
		assertThat(response.accountStatus()).isEqualTo(PayAccountStatus.DISABLED);
		assertThat(response.paymentOptions()).isEmpty();
	}

	@Test
	void getExpiredAccountWith204IsAnAnswer() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"204","account_id":"%s","account_status":"expired"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThat(client.payAccounts().get(ACCOUNT_ID).accountStatus()).isEqualTo(PayAccountStatus.EXPIRED);
	}

	@Test
	void unknownAccountStatusDoesNotFailParsing() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","account_id":"%s","account_status":"SUSPENDED"}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		PayAccountResponse response = client.payAccounts().get(ACCOUNT_ID);

		assertThat(response.accountStatus()).isEqualTo(PayAccountStatus.UNKNOWN);
		assertThat(response.raw().text("account_status")).isEqualTo("SUSPENDED");
	}

	@Test
	void getUnknownAccountIsNotFound() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"404","status_message":"Account doesn't exist."}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransNotFoundException.class)
			.isThrownBy(() -> client.payAccounts().get("missing-account"))
			.satisfies((ex) -> {
				assertThat(ex.getOrderId()).isEqualTo("missing-account");
				assertThat(ex.getMessage()).contains("pay account 'missing-account'");
				assertThat(ex.getStatusMessage()).isEqualTo("Account doesn't exist.");
			});
	}

	@Test
	void getServerErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(503, "{\"status_code\":\"503\",\"status_message\":\"maintenance\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> client.payAccounts().get(ACCOUNT_ID))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void getMalformedAnswerIsInvalidResponseWithoutTheBody() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"token\":\"" + WALLET_TOKEN + "\","));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.payAccounts().get(ACCOUNT_ID))
			.withMessageNotContaining(WALLET_TOKEN);
	}

	@Test
	void getRejectsBlankAccountIdAndEncodesPathSegments() throws Exception {
		MidtransClient client = MockMidtrans.client(this.server);
		assertThatIllegalArgumentException().isThrownBy(() -> client.payAccounts().get(" "));
		assertThatIllegalArgumentException().isThrownBy(() -> client.payAccounts().unbind(""));
		assertThat(this.server.getRequestCount()).isZero();

		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"account_status\":\"PENDING\"}"));
		client.payAccounts().get("a/b?c");

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account/a%2Fb%3Fc");
	}

	@Test
	void unbindPostsAndParsesDisabledAccount() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"204","payment_type":"gopay","account_id":"%s","account_status":"DISABLED",
				 "channel_response_code":"0","channel_response_message":"Process service request successfully."}
				""".formatted(ACCOUNT_ID)));
		MidtransClient client = MockMidtrans.client(this.server);

		PayAccountResponse response = client.payAccounts().unbind(ACCOUNT_ID);

		RecordedRequest recorded = this.server.takeRequest();
		assertThat(recorded.getMethod()).isEqualTo("POST");
		assertThat(recorded.getUrl().encodedPath()).isEqualTo("/v2/pay/account/" + ACCOUNT_ID + "/unbind");
		assertThat(recorded.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(MockMidtrans.body(recorded)).isEmpty();
		assertThat(response.statusCode()).isEqualTo("204");
		assertThat(response.accountId()).isEqualTo(ACCOUNT_ID);
		assertThat(response.accountStatus()).isEqualTo(PayAccountStatus.DISABLED);
		assertThat(response.channelResponseCode()).isEqualTo("0");
		assertThat(response.channelResponseMessage()).isEqualTo("Process service request successfully.");
	}

	@Test
	void unbindRefusedByGopayIsThrown() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"202","status_message":"Caller authentication error","channel_response_code":"1001",
				 "channel_response_message":"Caller authentication error"}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> client.payAccounts().unbind(ACCOUNT_ID))
			.satisfies((ex) -> {
				assertThat(ex).isExactlyInstanceOf(MidtransRefusalException.class);
				assertThat(ex.getMidtransStatusCode()).isEqualTo("202");
				assertThat(ex.getOrderId()).isEqualTo(ACCOUNT_ID);
				assertThat(ex.getMessage()).contains("pay account '" + ACCOUNT_ID + "'")
					.contains("Caller authentication error");
			});
	}

	@Test
	void requestRejectsWhatMidtransWould() {
		assertThatIllegalArgumentException().isThrownBy(() -> PayAccountRequest.gopay("+6281212345678", "62", null))
			.withMessageContaining("phone_number");
		assertThatIllegalArgumentException().isThrownBy(() -> PayAccountRequest.gopay("81212345678", "+62", null))
			.withMessageContaining("country_code");
		assertThatIllegalArgumentException().isThrownBy(() -> PayAccountRequest.gopay("81212345678", "62", " "))
			.withMessageContaining("redirect_url");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PayAccountRequest(PaymentType.SHOPEEPAY, new GopayPartner("81212345678", "62", null)))
			.withMessageContaining("payment_type must be gopay");
		assertThatIllegalArgumentException().isThrownBy(() -> new PayAccountRequest(PaymentType.GOPAY, null))
			.withMessageContaining("gopay_partner");
	}

	@Test
	void toStringNeverShowsPaymentOptionTokens() {
		this.server.enqueue(MockMidtrans.json(ENABLED_ANSWER));
		PayAccountResponse response = MockMidtrans.client(this.server).payAccounts().get(ACCOUNT_ID);

		assertThat(response.toString()).doesNotContain(WALLET_TOKEN)
			.doesNotContain(PAY_LATER_TOKEN)
			.contains(ACCOUNT_ID)
			.contains("GOPAY_WALLET");
		PaymentOption wallet = response.paymentOptions().get(0);
		assertThat(wallet.toString()).doesNotContain(WALLET_TOKEN).contains("(hidden)");
		assertThat(response.metadata().toString()).doesNotContain(WALLET_TOKEN).doesNotContain(PAY_LATER_TOKEN);
	}

}
