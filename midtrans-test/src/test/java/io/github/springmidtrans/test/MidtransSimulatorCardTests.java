package io.github.springmidtrans.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransAuthenticationException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.github.springmidtrans.client.model.BinResponse;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CardRegisterResponse;
import io.github.springmidtrans.client.model.CardTokenRequest;
import io.github.springmidtrans.client.model.CardTokenResponse;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorCardTests {

	private final SimulatorFixture fixture = new SimulatorFixture();

	private final MidtransSimulator simulator = this.fixture.simulator;

	private final MidtransClient client = MidtransClient.builder()
		.serverKey(this.simulator.serverKey())
		.clientKey(this.simulator.clientKey())
		.baseUrl(this.simulator.baseUrl())
		.build();

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void cardNumberAndCvvNeverReachTheEmbeddedServersLogEvenAtTheFinestLevel() {
		java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
		java.util.logging.Level previous = root.getLevel();
		List<String> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {
			@Override
			public void publish(LogRecord record) {
				records.add(record.getLoggerName() + " " + new SimpleFormatter().formatMessage(record));
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}
		};
		handler.setLevel(java.util.logging.Level.ALL);
		root.addHandler(handler);
		root.setLevel(java.util.logging.Level.ALL);
		java.util.logging.Logger.getLogger("mockwebserver3").setLevel(java.util.logging.Level.ALL);
		try {
			this.client.cards().token(CardTokenRequest.of("4811111111111114", "12", "2030", "913"));
		}
		finally {
			root.removeHandler(handler);
			root.setLevel(previous);
			java.util.logging.Logger.getLogger("mockwebserver3").setLevel(null);
		}
		assertThat(records).noneSatisfy((record) -> assertThat(record).contains("4811111111111114"))
			.noneSatisfy((record) -> assertThat(record).contains("card_cvv=913"));
	}

	@Test
	void tokenOfASandboxCardHasMidtransShape() {
		CardTokenResponse token = this.client.cards()
			.token(CardTokenRequest.of("4811111111111114", "12", "2030", "123"));
		assertThat(token.statusCode()).isEqualTo("200");
		assertThat(token.statusMessage()).isEqualTo("Credit card token is created as Token ID.");
		assertThat(token.tokenId()).matches("48111111-1114-[0-9a-f-]{36}");
		assertThat(token.hash()).isNotBlank();
	}

	@Test
	void tokenIsAuthenticatedByTheClientKeyOnly() {
		RecordedCall call = tokenCall();
		assertThat(call.header("Authorization")).isNull();
		MidtransClient wrongKey = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.clientKey("SB-Mid-client-wrong")
			.baseUrl(this.simulator.baseUrl())
			.build();
		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> wrongKey.cards().token(CardTokenRequest.of("4811111111111114", "12", "2030", "123")));
	}

	@Test
	void journalNeverHoldsTheCardNumberOrCvv() {
		RecordedCall call = tokenCall();
		assertThat(call.query()).doesNotContain("4811111111111114").contains("card_number=REDACTED");
		assertThat(call.query()).contains("card_cvv=REDACTED").contains("card_exp_year=2030");
	}

	@Test
	void badLuhnIsA400InTheBodyUnderHttp200() {
		SimulatorFixture.RawAnswer answer = this.fixture
			.send("GET",
					"/v2/token?client_key=" + this.simulator.clientKey()
							+ "&card_number=4811111111111115&card_exp_month=12&card_exp_year=2030" + "&card_cvv=123",
					"");
		assertThat(answer.httpStatus()).isEqualTo(200);
		assertThat(answer.field("status_code")).isEqualTo("400");
		assertThat(answer.json().get("validation_messages").get(0).asString())
			.isEqualTo("card_number does not match with Luhn algorithm");
		assertThat(answer.json().has("token_id")).isFalse();
	}

	@Test
	void chargeWithATokenUsesTheCardBehindIt() {
		String accepted = token("4811111111111114");
		TransactionResponse paid = this.client.charge(cardCharge("ORDER-OK", 50_000, accepted));
		assertThat(paid.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
		assertThat(paid.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(paid.maskedCard()).isEqualTo("48111111-1114");

		TransactionResponse bank = this.client.charge(cardCharge("ORDER-BANK", 50_000, token("5511111111111114")));
		assertThat(bank.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(bank.channelResponseCode()).isEqualTo("05");

		TransactionResponse fds = this.client.charge(cardCharge("ORDER-FDS", 50_000, token("3528185267171623")));
		assertThat(fds.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(fds.fraudStatus()).isEqualTo(FraudStatus.DENY);

		TransactionResponse limit = this.client.charge(cardCharge("ORDER-51", 40_000, token("4806000000000081")));
		assertThat(limit.transactionStatus()).isEqualTo(TransactionStatus.DENY);
		assertThat(limit.channelResponseCode()).isEqualTo("51");
		TransactionResponse underLimit = this.client
			.charge(cardCharge("ORDER-51-OK", 20_000, token("4806000000000081")));
		assertThat(underLimit.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
	}

	@Test
	void aTokenIsSingleUse() {
		String token = token("4811111111111114");
		this.client.charge(cardCharge("ORDER-1", 50_000, token));
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.charge(cardCharge("ORDER-2", 50_000, token)))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("411"));
	}

	@Test
	void registerGivesASavedTokenThatTwoClickTokenizationAccepts() {
		CardRegisterResponse registered = this.client.cards()
			.register(CardRegisterRequest.of("5211111111111117", "01", "2031"));
		assertThat(registered.statusCode()).isEqualTo("200");
		assertThat(registered.maskedCard()).isEqualTo("52111111-1117");
		assertThat(registered.savedTokenId()).matches("52111111[A-Za-z]{20}1117");
		assertThat(registered.transactionId()).isNotBlank();
		CardTokenResponse twoClick = this.client.cards()
			.token(CardTokenRequest.savedToken(registered.savedTokenId(), "123"));
		assertThat(twoClick.tokenId()).startsWith("52111111-1117-");
		assertThat(this.simulator.requestsTo(SimulatorOperation.CARD_REGISTER)).singleElement()
			.satisfies((call) -> assertThat(call.query()).doesNotContain("5211111111111117"));
	}

	@Test
	void binLookupKnowsTheSandboxBins() {
		BinResponse bin = this.client.cards().bin("48111111");
		assertThat(bin.data().brand()).isEqualTo("visa");
		assertThat(bin.data().bin()).isEqualTo("48111111");
		assertThat(bin.data().bankCode()).isEqualTo("bni");
		assertThat(bin.data().countryCode()).isEqualTo("id");
		assertThat(bin.data().binType()).isEqualTo("credit");
		assertThat(this.client.cards().bin("455633").data().bank()).isEqualTo("bank central asia");
	}

	@Test
	void unknownBinIsA404WithErrors() {
		assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(() -> this.client.cards().bin("99999999"))
			.satisfies((ex) -> assertThat(ex.getHttpStatus()).isEqualTo(404))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).isEqualTo("not found"));
		SimulatorFixture.RawAnswer raw = this.fixture.send("GET", "/v1/bins/99999999", "");
		assertThat(raw.json().get("errors").get(0).get("message_title").asString()).isEqualTo("not found");
	}

	@Test
	void binLookupAcceptsTheClientKeyButNoOtherKey() {
		MidtransClient withClientKeyAsServerKey = MidtransClient.builder()
			.serverKey(this.simulator.clientKey())
			.baseUrl(this.simulator.baseUrl())
			.build();
		assertThat(withClientKeyAsServerKey.cards().bin("52111111").data().brand()).isEqualTo("mastercard");
		MidtransClient wrong = MidtransClient.builder()
			.serverKey("SB-Mid-server-wrong")
			.baseUrl(this.simulator.baseUrl())
			.build();
		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> wrong.cards().bin("52111111"));
	}

	private static ChargeRequest cardCharge(String orderId, long amount, String tokenId) {
		// Without 3DS, so the sandbox's verdict is immediate.
		return ChargeRequest.creditCard(orderId, amount, tokenId)
			.creditCard(CreditCardOptions.token(tokenId).withAuthentication(false))
			.build();
	}

	private String token(String cardNumber) {
		return this.client.cards().token(CardTokenRequest.of(cardNumber, "12", "2030", "123")).tokenId();
	}

	private RecordedCall tokenCall() {
		this.client.cards().token(CardTokenRequest.of("4811111111111114", "12", "2030", "123"));
		return this.simulator.requestsTo(SimulatorOperation.CARD_TOKEN).get(0);
	}

}
