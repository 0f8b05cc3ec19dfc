package io.github.springmidtrans.test.node;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Acceptance with the official Midtrans Node.js client: the standalone simulator (the
 * {@code -standalone} jar this module builds, started with {@code java -jar}) is driven
 * by npm {@code midtrans-client}, configured only, through
 * {@code src/test/node/midtrans-client-flows.js}: charges for several methods, status,
 * notification handling, refunds, cancel, expire, the card helpers, Snap, subscriptions
 * and the error answers. Once with the client's base URLs pointed at the simulator, once
 * with its fixed sandbox URLs reached through the simulator's HTTPS proxy mode.
 *
 * <p>
 * Runs when {@code MIDTRANS_TEST_NODE=true} and Node.js and npm are on the path (CI sets
 * it in {@code .ci/run}); the client is installed from the npm registry into
 * {@code target/node-client}.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_NODE", matches = "(?i)true",
		disabledReason = "Set MIDTRANS_TEST_NODE=true (with Node.js and npm on the PATH) to run the official Node.js "
				+ "client against the simulator; .ci/run does")
class NodeClientIT {

	private static final String CLIENT_VERSION = "1.4.3";

	private static final Pattern BASE_URL = Pattern.compile("Core API base URL\\s+(http://\\S+)");

	private static final Path WORK = Path.of("target", "node-client");

	private static Process simulator;

	private static final List<String> simulatorOutput = new ArrayList<>();

	private static String simulatorUrl;

	private static int notificationPort;

	@BeforeAll
	static void startSimulator() throws Exception {
		assumeTrue(runs("node", "--version") && runs("npm", "--version"),
				"Node.js or npm is not on the PATH: the Node.js client test is skipped");
		installClient();
		try (ServerSocket socket = new ServerSocket(0)) {
			notificationPort = socket.getLocalPort();
		}
		Path jar = Path.of(System.getProperty("simulator.jar", "target/missing-standalone.jar"));
		assertThat(jar).as("the standalone jar built by this module").exists();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		simulator = new ProcessBuilder(java, "-jar", jar.toString(), "--port", "0", "--ca-pem",
				WORK.resolve("simulator-ca.pem").toString(), "--notification-url",
				"http://127.0.0.1:" + notificationPort + "/notify")
			.redirectErrorStream(true)
			.start();
		CompletableFuture<String> url = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					synchronized (simulatorOutput) {
						simulatorOutput.add(line);
					}
					Matcher matcher = BASE_URL.matcher(line);
					if (matcher.find()) {
						url.complete(matcher.group(1));
					}
				}
			}
			catch (IOException ex) {
				url.completeExceptionally(ex);
			}
			url.completeExceptionally(new IllegalStateException("Simulator ended: " + output()));
		}, "standalone-simulator-output");
		reader.setDaemon(true);
		reader.start();
		simulatorUrl = url.get(90, TimeUnit.SECONDS);
	}

	@AfterAll
	static void stopSimulator() throws InterruptedException {
		if (simulator != null) {
			simulator.destroy();
			if (!simulator.waitFor(10, TimeUnit.SECONDS)) {
				simulator.destroyForcibly();
			}
		}
	}

	@Test
	void officialClientFlowsPassWithItsBaseUrlsPointedAtTheSimulator() throws Exception {
		Result result = node("plain", Map.of());
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines().filter((line) -> line.startsWith("ok plain:"))).hasSize(9);
	}

	@Test
	void officialClientFlowsPassWithItsFixedSandboxUrlsThroughTheHttpsProxy() throws Exception {
		String proxy = "http://localhost:" + simulatorUrl.substring(simulatorUrl.lastIndexOf(':') + 1);
		Result result = node("proxy", Map.of("HTTPS_PROXY", proxy, "NODE_EXTRA_CA_CERTS",
				WORK.resolve("simulator-ca.pem").toAbsolutePath().toString()));
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output().lines().filter((line) -> line.startsWith("ok proxy:"))).hasSize(9);
		// The requests reached the simulator under Midtrans' own host names.
		assertThat(output()).contains("[api.sandbox.midtrans.com]").contains("[app.sandbox.midtrans.com]");
	}

	private Result node(String mode, Map<String, String> extra) throws Exception {
		Path script = WORK.resolve("midtrans-client-flows.js");
		Files.copy(Path.of("src/test/node/midtrans-client-flows.js"), script,
				java.nio.file.StandardCopyOption.REPLACE_EXISTING);
		ProcessBuilder builder = new ProcessBuilder("node", script.getFileName().toString()).directory(WORK.toFile())
			.redirectErrorStream(true);
		Map<String, String> env = builder.environment();
		for (String name : List.of("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy",
				"ALL_PROXY", "all_proxy")) {
			env.remove(name);
		}
		env.put("SIMULATOR_URL", simulatorUrl.replaceAll("/$", ""));
		env.put("SERVER_KEY", MidtransSimulator.DEFAULT_SERVER_KEY);
		env.put("CLIENT_KEY", MidtransSimulator.DEFAULT_CLIENT_KEY);
		env.put("NOTIFICATION_PORT", Integer.toString(notificationPort));
		env.put("MODE", mode);
		env.putAll(extra);
		Process process = builder.start();
		CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
			try {
				return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				return "could not read output: " + ex;
			}
		});
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			return new Result(-1, "timed out: " + output.getNow(""));
		}
		return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
	}

	private static void installClient() throws Exception {
		Files.createDirectories(WORK);
		Path installed = WORK.resolve("node_modules/midtrans-client/package.json");
		if (Files.exists(installed)
				&& Files.readString(installed).contains("\"version\": \"" + CLIENT_VERSION + "\"")) {
			return;
		}
		Files.writeString(WORK.resolve("package.json"),
				"{ \"private\": true, \"dependencies\": { \"midtrans-client\": \"" + CLIENT_VERSION + "\" } }\n");
		Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "--no-package-lock")
			.directory(WORK.toFile())
			.redirectErrorStream(true)
			.start();
		String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(npm.waitFor(300, TimeUnit.SECONDS)).as("npm install finished").isTrue();
		assertThat(npm.exitValue()).as("npm install midtrans-client@" + CLIENT_VERSION + ": " + output).isZero();
	}

	private static boolean runs(String... command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static String output() {
		synchronized (simulatorOutput) {
			return String.join("\n", simulatorOutput);
		}
	}

	private record Result(int exitCode, String output) {

	}

}
