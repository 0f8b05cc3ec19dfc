package io.github.springmidtrans.payaccount;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.MidtransRefusalException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.PayAccountRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link PayAccountService} against a real database and a scripted Midtrans. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PayAccountServiceIntegrationTests {

	static final Instant NOW = Instant.parse("2026-11-24T03:00:00Z");

	static final String WALLET_TOKEN = "eyJ0eXBlIjogIkdPUEFZX1dBTExFVCIsICJpZCI6ICIifQ==";

	private DatabaseFixture database;

	MockWebServer server;

	PayAccountService accounts;

	final List<String> violations = new CopyOnWriteArrayList<>();

	final List<Object> events = new CopyOnWriteArrayList<>();

	abstract Database database();

	@BeforeAll
	void startDatabase() {
		this.database = DatabaseFixture.start(database());
	}

	@AfterAll
	void stopDatabase() {
		this.database.close();
	}

	@BeforeEach
	void setUp() throws Exception {
		this.database.clear();
		this.violations.clear();
		this.server = new MockWebServer();
		this.server.start();
		OkHttpClient http = new OkHttpClient.Builder().retryOnConnectionFailure(false).addInterceptor((chain) -> {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				this.violations.add(chain.request().url().encodedPath());
			}
			return chain.proceed(chain.request());
		}).build();
		MidtransClient client = MidtransClient.builder()
			.serverKey("SB-Mid-server-PAY-ACCOUNTS-TEST")
			.baseUrl(this.server.url("/").toString())
			.httpClient(http)
			.build();
		this.events.clear();
		this.accounts = new PayAccountService(client, this.database.entityManager(), this.database.transactionManager(),
				this.events::add, Clock.fixed(NOW, ZoneOffset.UTC));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
		assertThat(this.violations).isEmpty();
	}

	@Test
	void linkRefreshAndUnbindFollowTheAccountWithoutStoringTokens() throws Exception {
		this.server.enqueue(json("""
				{"status_code":"201","payment_type":"gopay","account_id":"acc-1","account_status":"PENDING",
				 "actions":[{"name":"activation-link-url","method":"GET","url":"https://gopay.test/link"},
				            {"name":"activation-link-app","method":"GET","url":"https://gopay.test/app"}]}
				"""));
		this.server.enqueue(json("""
				{"status_code":"200","payment_type":"gopay","account_id":"acc-1","account_status":"ENABLED",
				 "metadata":{"payment_options":[{"name":"GOPAY_WALLET","active":true,
				   "balance":{"value":"1000000.00","currency":"IDR"},"metadata":{},"token":"%s"}]}}
				""".formatted(WALLET_TOKEN)));
		this.server.enqueue(json("""
				{"status_code":"204","payment_type":"gopay","account_id":"acc-1","account_status":"DISABLED",
				 "channel_response_code":"0","channel_response_message":"Process service request successfully."}
				"""));

		MidtransPayAccount linked = this.accounts.link(PayAccountRequest.gopay("81212345678", "62", null));
		MidtransPayAccount enabled = this.accounts.refresh("acc-1");
		MidtransPayAccount unbound = this.accounts.unbind("acc-1");
		MidtransPayAccount again = this.accounts.unbind("acc-1");

		assertThat(linked.getStatus()).isEqualTo(PayAccountState.PENDING);
		assertThat(linked.getActivationUrl()).isEqualTo("https://gopay.test/link");
		assertThat(linked.getPhoneNumber()).isEqualTo("81212345678");
		assertThat(enabled.getStatus()).isEqualTo(PayAccountState.ENABLED);
		assertThat(enabled.getLinkedAt()).isEqualTo(NOW);
		assertThat(enabled.getPaymentOptions()).isEqualTo("GOPAY_WALLET:active:1000000.00");
		assertThat(unbound.getStatus()).isEqualTo(PayAccountState.DISABLED);
		assertThat(again.getStatus()).isEqualTo(PayAccountState.DISABLED);
		assertThat(this.server.getRequestCount()).isEqualTo(3);
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account/acc-1");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/pay/account/acc-1/unbind");
		// The token is never stored anywhere in the row, nor shown.
		List<String> row = this.database.jdbc().query("select * from midtrans_pay_account", (result, index) -> {
			StringBuilder values = new StringBuilder();
			for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
				values.append(result.getString(column)).append('|');
			}
			return values.toString();
		});
		assertThat(row).singleElement()
			.satisfies((values) -> assertThat(values).doesNotContain(WALLET_TOKEN).contains("acc-1"));
		assertThat(enabled.toString()).doesNotContain(WALLET_TOKEN);
		assertThat(this.events).usingRecursiveFieldByFieldElementComparatorIgnoringFields("eventId")
			.containsExactly(new PayAccountLinkedEvent("acc-1", PayAccountState.PENDING, PayAccountState.ENABLED, NOW),
					new PayAccountUnlinkedEvent("acc-1", PayAccountState.ENABLED, PayAccountState.DISABLED, NOW));
	}

	@Test
	void staleAnswerDoesNotReviveAnUnboundAccount() {
		this.server.enqueue(json("""
				{"status_code":"201","payment_type":"gopay","account_id":"acc-2","account_status":"PENDING"}
				"""));
		this.server.enqueue(json("""
				{"status_code":"204","payment_type":"gopay","account_id":"acc-2","account_status":"DISABLED"}
				"""));
		this.server.enqueue(json("""
				{"status_code":"200","payment_type":"gopay","account_id":"acc-2","account_status":"ENABLED"}
				"""));
		this.accounts.link(PayAccountRequest.gopay("81212345679", "62", null));
		this.accounts.unbind("acc-2");

		assertThat(this.accounts.refresh("acc-2").getStatus()).isEqualTo(PayAccountState.DISABLED);
	}

	@Test
	void refusedUnbindLeavesTheAccountLinkedWithGopaysAnswer() {
		this.server.enqueue(json("""
				{"status_code":"201","payment_type":"gopay","account_id":"acc-3","account_status":"PENDING"}
				"""));
		this.server.enqueue(json("""
				{"status_code":"200","payment_type":"gopay","account_id":"acc-3","account_status":"ENABLED"}
				"""));
		this.server.enqueue(json(Fixtures.read("refusals/pay-account-unbind-refused.json")));
		this.accounts.link(PayAccountRequest.gopay("81212345670", "62", null));
		this.accounts.refresh("acc-3");
		this.events.clear();

		assertThatExceptionOfType(MidtransRefusalException.class).isThrownBy(() -> this.accounts.unbind("acc-3"))
			.satisfies((ex) -> assertThat(ex.getChannelResponseCode()).isEqualTo("1001"));

		MidtransPayAccount account = this.accounts.findByAccountId("acc-3").orElseThrow();
		assertThat(account.getStatus()).isEqualTo(PayAccountState.ENABLED);
		assertThat(account.getChannelResponseCode()).isEqualTo("1001");
		assertThat(account.getChannelResponseMessage()).isEqualTo("Caller authentication error");
		assertThat(this.events).isEmpty();
	}

	static MockResponse json(String body) {
		return new MockResponse.Builder().code(200)
			.headers(Headers.of("Content-Type", "application/json"))
			.body(body)
			.build();
	}

}
