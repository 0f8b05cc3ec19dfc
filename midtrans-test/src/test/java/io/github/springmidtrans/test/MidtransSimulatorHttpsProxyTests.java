package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.tls.HandshakeCertificates;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class MidtransSimulatorHttpsProxyTests {

	private final MidtransSimulator simulator = MidtransSimulator.builder()
		.clock(SimulatorClock.startingAt(SimulatorFixture.START))
		.httpsProxy(true)
		.build()
		.start();

	@AfterEach
	void close() {
		this.simulator.close();
	}

	@Test
	void clientWithFixedSandboxUrlReachesSimulatorThroughProxy() {
		MidtransClient client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl("https://api.sandbox.midtrans.com/")
			.httpClient(proxiedHttpClient())
			.build();
		TransactionResponse charge = client.charge(ChargeRequest.bankTransfer("ORDER-PROXY", 50_000, Bank.BNI).build());
		assertThat(charge.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(charge.vaNumbers()).singleElement().satisfies((va) -> assertThat(va.vaNumber()).isNotBlank());
		this.simulator.pay("ORDER-PROXY");
		assertThat(client.status("ORDER-PROXY").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(this.simulator.requestsTo(SimulatorOperation.CHARGE)).singleElement()
			.satisfies((call) -> assertThat(call.headers()).containsAnyOf(
					Map.entry("host", List.of("api.sandbox.midtrans.com")),
					Map.entry(":authority", List.of("api.sandbox.midtrans.com"))));
		assertThat(this.simulator.requests()).noneMatch((call) -> "CONNECT".equals(call.method()));
	}

	@Test
	void clientWithFixedSnapUrlReachesSimulatorThroughProxy() {
		MidtransClient client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl("https://api.sandbox.midtrans.com/")
			.snapBaseUrl("https://app.sandbox.midtrans.com/")
			.httpClient(proxiedHttpClient())
			.build();
		SnapResponse snap = client.snap().createTransaction(SnapRequest.builder("ORDER-SNAP-PROXY", 25_000).build());
		assertThat(snap.token()).isNotBlank();
		assertThat(this.simulator.requestsTo(SimulatorOperation.SNAP_CREATE)).singleElement()
			.satisfies((call) -> assertThat(call.headers()).containsEntry("host", List.of("app.sandbox.midtrans.com")));
	}

	@Test
	void plainHttpStillWorksOnTheSamePort() {
		assertThat(this.simulator.baseUrl()).startsWith("http://");
		MidtransClient client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.baseUrl(this.simulator.baseUrl())
			.build();
		client.charge(ChargeRequest.gopay("ORDER-PLAIN", 10_000).build());
		assertThat(client.status("ORDER-PLAIN").transactionStatus()).isEqualTo(TransactionStatus.PENDING);
	}

	@Test
	void tunnelsToOtherHostsAreRefused() {
		OkHttpClient http = proxiedHttpClient();
		Request request = new Request.Builder().url("https://example.com/").build();
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> {
			try (Response response = http.newCall(request).execute()) {
				// not reached: OkHttp fails the call when the proxy refuses the tunnel
			}
		}).withMessageContaining("403");
	}

	@Test
	void certificateIsRejectedByClientsThatDoNotTrustTheTestAuthority() {
		OkHttpClient http = new OkHttpClient.Builder()
			.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", this.simulator.port())))
			.build();
		Request request = new Request.Builder().url("https://api.sandbox.midtrans.com/v2/ORDER-1/status").build();
		assertThatExceptionOfType(javax.net.ssl.SSLHandshakeException.class)
			.isThrownBy(() -> http.newCall(request).execute().close());
	}

	@Test
	void trustStoreHoldsOnlyTheAuthorityCertificate(@TempDir Path directory) throws Exception {
		Path file = this.simulator.writeTrustStore(directory.resolve("sub/trust.p12"), "changeit");
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			store.load(in, "changeit".toCharArray());
		}
		List<String> aliases = Collections.list(store.aliases());
		assertThat(aliases).singleElement().satisfies((alias) -> {
			assertThat(store.isCertificateEntry(alias)).isTrue();
			assertThat(store.isKeyEntry(alias)).isFalse();
		});
		Certificate certificate = store.getCertificate(aliases.get(0));
		assertThat(certificate).isEqualTo(this.simulator.certificateAuthority());
		assertThat(this.simulator.certificateAuthorityPem()).startsWith("-----BEGIN CERTIFICATE-----")
			.doesNotContain("PRIVATE KEY");
	}

	@Test
	void certificatesAreOnlyAvailableInProxyMode() {
		try (MidtransSimulator plain = MidtransSimulator.builder().build()) {
			assertThat(plain.isHttpsProxy()).isFalse();
			assertThatIllegalStateException().isThrownBy(plain::certificateAuthority)
				.withMessageContaining("httpsProxy(true)");
		}
		assertThat(this.simulator.isHttpsProxy()).isTrue();
	}

	private OkHttpClient proxiedHttpClient() {
		HandshakeCertificates trust = new HandshakeCertificates.Builder()
			.addTrustedCertificate(this.simulator.certificateAuthority())
			.build();
		return new OkHttpClient.Builder()
			.proxy(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("localhost", this.simulator.port())))
			.sslSocketFactory(trust.sslSocketFactory(), trust.trustManager())
			.build();
	}

}
