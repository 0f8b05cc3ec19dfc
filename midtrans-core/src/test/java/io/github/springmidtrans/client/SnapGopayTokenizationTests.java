package io.github.springmidtrans.client;

import java.time.Duration;

import io.github.springmidtrans.Fixtures;
import io.github.springmidtrans.client.model.GopayOptions;
import io.github.springmidtrans.client.model.PayAccountStatus;
import io.github.springmidtrans.client.model.SnapGopayAccount;
import io.github.springmidtrans.client.model.SnapRequest;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * GoPay tokenization in Snap: the request fields for a customer's saved GoPay account,
 * and the account-info and unlink calls on the Snap host.
 */
class SnapGopayTokenizationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@StartStop
	final MockWebServer server = new MockWebServer();

	private MidtransClient client() {
		return MidtransClient.builder()
			.serverKey(MockMidtrans.SERVER_KEY)
			.baseUrl(this.server.url("/core/").toString())
			.snapBaseUrl(this.server.url("/").toString())
			.readTimeout(Duration.ofSeconds(5))
			.build();
	}

	@Test
	void tokenizationRequestHasThePublishedShape() throws Exception {
		this.server.enqueue(MockMidtrans.json(201, "{\"token\":\"t-1\",\"redirect_url\":\"https://snap/t-1\"}"));

		client().snap()
			.createTransaction(SnapRequest.builder("ORDER-GOPAY-1", 10_000)
				.enabledPayments("gopay")
				.gopay(GopayOptions.snapTokenization("8123456789", "62").withEnforcedTokenization())
				.userId("shop-user-7f3a9c")
				.build());

		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/snap/v1/transactions");
		assertThat(MockMidtrans.jsonBody(sent))
			.isEqualTo(MAPPER.readTree(Fixtures.read("snap/gopay-tokenization-request.json")));
	}

	@Test
	void plainTokenizationSendsOnlyTheFlag() throws Exception {
		this.server.enqueue(MockMidtrans.json(201, "{\"token\":\"t-1\"}"));

		client().snap()
			.createTransaction(SnapRequest.builder("ORDER-GOPAY-2", 10_000)
				.gopay(GopayOptions.snapTokenization())
				.userId("u-1")
				.build());

		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.get("gopay").propertyNames()).containsExactly("tokenization");
		assertThat(body.get("user_id").asString()).isEqualTo("u-1");
	}

	@Test
	void userIdAndPhoneNumberAreChecked() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SnapRequest.builder("ORDER-1", 10_000).userId("x".repeat(256)).build());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SnapRequest.builder("ORDER-1", 10_000).userId(" ").build());
		assertThatIllegalArgumentException().isThrownBy(
				() -> new GopayOptions(null, null, null, null, null, null, null, true, null, "8123456789", null));
		assertThat(GopayOptions.snapTokenization("8123456789", "62").toString()).doesNotContain("8123456789");
	}

	@Test
	void linkedAccountIsReadFromTheSnapHost() throws Exception {
		this.server.enqueue(MockMidtrans.json(Fixtures.read("snap/gopay-account-enabled.json")));

		SnapGopayAccount account = client().snap().gopayAccount("shop-user-7f3a9c").orElseThrow();

		assertThat(account.userId()).isEqualTo("shop-user-7f3a9c");
		assertThat(account.accountStatus()).isEqualTo(PayAccountStatus.ENABLED);
		assertThat(account.isEnabled()).isTrue();
		assertThat(account.balance()).isEqualByComparingTo("8000000");
		assertThat(account.phoneNumber()).isEqualTo("8123456789");
		assertThat(account.countryCode()).isEqualTo("62");
		assertThat(account.accountId()).isEqualTo("4c2e8f10-9b3d-4a6e-8f21-5d7c0b9a1e44");
		assertThat(account.toString()).doesNotContain("8123456789").doesNotContain("8000000");
		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getMethod()).isEqualTo("GET");
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/snap/v3/users/shop-user-7f3a9c/gopay");
		assertThat(sent.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
	}

	@Test
	void accountNotFoundIsEmptyWhateverItsHttpStatus() {
		this.server.enqueue(MockMidtrans.json(404, Fixtures.read("snap/gopay-account-not-found.json")));
		this.server.enqueue(MockMidtrans.json(400, Fixtures.read("snap/gopay-account-not-found.json")));

		assertThat(client().snap().gopayAccount("u-1")).isEmpty();
		assertThat(client().snap().gopayAccount("u-1")).isEmpty();
	}

	@Test
	void otherFailuresAreThrown() {
		this.server.enqueue(MockMidtrans.json(401, "{\"error_messages\":[\"Access denied\"]}"));
		this.server.enqueue(MockMidtrans.json(503, "{\"error_messages\":[\"account not found\"]}"));

		assertThatExceptionOfType(MidtransAuthenticationException.class)
			.isThrownBy(() -> client().snap().gopayAccount("u-1"));
		assertThatExceptionOfType(MidtransServerException.class).isThrownBy(() -> client().snap().gopayAccount("u-1"))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isTrue());
	}

	@Test
	void userIdIsOneEncodedPathSegment() throws Exception {
		this.server.enqueue(MockMidtrans.json(Fixtures.read("snap/gopay-account-enabled.json")));

		client().snap().gopayAccount("a/b?c");

		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/snap/v3/users/a%2Fb%3Fc/gopay");
	}

	@Test
	void unlinkDeletesOnTheSnapHost() throws Exception {
		this.server.enqueue(MockMidtrans.json(200, "{}"));
		this.server.enqueue(MockMidtrans.json(404, Fixtures.read("snap/gopay-account-not-found.json")));

		client().snap().unlinkGopayAccount("shop-user-7f3a9c");
		client().snap().unlinkGopayAccount("shop-user-7f3a9c");

		RecordedRequest sent = this.server.takeRequest();
		assertThat(sent.getMethod()).isEqualTo("DELETE");
		assertThat(sent.getUrl().encodedPath()).isEqualTo("/snap/v3/users/shop-user-7f3a9c/gopay");
	}

}
