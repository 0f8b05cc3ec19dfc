package io.github.springmidtrans.client;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import io.github.springmidtrans.LogCapture;
import io.github.springmidtrans.client.model.BinInfo;
import io.github.springmidtrans.client.model.BinResponse;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CardRegisterResponse;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.client.model.CardTokenResponse;
import io.github.springmidtrans.client.model.PointInquiryResponse;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Card tokenization, registration, point inquiry and BIN lookup: query parameters, which
 * key authenticates, parsed answers, errors, and that card data stays out of messages,
 * logs and {@code toString()}.
 */
class CardApiTests {

	private static final String CARD = "4811111111111114";

	private static final String CVV = "8731";

	private static final String TOKEN = "48111111-1114-80d5df78-1dbd-4f4c-b2c4-5a2c1bc8e1d0";

	private static final String SAVED_TOKEN = "48111111VQoRYyNBPVbnQwE1Cf5R1114";

	private static final String TOKEN_ANSWER = """
			{"status_code":"200","status_message":"Credit card token is created as Token ID.",
			 "token_id":"%s","hash":"1f2e3d4c5b6a-hash-value"}
			""".formatted(TOKEN);

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void tokenSendsCardDataAsQueryWithClientKeyAndNoAuthorization() throws Exception {
		this.server.enqueue(MockMidtrans.json(TOKEN_ANSWER));
		MidtransClient client = MockMidtrans.client(this.server);

		CardTokenResponse response = client.cards()
			.token(CardTokenRequest.of("4811 1111 1111 1114", "12", "2030", CVV).withGrossAmount(150_000));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		HttpUrl url = request.getUrl();
		assertThat(url.encodedPath()).isEqualTo("/v2/token");
		assertThat(url.queryParameterNames()).containsOnly("client_key", "card_number", "card_exp_month",
				"card_exp_year", "card_cvv", "gross_amount");
		assertThat(url.queryParameter("client_key")).isEqualTo("SB-Mid-client-TEST");
		assertThat(url.queryParameter("card_number")).isEqualTo(CARD);
		assertThat(url.queryParameter("card_exp_month")).isEqualTo("12");
		assertThat(url.queryParameter("card_exp_year")).isEqualTo("2030");
		assertThat(url.queryParameter("card_cvv")).isEqualTo(CVV);
		assertThat(url.queryParameter("gross_amount")).isEqualTo("150000");
		assertThat(request.getHeaders().get("Authorization")).isNull();
		assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
		assertThat(MockMidtrans.body(request)).isEmpty();
		assertThat(response.statusCode()).isEqualTo("200");
		assertThat(response.tokenId()).isEqualTo(TOKEN);
		assertThat(response.hash()).isEqualTo("1f2e3d4c5b6a-hash-value");
		assertThat(response.raw()).isNotNull();
		assertThat(response.raw().text("token_id")).isEqualTo(TOKEN);
	}

	@Test
	void twoClickTokenSendsSavedTokenAndCvvButNoCard() throws Exception {
		this.server.enqueue(MockMidtrans.json(TOKEN_ANSWER));
		MidtransClient client = MockMidtrans.client(this.server);

		client.cards().token(CardTokenRequest.savedToken(SAVED_TOKEN, "123").withBankOneTimeToken("12345678"));

		HttpUrl url = this.server.takeRequest().getUrl();
		assertThat(url.queryParameterNames()).containsOnly("client_key", "card_cvv", "token_id", "bank_one_time_token");
		assertThat(url.queryParameter("token_id")).isEqualTo(SAVED_TOKEN);
		assertThat(url.queryParameter("card_cvv")).isEqualTo("123");
		assertThat(url.queryParameter("bank_one_time_token")).isEqualTo("12345678");
	}

	@Test
	void tokenRejectedInBodyUnderHttp200IsValidationFailure() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"400","status_message":"One or more parameters in the payload is invalid.",
				 "validation_messages":["card_exp_year must be in the future"]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> client.cards().token(CardTokenRequest.of(CARD, "01", "2001", CVV)))
			.satisfies((ex) -> {
				assertThat(ex.getValidationMessages()).containsExactly("card_exp_year must be in the future");
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.getMidtransStatusCode()).isEqualTo("400");
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.CARD_TOKEN);
				assertThat(ex.getOrderId()).isNull();
				assertThat(ex.getMessage()).contains("card token")
					.contains("One or more parameters")
					.doesNotContain(CARD)
					.doesNotContain(CVV);
				assertThat(ex.isRetryable()).isFalse();
			});
	}

	@Test
	void tokenWithoutClientKeyFailsBeforeCallingMidtrans() {
		MidtransClient client = MidtransClient.builder()
			.serverKey(MockMidtrans.SERVER_KEY)
			.baseUrl(this.server.url("/").toString())
			.build();

		assertThatIllegalStateException()
			.isThrownBy(() -> client.cards().token(CardTokenRequest.of(CARD, "12", "2030", CVV)))
			.withMessageContaining("clientKey(...)");
		assertThatIllegalStateException()
			.isThrownBy(() -> client.cards().register(CardRegisterRequest.of(CARD, "12", "2030")))
			.withMessageContaining("clientKey(...)");
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void registerSendsCardWithClientKeyAndServerKeyAuthorization() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","saved_token_id":"%s",
				 "transaction_id":"4f3fd3c2-40f4-4a9e-9e4c-7c5cbd8b0e7b","masked_card":"48111111-1114"}
				""".formatted(SAVED_TOKEN)));
		MidtransClient client = MockMidtrans.client(this.server);

		CardRegisterResponse response = client.cards().register(CardRegisterRequest.of(CARD, "01", "2031"));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		HttpUrl url = request.getUrl();
		assertThat(url.encodedPath()).isEqualTo("/v2/card/register");
		assertThat(url.queryParameterNames()).containsOnly("client_key", "card_number", "card_exp_month",
				"card_exp_year");
		assertThat(url.queryParameter("client_key")).isEqualTo("SB-Mid-client-TEST");
		assertThat(url.queryParameter("card_number")).isEqualTo(CARD);
		assertThat(url.queryParameter("card_exp_month")).isEqualTo("01");
		assertThat(url.queryParameter("card_exp_year")).isEqualTo("2031");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(response.statusCode()).isEqualTo("200");
		assertThat(response.savedTokenId()).isEqualTo(SAVED_TOKEN);
		assertThat(response.transactionId()).isEqualTo("4f3fd3c2-40f4-4a9e-9e4c-7c5cbd8b0e7b");
		assertThat(response.maskedCard()).isEqualTo("48111111-1114");
	}

	@Test
	void pointInquirySendsTokenInPathAmountInQueryAndServerKey() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","status_message":"Success, Credit Card Point inquiry is successful",
				 "transaction_time":"2024-03-05 10:11:12","point_balance_amount":"12500.00","point_balance":1250}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		PointInquiryResponse response = client.cards().pointInquiry(TOKEN, 100_000L);

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().pathSegments()).containsExactly("v2", "point_inquiry", TOKEN);
		assertThat(request.getUrl().queryParameterNames()).containsOnly("gross_amount");
		assertThat(request.getUrl().queryParameter("gross_amount")).isEqualTo("100000");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(response.statusCode()).isEqualTo("200");
		assertThat(response.pointBalanceAmount()).isEqualByComparingTo(new BigDecimal("12500"));
		assertThat(response.pointBalance()).isEqualTo(1250L);
		assertThat(response.transactionTime())
			.isEqualTo(OffsetDateTime.of(2024, 3, 5, 10, 11, 12, 0, ZoneOffset.ofHours(7)));
	}

	@Test
	void pointInquiryWithoutAmountSendsNoQuery() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","point_balance_amount":"0.00"}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		PointInquiryResponse response = client.cards().pointInquiry(TOKEN, null);

		assertThat(this.server.takeRequest().getUrl().querySize()).isZero();
		assertThat(response.pointBalanceAmount()).isEqualByComparingTo(BigDecimal.ZERO);
		assertThat(response.pointBalance()).isNull();
	}

	@Test
	void pointInquiryFailureDoesNotShowTheToken() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"411","status_message":"Token id is missing, invalid, or timed out"}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> client.cards().pointInquiry(TOKEN, 10_000L))
			.satisfies((ex) -> {
				assertThat(ex.getMidtransStatusCode()).isEqualTo("411");
				assertThat(ex.getMessage()).contains("point inquiry").contains("timed out").doesNotContain(TOKEN);
				assertThat(ex.getOrderId()).isNull();
			});
	}

	@Test
	void pointInquiryRejectsBlankTokenAndNonPositiveAmount() {
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatIllegalArgumentException().isThrownBy(() -> client.cards().pointInquiry(" ", null));
		assertThatIllegalArgumentException().isThrownBy(() -> client.cards().pointInquiry(TOKEN, 0L))
			.withMessageContaining("gross_amount")
			.withMessageNotContaining(TOKEN);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void binLookupParsesData() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"data":{"country_name":"Indonesia","country_code":"id","brand":"visa","bin_type":"credit",
				 "bin_class":"gold","bin":"45563300","bank_code":"bca","bank":"bank central asia",
				 "registration_required":false}}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		BinResponse response = client.cards().bin("45563300");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/bins/45563300");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		BinInfo data = response.data();
		assertThat(data.countryName()).isEqualTo("Indonesia");
		assertThat(data.countryCode()).isEqualTo("id");
		assertThat(data.brand()).isEqualTo("visa");
		assertThat(data.binType()).isEqualTo("credit");
		assertThat(data.binClass()).isEqualTo("gold");
		assertThat(data.bin()).isEqualTo("45563300");
		assertThat(data.bankCode()).isEqualTo("bca");
		assertThat(data.bank()).isEqualTo("bank central asia");
		assertThat(data.registrationRequired()).isFalse();
		assertThat(response.raw()).isNotNull();
		assertThat(response.raw().has("data")).isTrue();
	}

	@Test
	void unknownBinIsNotFound() {
		this.server.enqueue(MockMidtrans.json(404, """
				{"errors":[{"message_title":"not found","message":"not found"}]}
				"""));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(() -> client.cards().bin("999999"))
			.satisfies((ex) -> {
				assertThat(ex.getHttpStatus()).isEqualTo(404);
				assertThat(ex.getStatusMessage()).isEqualTo("not found");
				assertThat(ex.getMessage()).contains("BIN '999999'");
			});
	}

	@Test
	void binWithRefusedKeyIsAuthenticationFailureEvenWithPlainTextBody() {
		this.server.enqueue(new MockResponse.Builder().code(401).body("Unauthorized").build());
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransAuthenticationException.class).isThrownBy(() -> client.cards().bin("481111"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(401));
	}

	@Test
	void binConflictIsRateLimit() {
		this.server.enqueue(new MockResponse.Builder().code(409)
			.addHeader("Retry-After", "30")
			.body("{\"errors\":[{\"message\":\"too many requests\"}]}")
			.build());
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransRateLimitException.class).isThrownBy(() -> client.cards().bin("481111"))
			.satisfies((ex) -> {
				assertThat(ex.isRetryable()).isTrue();
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(30));
			});
	}

	@Test
	void binServerErrorIsRetryable() {
		this.server.enqueue(MockMidtrans.json(500, "{\"errors\":[{\"message\":\"internal\"}]}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> client.cards().bin("481111"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void binAnswerWithoutDataIsInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"something\":\"else\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.cards().bin("481111"));
	}

	@Test
	void malformedTokenAnswerIsInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"token_id\":"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatExceptionOfType(MidtransInvalidResponseException.class)
			.isThrownBy(() -> client.cards().token(CardTokenRequest.of(CARD, "12", "2030", CVV)))
			.withMessageNotContaining(CARD);
	}

	@Test
	void binMustBeSixToEightDigitsAndIsNeverEchoed() {
		MidtransClient client = MockMidtrans.client(this.server);

		assertThatIllegalArgumentException().isThrownBy(() -> client.cards().bin("12345"))
			.withMessageContaining("6 to 8 digits");
		assertThatIllegalArgumentException().isThrownBy(() -> client.cards().bin("4811a1"));
		assertThatIllegalArgumentException().isThrownBy(() -> client.cards().bin(CARD)).withMessageNotContaining(CARD);
		assertThat(this.server.getRequestCount()).isZero();
	}

	@Test
	void cardRequestsRejectBadCardDataWithoutEchoingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of("48111111111", "12", "2030", CVV))
			.withMessageContaining("card_number must be 12 to 19 digits")
			.withMessageNotContaining("48111111111");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CardTokenRequest.of("4811111111111115", "12", "2030", CVV))
			.withMessageContaining("Luhn")
			.withMessageNotContaining("4811111111111115");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of("4811-1111", "12", "2030", CVV))
			.withMessageContaining("card_number");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "13", "2030", CVV))
			.withMessageContaining("card_exp_month");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "1", "2030", CVV))
			.withMessageContaining("card_exp_month");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "00", "2030", CVV))
			.withMessageContaining("card_exp_month");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "12", "30", CVV))
			.withMessageContaining("card_exp_year");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "12", "2030", "12"))
			.withMessageContaining("card_cvv")
			.withMessageNotContaining("12 ");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.of(CARD, "12", "2030", "12a"))
			.withMessageContaining("card_cvv");
		assertThatIllegalArgumentException().isThrownBy(() -> CardTokenRequest.savedToken(" ", "123"))
			.withMessageContaining("token_id");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CardTokenRequest.of(CARD, "12", "2030", CVV).withGrossAmount(0))
			.withMessageContaining("gross_amount");
		assertThatIllegalArgumentException().isThrownBy(() -> CardRegisterRequest.of("4811111111111115", "12", "2030"))
			.withMessageContaining("Luhn")
			.withMessageNotContaining("4811111111111115");
		assertThatIllegalArgumentException().isThrownBy(() -> CardRegisterRequest.of(CARD, "12", "20301"))
			.withMessageContaining("card_exp_year");
		// Nineteen-digit UnionPay sandbox card and a fifteen-digit Amex pass.
		assertThat(CardTokenRequest.of("6212 4825 3517 8193 972", "12", "2030", "123").cardNumber())
			.isEqualTo("6212482535178193972");
		assertThat(CardRegisterRequest.of("3701 9216 9722 458", "12", "2030").cardNumber())
			.isEqualTo("370192169722458");
	}

	@Test
	void toStringNeverShowsCardDataOrTokens() {
		String tokenRequest = CardTokenRequest.of(CARD, "11", "2037", CVV)
			.withBankOneTimeToken("55554444")
			.withGrossAmount(10_000)
			.toString();
		assertThat(tokenRequest).doesNotContain(CARD)
			.doesNotContain(CVV)
			.doesNotContain("2037")
			.doesNotContain("55554444")
			.contains("10000");
		String twoClick = CardTokenRequest.savedToken(SAVED_TOKEN, CVV).toString();
		assertThat(twoClick).doesNotContain(SAVED_TOKEN).doesNotContain(CVV);
		String tokenResponse = new CardTokenResponse("200", "ok", TOKEN, "secret-hash", null, null).toString();
		assertThat(tokenResponse).doesNotContain(TOKEN).doesNotContain("secret-hash").contains("200");
		String registerRequest = CardRegisterRequest.of(CARD, "11", "2037").toString();
		assertThat(registerRequest).doesNotContain(CARD).doesNotContain("2037");
		String registerResponse = new CardRegisterResponse("200", null, SAVED_TOKEN, "trx-1", "48111111-1114", null)
			.toString();
		assertThat(registerResponse).doesNotContain(SAVED_TOKEN).doesNotContain("48111111-1114").contains("trx-1");
	}

	@Test
	void cardDataNeverReachesTheLogAtDebug() throws IOException {
		try (LogCapture logs = LogCapture.quietlyAt(Level.DEBUG, "io.github.springmidtrans")) {
			this.server.enqueue(MockMidtrans.json(TOKEN_ANSWER));
			this.server.enqueue(MockMidtrans.json("""
					{"status_code":"400","status_message":"Invalid card","validation_messages":["card is invalid"]}
					"""));
			this.server.enqueue(
					MockMidtrans.json("{\"status_code\":\"200\",\"saved_token_id\":\"%s\"}".formatted(SAVED_TOKEN)));
			this.server.enqueue(MockMidtrans.json("{\"status_code\":\"404\",\"status_message\":\"not found\"}"));
			MidtransClient client = MockMidtrans.client(this.server);
			CardTokenRequest card = CardTokenRequest.of(CARD, "12", "2030", CVV);

			client.cards().token(card);
			assertThatExceptionOfType(MidtransValidationException.class).isThrownBy(() -> client.cards().token(card));
			client.cards().register(CardRegisterRequest.of(CARD, "12", "2030"));
			assertThatExceptionOfType(MidtransNotFoundException.class)
				.isThrownBy(() -> client.cards().pointInquiry(TOKEN, 10_000L));
			MidtransClient unreachable = client.newBuilder().baseUrl("http://127.0.0.1:" + closedPort() + "/").build();
			assertThatExceptionOfType(MidtransConnectionException.class)
				.isThrownBy(() -> unreachable.cards().token(card))
				.withMessageNotContaining(CARD);

			List<ILoggingEvent> events = logs.events();
			assertThat(events).as("the transport logs each call at DEBUG").hasSizeGreaterThanOrEqualTo(5);
			assertThat(events).anySatisfy((event) -> assertThat(event.getFormattedMessage()).contains("GET /v2/token"));
			for (ILoggingEvent event : events) {
				String text = event.getFormattedMessage() + " " + throwableText(event.getThrowableProxy());
				assertThat(text).doesNotContain(CARD)
					.doesNotContain(CVV)
					.doesNotContain("card_number")
					.doesNotContain("client_key")
					.doesNotContain(TOKEN)
					.doesNotContain(SAVED_TOKEN);
			}
		}
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String throwableText(IThrowableProxy proxy) {
		StringBuilder text = new StringBuilder();
		for (IThrowableProxy current = proxy; current != null; current = current.getCause()) {
			text.append(current.getClassName()).append(": ").append(current.getMessage()).append(' ');
		}
		return text.toString();
	}

}
