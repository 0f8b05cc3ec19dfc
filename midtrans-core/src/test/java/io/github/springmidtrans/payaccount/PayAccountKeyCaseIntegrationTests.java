package io.github.springmidtrans.payaccount;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.PayAccountRequest;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pay account ids that differ only in letter case name different accounts. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PayAccountKeyCaseIntegrationTests {

	private DatabaseFixture database;

	private MockWebServer server;

	private PayAccountService accounts;

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
		this.server = new MockWebServer();
		this.server.start();
		MidtransClient client = MidtransClient.builder()
			.serverKey("SB-Mid-server-PAY-ACCOUNT-KEYS-TEST")
			.baseUrl(this.server.url("/").toString())
			.build();
		this.accounts = new PayAccountService(client, this.database.entityManager(), this.database.transactionManager(),
				(event) -> {
				}, Clock.fixed(Instant.parse("2026-11-24T03:00:00Z"), ZoneOffset.UTC));
	}

	@AfterEach
	void tearDown() {
		this.server.close();
	}

	@Test
	void accountIdsThatDifferInCaseAreDifferentAccounts() {
		MidtransPayAccount lower = linked("Acc-aBc9", "81211111111");
		MidtransPayAccount upper = linked("Acc-AbC9", "81222222222");

		assertThat(upper.getId()).isNotEqualTo(lower.getId());
		assertThat(this.accounts.findByAccountId("Acc-aBc9").orElseThrow().getPhoneNumber()).isEqualTo("81211111111");
		assertThat(this.accounts.findByAccountId("Acc-AbC9").orElseThrow().getPhoneNumber()).isEqualTo("81222222222");
		assertThat(this.accounts.findByAccountId("ACC-ABC9")).isEmpty();
		assertThatExceptionOfType(PayAccountNotFoundException.class)
			.isThrownBy(() -> this.accounts.refresh("acc-abc9"));
		assertThat(this.server.getRequestCount()).isEqualTo(2);
	}

	private MidtransPayAccount linked(String accountId, String phone) {
		this.server.enqueue(
				new MockResponse.Builder().code(200).headers(Headers.of("Content-Type", "application/json")).body("""
						{"status_code":"201","payment_type":"gopay","account_id":"%s","account_status":"PENDING",
						 "actions":[{"name":"activation-link-url","method":"GET","url":"https://gopay.test/link"}]}
						""".formatted(accountId)).build());
		return this.accounts.link(PayAccountRequest.gopay(phone, "62", null));
	}

}
