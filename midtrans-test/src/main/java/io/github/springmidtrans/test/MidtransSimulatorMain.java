package io.github.springmidtrans.test;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MidtransSimulator} as a standalone process, so that an application in any
 * language can use it as its Midtrans base URL and drive it over HTTP.
 *
 * <p>
 * From a checkout of this project:
 *
 * <pre>
 * ./mvnw -q -pl midtrans-test -am compile exec:java -Dsimulator.skip=false -Dexec.args="--port 8089 --notification-url http://localhost:8080/midtrans/notification"
 * </pre>
 *
 * or with a plain class path, after
 * {@code ./mvnw -q -pl midtrans-core -am install -DskipTests}:
 *
 * <pre>
 * ./mvnw -q -pl midtrans-test compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=runtime
 * java -cp midtrans-test/target/classes:$(cat midtrans-test/cp.txt) io.github.springmidtrans.test.MidtransSimulatorMain --port 8089
 * </pre>
 *
 * No SLF4J binding is on that class path, so the simulator's own log lines are not shown;
 * the listening URL is printed to standard output.
 *
 * Options: {@code --port N} (default 8089, 0 for a free port), {@code --server-key KEY}
 * (default {@value MidtransSimulator#DEFAULT_SERVER_KEY}), {@code --notification-url URL}
 * (none by default), {@code --https-proxy FILE} (also act as an HTTPS proxy for
 * {@code api.sandbox.midtrans.com}, see
 * {@link MidtransSimulator.Builder#httpsProxy(boolean)}, and write the test certificate
 * authority to {@code FILE} as a PKCS12 trust store with password
 * {@value #TRUST_STORE_PASSWORD}; off by default). Each may also be written
 * {@code --name=value}. A client whose base URL is fixed, such as the official Midtrans
 * Java SDK, then reaches the simulator with
 * {@code -Dhttps.proxyHost=localhost -Dhttps.proxyPort=8089 -Djavax.net.ssl.trustStore=FILE -Djavax.net.ssl.trustStorePassword=changeit}.
 * The Core API is served at the root ({@code POST /v2/charge} ...); the control
 * endpoints, without authentication, are:
 *
 * <ul>
 * <li>{@code POST /_simulator/transactions/{orderId}/pay} (also {@code settle},
 * {@code deny}, {@code expire}, {@code challenge}): make the move, answer the status
 * JSON; HTTP 409 when Midtrans would not make it, 404 for an unknown order</li>
 * <li>{@code GET /_simulator/transactions} and {@code GET
 * /_simulator/transactions/{orderId}}: status-shaped JSON</li>
 * <li>{@code POST /_simulator/clock/advance?seconds=N} and {@code GET /_simulator/clock}:
 * move or read the simulated time (unpaid transactions past expiry expire)</li>
 * <li>{@code GET /_simulator/notifications}: the delivery attempts</li>
 * <li>{@code POST /_simulator/reset}: forget everything</li>
 * </ul>
 *
 * The process runs until it is stopped (Ctrl-C).
 *
 * @since 0.1.0
 */
public final class MidtransSimulatorMain {

	/** The port used when none is given. */
	public static final int DEFAULT_PORT = 8089;

	/** The password of the trust store written by {@code --https-proxy}. */
	public static final String TRUST_STORE_PASSWORD = "changeit";

	private MidtransSimulatorMain() {
	}

	/**
	 * Start the simulator and block until the process is stopped.
	 * @param args the options described in the class documentation
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		MidtransSimulator simulator = start(args);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "midtrans-simulator-shutdown"));
		System.out.println("Midtrans simulator listening on " + simulator.baseUrl()
				+ " (control endpoints under /_simulator/); stop with Ctrl-C");
		if (simulator.isHttpsProxy()) {
			System.out.println("HTTPS proxy for " + String.join(", ", SimulatorTls.HOSTS) + " on port "
					+ simulator.port() + "; trust store written for -Djavax.net.ssl.trustStore (password "
					+ TRUST_STORE_PASSWORD + ")");
		}
		stopped.await();
	}

	/**
	 * Parse the options and start a simulator with control endpoints, without blocking.
	 * @param args the options described in the class documentation
	 * @return the started simulator; the caller closes it
	 * @throws IllegalArgumentException when an option is unknown or malformed
	 */
	public static MidtransSimulator start(String... args) {
		int port = DEFAULT_PORT;
		String serverKey = MidtransSimulator.DEFAULT_SERVER_KEY;
		String notificationUrl = null;
		Path trustStore = null;
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			String name = arg;
			String value = null;
			int equals = arg.indexOf('=');
			if (arg.startsWith("--") && equals > 0) {
				name = arg.substring(0, equals);
				value = arg.substring(equals + 1);
			}
			else if (i + 1 < args.length) {
				value = args[++i];
			}
			switch (name) {
				case "--port" -> port = parsePort(require(name, value));
				case "--server-key" -> serverKey = require(name, value);
				case "--notification-url" -> notificationUrl = require(name, value);
				case "--https-proxy" -> trustStore = Path.of(require(name, value));
				default -> throw new IllegalArgumentException(
						"Unknown option '" + name + "'; use --port, --server-key, --notification-url, --https-proxy");
			}
		}
		MidtransSimulator simulator = MidtransSimulator.builder()
			.serverKey(serverKey)
			.notificationUrl(notificationUrl)
			.controlEndpoints(true)
			.httpsProxy(trustStore != null)
			.build();
		if (trustStore != null) {
			// Written before the port opens, so a launcher that waits for the port finds
			// it.
			simulator.writeTrustStore(trustStore, TRUST_STORE_PASSWORD);
		}
		return simulator.start(port);
	}

	private static String require(String name, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("Option " + name + " needs a value");
		}
		return value;
	}

	private static int parsePort(String value) {
		try {
			int port = Integer.parseInt(value);
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("Port must be 0 to 65535, got " + port);
			}
			return port;
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Port must be a number, got '" + value + "'", ex);
		}
	}

}
