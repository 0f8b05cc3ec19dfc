package io.github.springmidtrans.test;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.jspecify.annotations.Nullable;

/**
 * Runs a {@link MidtransSimulator} as a standalone process: a local Midtrans for an
 * application in any language, which points its Midtrans base URLs (or its HTTPS proxy)
 * at it and drives payments through the control endpoints.
 *
 * <p>
 * From a clone of this project (see {@code docs/simulator.md}):
 *
 * <pre>
 * ./mvnw -q -pl midtrans-test -am package -DskipTests &amp;&amp; java -jar midtrans-test/target/midtrans-test-*-standalone.jar
 * </pre>
 *
 * It prints a banner with the URLs and keys to use and logs one line per request. Its
 * clock runs with the wall clock ({@code --frozen-clock} to start it standing); the
 * control endpoints can still advance, set, freeze and resume it.
 *
 * <p>
 * Options (each may also be written {@code --name=value}):
 * <ul>
 * <li>{@code --port N}: default 8089, 0 for a free port</li>
 * <li>{@code --host H}: the interface to listen on, default {@code localhost};
 * {@code 0.0.0.0} for other machines and containers</li>
 * <li>{@code --server-key KEY}, {@code --client-key KEY}: the keys it accepts, default
 * {@value MidtransSimulator#DEFAULT_SERVER_KEY} and
 * {@value MidtransSimulator#DEFAULT_CLIENT_KEY}</li>
 * <li>{@code --notification-url URL}, {@code --recurring-notification-url URL},
 * {@code --pay-account-notification-url URL}: where notifications go (none by
 * default)</li>
 * <li>{@code --https-proxy FILE}: also act as an HTTPS proxy for Midtrans' hosts (see
 * {@link MidtransSimulator.Builder#httpsProxy(boolean)}) and write the test certificate
 * authority to {@code FILE} as a PKCS12 trust store with password
 * {@value #TRUST_STORE_PASSWORD}, for JVM clients</li>
 * <li>{@code --ca-pem FILE}: also act as an HTTPS proxy and write the test certificate
 * authority as PEM, for other clients ({@code NODE_EXTRA_CA_CERTS},
 * {@code curl --cacert}, {@code REQUESTS_CA_BUNDLE})</li>
 * <li>{@code --frozen-clock}: start with the clock standing at the start time</li>
 * <li>{@code --quiet}: no request log</li>
 * </ul>
 *
 * The control endpoints, without authentication, are:
 * <ul>
 * <li>{@code POST /_simulator/transactions/{orderId}/pay} (also {@code settle},
 * {@code deny}, {@code expire}, {@code challenge}): make the move, answer the status
 * JSON; HTTP 409 when Midtrans would not make it, 404 for an unknown order</li>
 * <li>{@code GET /_simulator/transactions} and {@code GET
 * /_simulator/transactions/{orderId}}: status-shaped JSON</li>
 * <li>{@code GET /_simulator/clock}, {@code POST /_simulator/clock/advance?seconds=N},
 * {@code POST /_simulator/clock/set?time=ISO-INSTANT}, {@code POST
 * /_simulator/clock/freeze} and {@code POST /_simulator/clock/resume}: read or move the
 * simulated time (unpaid transactions past expiry expire)</li>
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

	private static final String OPTIONS = "--port, --host, --server-key, --client-key, --notification-url, "
			+ "--recurring-notification-url, --pay-account-notification-url, --https-proxy, --ca-pem, "
			+ "--frozen-clock, --quiet";

	private MidtransSimulatorMain() {
	}

	/**
	 * Start the simulator, print its banner and block until the process is stopped.
	 * @param args the options described in the class documentation
	 * @throws InterruptedException when interrupted while waiting
	 */
	public static void main(String[] args) throws InterruptedException {
		configureConsoleLogging();
		Options options;
		MidtransSimulator simulator;
		try {
			options = Options.parse(args);
			simulator = start(options);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("midtrans simulator: " + ex.getMessage());
			System.exit(2);
			return;
		}
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "midtrans-simulator-shutdown"));
		System.out.println(banner(simulator, options.trustStore(), options.pem()));
		System.out.flush();
		stopped.await();
	}

	/**
	 * Parse the options and start a simulator with control endpoints, without blocking.
	 * The clock runs with the wall clock unless {@code --frozen-clock} is given.
	 * @param args the options described in the class documentation
	 * @return the started simulator; the caller closes it
	 * @throws IllegalArgumentException when an option is unknown or malformed
	 */
	public static MidtransSimulator start(String... args) {
		return start(Options.parse(args));
	}

	private static MidtransSimulator start(Options options) {
		MidtransSimulator simulator = options.builder().build();
		// Written before the port opens, so a launcher that waits for the port finds
		// them.
		if (options.trustStore() != null) {
			simulator.writeTrustStore(options.trustStore(), TRUST_STORE_PASSWORD);
		}
		if (options.pem() != null) {
			simulator.writeCertificateAuthorityPem(options.pem());
		}
		return simulator.start(options.port());
	}

	/**
	 * The text printed at start: the URLs, keys and settings a client needs.
	 * @param simulator a started simulator
	 * @return the banner, several lines
	 */
	static String banner(MidtransSimulator simulator, @Nullable Path trustStore, @Nullable Path pem) {
		String base = simulator.baseUrl();
		String origin = base.substring(0, base.length() - 1);
		StringBuilder text = new StringBuilder();
		text.append("\nMidtrans simulator listening on ")
			.append(base)
			.append(" (community project, not affiliated with Midtrans)\n\n");
		text.append("  Core API base URL   ").append(origin).append('\n');
		text.append("  Snap base URL       ")
			.append(origin)
			.append("/snap/v1  (POST ")
			.append(origin)
			.append("/snap/v1/transactions)\n");
		text.append("  Server key          ").append(simulator.serverKey()).append('\n');
		text.append("  Client key          ").append(simulator.clientKey()).append('\n');
		text.append("  Control endpoints   ")
			.append(origin)
			.append("/_simulator/  (pay: POST ")
			.append(origin)
			.append("/_simulator/transactions/{order_id}/pay)\n");
		text.append("  Clock               ")
			.append(simulator.clock().instant())
			.append(simulator.clock().isRunning() ? " (follows the wall clock)" : " (frozen)")
			.append('\n');
		if (simulator.isHttpsProxy()) {
			text.append("  HTTPS proxy         http://localhost:")
				.append(simulator.port())
				.append(" for ")
				.append(String.join(", ", SimulatorTls.HOSTS))
				.append('\n');
			if (trustStore != null) {
				text.append("  Trust store (JVM)   ")
					.append(trustStore.toAbsolutePath())
					.append("  (-Djavax.net.ssl.trustStore=..., password ")
					.append(TRUST_STORE_PASSWORD)
					.append(")\n");
			}
			if (pem != null) {
				text.append("  CA certificate PEM  ")
					.append(pem.toAbsolutePath())
					.append("  (NODE_EXTRA_CA_CERTS, curl --cacert)\n");
			}
		}
		text.append("\nStop with Ctrl-C. Docs: docs/simulator.md\n");
		return text.toString();
	}

	/**
	 * Send the simulator's log lines to standard output through SLF4J's simple binding
	 * when it is on the class path (it is in the standalone jar), unless the command line
	 * configured it already.
	 */
	private static void configureConsoleLogging() {
		setIfAbsent("org.slf4j.simpleLogger.logFile", "System.out");
		setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "info");
		setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
		setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
		setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
		setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
	}

	private static void setIfAbsent(String name, String value) {
		if (System.getProperty(name) == null) {
			System.setProperty(name, value);
		}
	}

	/**
	 * The parsed command line.
	 */
	private record Options(MidtransSimulator.Builder builder, int port, @Nullable Path trustStore, @Nullable Path pem) {

		static Options parse(String... args) {
			int port = DEFAULT_PORT;
			MidtransSimulator.Builder builder = MidtransSimulator.builder().controlEndpoints(true).logRequests(true);
			Path trustStore = null;
			Path pem = null;
			boolean frozen = false;
			for (int i = 0; i < args.length; i++) {
				String arg = args[i];
				String name = arg;
				String value = null;
				int equals = arg.indexOf('=');
				if (arg.startsWith("--") && equals > 0) {
					name = arg.substring(0, equals);
					value = arg.substring(equals + 1);
				}
				else if (takesValue(name) && i + 1 < args.length) {
					value = args[++i];
				}
				switch (name) {
					case "--port" -> port = parsePort(require(name, value));
					case "--host" -> builder.host(require(name, value));
					case "--server-key" -> builder.serverKey(require(name, value));
					case "--client-key" -> builder.clientKey(require(name, value));
					case "--notification-url" -> builder.notificationUrl(require(name, value));
					case "--recurring-notification-url" -> builder.recurringNotificationUrl(require(name, value));
					case "--pay-account-notification-url" -> builder.payAccountNotificationUrl(require(name, value));
					case "--https-proxy" -> trustStore = Path.of(require(name, value));
					case "--ca-pem" -> pem = Path.of(require(name, value));
					case "--frozen-clock" -> frozen = true;
					case "--quiet" -> builder.logRequests(false);
					default -> throw new IllegalArgumentException("Unknown option '" + name + "'; use " + OPTIONS);
				}
			}
			builder.clock(frozen ? SimulatorClock.startingNow() : SimulatorClock.followingSystemClock());
			builder.httpsProxy(trustStore != null || pem != null);
			return new Options(builder, port, trustStore, pem);
		}

		private static boolean takesValue(String name) {
			return !"--frozen-clock".equals(name) && !"--quiet".equals(name);
		}

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
