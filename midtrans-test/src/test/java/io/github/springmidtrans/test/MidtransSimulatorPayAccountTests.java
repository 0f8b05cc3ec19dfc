package io.github.springmidtrans.test;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransApiException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.PayAccountResponse;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MidtransSimulatorPayAccountTests {

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	@StartStop
	final MockWebServer accounts = new MockWebServer();

	private MidtransSimulator simulator;

	private MidtransClient client;

	@BeforeEach
	void start() {
		this.receiver.setDispatcher(SimulatorFixture.answering(200));
		this.accounts.setDispatcher(SimulatorFixture.answering(200));
		SimulatorClock clock = SimulatorClock.startingAt(SimulatorFixture.START);
		this.simulator = MidtransSimulator.builder()
			.clock(clock)
			.notificationUrl(this.receiver.url("/payment").toString())
			.payAccountNotificationUrl(this.accounts.url("/account").toString())
			.build()
			.start();
		this.client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl(this.simulator.baseUrl())
			.build();
	}

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void createdAccountIsPendingWithActivationLinks() {
		PayAccountResponse created = create("81212345678");
		assertThat(created.statusCode()).isEqualTo("201");
		assertThat(created.accountStatus()).isEqualTo(PayAccountStatus.PENDING);
		assertThat(created.accountId()).isNotBlank();
		assertThat(created.actions()).extracting((action) -> action.name())
			.contains("activation-link-url", "activation-link-app");
		PayAccountResponse read = this.client.payAccounts().get(created.accountId());
		assertThat(read.statusCode()).isEqualTo("201");
		assertThat(read.accountStatus()).isEqualTo(PayAccountStatus.PENDING);
		assertThat(read.metadata()).isNull();
	}

	@Test
	void sandboxFailingNumbersAnswer202WithTheChannelResponse() {
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> create("123450001"))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("202"))
			.satisfies((ex) -> assertThat(ex.getStatusMessage()).contains("105").contains("User Not Found"));
		assertThatExceptionOfType(MidtransApiException.class).isThrownBy(() -> create("123450002"))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("202"));
	}

	@Test
	void linkedAccountHasPaymentOptionsWithBalancesAndTokens() throws Exception {
		String accountId = create("81212345678").accountId();
		this.simulator.linkAccount(accountId);
		PayAccountResponse linked = this.client.payAccounts().get(accountId);
		assertThat(linked.statusCode()).isEqualTo("200");
		assertThat(linked.accountStatus()).isEqualTo(PayAccountStatus.ENABLED);
		List<PayAccountResponse.PaymentOption> options = linked.metadata().paymentOptions();
		assertThat(options).extracting(PayAccountResponse.PaymentOption::name)
			.containsExactly("GOPAY_WALLET", "PAY_LATER");
		assertThat(options.get(0).balance().value()).isEqualByComparingTo("1000000");
		assertThat(options.get(1).balance().value()).isEqualByComparingTo("350000");
		assertThat(options).allSatisfy((option) -> {
			assertThat(option.token()).isNotBlank();
			assertThat(option.active()).isTrue();
		});
		RecordedRequest notification = this.accounts.takeRequest(5, TimeUnit.SECONDS);
		JsonNode body = SimulatorFixture.JSON.readTree(notification.getBody().utf8());
		assertThat(body.get("account_id").asString()).isEqualTo(accountId);
		assertThat(body.get("account_status").asString()).isEqualTo("ENABLED");
		assertThat(body.get("status_code").asString()).isEqualTo("200");
	}

	@Test
	void unbindDisablesTheAccount() {
		String accountId = create("81212345678").accountId();
		this.simulator.linkAccount(accountId);
		PayAccountResponse unbound = this.client.payAccounts().unbind(accountId);
		assertThat(unbound.statusCode()).isEqualTo("204");
		assertThat(unbound.accountStatus()).isEqualTo(PayAccountStatus.DISABLED);
		assertThat(unbound.channelResponseCode()).isEqualTo("0");
		PayAccountResponse read = this.client.payAccounts().get(accountId);
		assertThat(read.statusCode()).isEqualTo("204");
		assertThat(read.accountStatus()).isEqualTo(PayAccountStatus.DISABLED);
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> this.client.payAccounts().unbind(accountId))
			.satisfies((ex) -> assertThat(ex.getMidtransStatusCode()).isEqualTo("202"));
	}

	@Test
	void tokenizedGopayChargeOfALinkedAccountSettlesAtOnce() throws Exception {
		String accountId = create("81212345678").accountId();
		this.simulator.linkAccount(accountId);
		String token = this.client.payAccounts().get(accountId).metadata().paymentOptions().get(0).token();
		TransactionResponse paid = this.client.charge(ChargeRequest.gopay("ORDER-TOKENIZED", 25_000)
			.gopay(GopayOptions.linkedAccount(accountId, token))
			.build());
		assertThat(paid.statusCode()).isEqualTo("200");
		assertThat(paid.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(paid.paymentOptionType()).isEqualTo("GOPAY_WALLET");
		assertThat(this.simulator.transaction("ORDER-TOKENIZED").orElseThrow().settlementTime()).isNotNull();
		RecordedRequest notification = this.receiver.takeRequest(5, TimeUnit.SECONDS);
		TransactionResponse notified = this.client.verifyNotification(notification.getBody().utf8());
		assertThat(notified.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(this.client.payAccounts().get(accountId).metadata().paymentOptions().get(0).balance().value())
			.isEqualByComparingTo("975000");
	}

	@Test
	void tokenizedChargeOfAnAccountThatIsNotLinkedIsRefused() {
		String accountId = create("81212345678").accountId();
		assertThatExceptionOfType(MidtransValidationException.class)
			.isThrownBy(() -> this.client.charge(ChargeRequest.gopay("ORDER-NOT-LINKED", 25_000)
				.gopay(GopayOptions.linkedAccount(accountId, "dG9rZW4="))
				.build()))
			.satisfies(
					(ex) -> assertThat(ex.getValidationMessages()).singleElement().asString().contains("not a linked"));
		assertThat(this.simulator.transaction("ORDER-NOT-LINKED")).isEmpty();
	}

	@Test
	void unknownAccountIsNotFoundInTheBody() {
		assertThatExceptionOfType(io.github.springmidtrans.client.MidtransNotFoundException.class)
			.isThrownBy(() -> this.client.payAccounts().get("00000000-0000-0000-0000-000000000000"));
	}

	private PayAccountResponse create(String phone) {
		return this.client.payAccounts().create(PayAccountRequest.gopay(phone, "62", "https://example.com/linked"));
	}

}
