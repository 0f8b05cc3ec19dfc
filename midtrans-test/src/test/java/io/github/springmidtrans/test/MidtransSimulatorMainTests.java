package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionStatus;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MidtransSimulatorMainTests {

	private final OkHttpClient http = new OkHttpClient();

	private MidtransSimulator simulator;

	private MidtransClient client;

	@BeforeEach
	void start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.simulator = MidtransSimulatorMain.start("--port", Integer.toString(port),
				"--server-key=SB-Mid-server-main");
		this.client = MidtransClient.builder()
			.serverKey("SB-Mid-server-main")
			.baseUrl(this.simulator.baseUrl())
			.build();
		assertThat(this.simulator.port()).isEqualTo(port);
	}

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void controlEndpointsDriveTransactions() throws IOException {
		this.client.charge(ChargeRequest.gopay("ORDER-M", 10_000).build());
		Answer paid = call("POST", "_simulator/transactions/ORDER-M/pay");
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.json().get("transaction_status").asString()).isEqualTo("settlement");
		assertThat(this.client.status("ORDER-M").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		Answer again = call("POST", "_simulator/transactions/ORDER-M/pay");
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.json().get("error").asString()).contains("cannot be paid");
		assertThat(call("POST", "_simulator/transactions/NOPE/pay").status()).isEqualTo(404);
		Answer list = call("GET", "_simulator/transactions");
		assertThat(list.json().get("transactions")).hasSize(1);
		assertThat(call("GET", "_simulator/transactions/ORDER-M").json().get("order_id").asString())
			.isEqualTo("ORDER-M");
	}

	@Test
	void clockAdvanceExpiresTransactions() throws IOException {
		this.client.charge(ChargeRequest.gopay("ORDER-CLOCK", 10_000).build());
		Answer advanced = call("POST", "_simulator/clock/advance?seconds=900");
		assertThat(advanced.status()).isEqualTo(200);
		assertThat(advanced.json().get("now").asString()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(this.client.status("ORDER-CLOCK").statusCode()).isEqualTo("407");
		assertThat(call("POST", "_simulator/clock/advance?seconds=soon").status()).isEqualTo(400);
	}

	@Test
	void customerPagesAreServed() throws IOException {
		String redirect = this.client.charge(ChargeRequest.creditCard("ORDER-3DS", 10_000, "481111-1114-x").build())
			.redirectUrl();
		try (Response response = this.http.newCall(new Request.Builder().url(redirect).build()).execute()) {
			assertThat(response.code()).isEqualTo(200);
			assertThat(response.body().string()).contains("Midtrans simulator");
		}
	}

	@Test
	void httpsProxyOptionWritesTrustStoreAndAcceptsTunnels(@TempDir Path directory) throws Exception {
		Path trustStore = directory.resolve("simulator-trust.p12");
		try (MidtransSimulator proxy = MidtransSimulatorMain.start("--port", "0", "--https-proxy",
				trustStore.toString())) {
			assertThat(proxy.isHttpsProxy()).isTrue();
			KeyStore store = KeyStore.getInstance("PKCS12");
			try (InputStream in = Files.newInputStream(trustStore)) {
				store.load(in, MidtransSimulatorMain.TRUST_STORE_PASSWORD.toCharArray());
			}
			assertThat(store.getCertificate("midtrans-simulator-ca")).isEqualTo(proxy.certificateAuthority());
			HandshakeCertificates trust = new HandshakeCertificates.Builder()
				.addTrustedCertificate(proxy.certificateAuthority())
				.build();
			OkHttpClient proxied = new OkHttpClient.Builder()
				.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", proxy.port())))
				.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
				.build();
			Request request = new Request.Builder().url("https://api.sandbox.midtrans.com/_simulator/transactions")
				.build();
			try (Response response = proxied.newCall(request).execute()) {
				assertThat(response.code()).isEqualTo(200);
				assertThat(response.handshake()).isNotNull();
				assertThat(response.body().string()).contains("\"transactions\"");
			}
		}
	}

	@Test
	void clockFollowsTheWallClockAndCanBeFrozenResumedAndSet() throws IOException {
		assertThat(this.simulator.clock().isRunning()).isTrue();
		assertThat(call("GET", "_simulator/clock").json().get("running").asBoolean()).isTrue();
		Answer frozen = call("POST", "_simulator/clock/freeze");
		assertThat(frozen.json().get("running").asBoolean()).isFalse();
		assertThat(this.simulator.clock().isRunning()).isFalse();
		Answer set = call("POST", "_simulator/clock/set?time=2030-01-02T03:00:00Z");
		assertThat(set.json().get("now").asString()).isEqualTo("2030-01-02 10:00:00");
		assertThat(call("POST", "_simulator/clock/set?time=tomorrow").status()).isEqualTo(400);
		assertThat(call("POST", "_simulator/clock/resume").json().get("running").asBoolean()).isTrue();
		assertThat(this.simulator.clock().instant()).isAfterOrEqualTo(java.time.Instant.parse("2030-01-02T03:00:00Z"));
	}

	@Test
	void frozenClockOptionStartsAStandingClock() {
		try (MidtransSimulator frozen = MidtransSimulatorMain.start("--port", "0", "--frozen-clock", "--quiet")) {
			assertThat(frozen.clock().isRunning()).isFalse();
		}
	}

	@Test
	void keysAreSettableAndPrintedInTheBanner(@TempDir Path directory) throws Exception {
		Path pem = directory.resolve("ca/simulator-ca.pem");
		try (MidtransSimulator configured = MidtransSimulatorMain.start("--port", "0", "--server-key",
				"SB-Mid-server-banner", "--client-key=SB-Mid-client-banner", "--ca-pem", pem.toString())) {
			assertThat(configured.clientKey()).isEqualTo("SB-Mid-client-banner");
			assertThat(configured.isHttpsProxy()).isTrue();
			assertThat(Files.readString(pem)).startsWith("-----BEGIN CERTIFICATE-----")
				.isEqualTo(configured.certificateAuthorityPem())
				.doesNotContain("PRIVATE KEY");
			String banner = MidtransSimulatorMain.banner(configured, null, pem);
			String origin = "http://localhost:" + configured.port();
			assertThat(banner).contains("Core API base URL   " + origin + "\n")
				.contains("Snap base URL       " + origin + "/snap/v1")
				.contains("SB-Mid-server-banner")
				.contains("SB-Mid-client-banner")
				.contains(pem.toAbsolutePath().toString())
				.contains("app.sandbox.midtrans.com");
		}
	}

	@Test
	void badOptionsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> MidtransSimulatorMain.start("--colour", "red"))
			.withMessageContaining("--colour");
		assertThatIllegalArgumentException().isThrownBy(() -> MidtransSimulatorMain.start("--port", "x"));
	}

	private Answer call(String method, String path) throws IOException {
		RequestBody body = "POST".equals(method) ? RequestBody.create("", MediaType.get("application/json")) : null;
		Request request = new Request.Builder().url(this.simulator.baseUrl() + path).method(method, body).build();
		try (Response response = this.http.newCall(request).execute()) {
			return new Answer(response.code(), SimulatorFixture.JSON.readTree(response.body().string()));
		}
	}

	private record Answer(int status, JsonNode json) {

	}

}
