package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;

import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * The certificates of the simulator's HTTPS proxy mode: a certificate authority made up
 * when the simulator is built, and a server certificate it signs for Midtrans' API hosts.
 * Nothing is read from or kept on disk; only the authority's certificate (never a key) is
 * written, on request, as a trust store.
 */
final class SimulatorTls {

	/** The hosts the proxy mode answers for; CONNECT to any other host is refused. */
	static final List<String> HOSTS = List.of("api.sandbox.midtrans.com", "api.midtrans.com",
			"app.sandbox.midtrans.com", "app.midtrans.com");

	private final HeldCertificate authority;

	private final HandshakeCertificates serverCertificates;

	private SimulatorTls(HeldCertificate authority, HandshakeCertificates serverCertificates) {
		this.authority = authority;
		this.serverCertificates = serverCertificates;
	}

	static SimulatorTls generate() {
		HeldCertificate authority = new HeldCertificate.Builder().certificateAuthority(0)
			.commonName("Midtrans simulator test CA")
			.duration(7, TimeUnit.DAYS)
			.build();
		HeldCertificate.Builder server = new HeldCertificate.Builder().signedBy(authority)
			.commonName(HOSTS.get(0))
			.duration(7, TimeUnit.DAYS);
		HOSTS.forEach(server::addSubjectAlternativeName);
		server.addSubjectAlternativeName("localhost");
		HandshakeCertificates certificates = new HandshakeCertificates.Builder()
			.heldCertificate(server.build(), authority.certificate())
			.build();
		return new SimulatorTls(authority, certificates);
	}

	SSLContext sslContext() {
		return this.serverCertificates.sslContext();
	}

	SSLSocketFactory serverSocketFactory() {
		return this.serverCertificates.sslSocketFactory();
	}

	X509Certificate authority() {
		return this.authority.certificate();
	}

	String authorityPem() {
		return this.authority.certificatePem();
	}

	void writeTrustStore(Path file, char[] password) {
		try {
			KeyStore store = KeyStore.getInstance("PKCS12");
			store.load(null, null);
			store.setCertificateEntry("midtrans-simulator-ca", authority());
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (OutputStream out = Files.newOutputStream(file)) {
				store.store(out, password);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the simulator's trust store to " + file, ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Could not build the simulator's trust store", ex);
		}
	}

}
