package io.github.springmidtrans.sdkcompat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unmodified official Midtrans Java SDK completes a charge, status checks and a
 * refund against the simulator: proof that the simulator speaks Midtrans' protocol as a
 * real client expects it.
 *
 * <p>
 * Three JVMs: this test (JDK classes and org.json only), the simulator
 * ({@code MidtransSimulatorMain --https-proxy}, on midtrans-test's run-time class path
 * with OkHttp 5) and {@link OfficialSdkScenario} (on this module's test class path with
 * the SDK's OkHttp 3), which reaches the simulator as its HTTPS proxy and trusts the
 * simulator's run-time certificate authority through {@code javax.net.ssl.trustStore}.
 * The children's output (the SDK logs request headers in sandbox mode) is shown only when
 * the test fails.
 */
class OfficialSdkCompatibilityTests {

	private static final String SERVER_KEY = "SB-Mid-server-compat";

	private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/)");

	private static final Duration CHILD_TIMEOUT = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newHttpClient();

	private final List<String> simulatorOutput = new ArrayList<>();

	private Process simulator;

	@TempDir
	Path work;

	@AfterEach
	void stopSimulator() throws InterruptedException {
		if (this.simulator != null) {
			this.simulator.destroy();
			if (!this.simulator.waitFor(10, TimeUnit.SECONDS)) {
				this.simulator.destroyForcibly();
			}
		}
	}

	@Test
	void officialSdkChargesChecksStatusAndRefundsAgainstSimulator() throws Exception {
		Path trustStore = this.work.resolve("simulator-trust.p12");
		String baseUrl = startSimulator(trustStore);
		String proxyHost = URI.create(baseUrl).getHost();
		String proxyPort = Integer.toString(URI.create(baseUrl).getPort());
		Path sdkOutput = this.work.resolve("sdk.log");
		Process sdk = new ProcessBuilder(java(), "-Dhttps.proxyHost=" + proxyHost, "-Dhttps.proxyPort=" + proxyPort,
				"-Djavax.net.ssl.trustStore=" + trustStore, "-Djavax.net.ssl.trustStorePassword=changeit",
				"-Djavax.net.ssl.trustStoreType=PKCS12", "-cp", classpath("sdkcompat.sdk"),
				OfficialSdkScenario.class.getName(), baseUrl, SERVER_KEY, "SDK-1")
			.redirectErrorStream(true)
			.redirectOutput(sdkOutput.toFile())
			.start();
		boolean finished = sdk.waitFor(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		if (!finished) {
			sdk.destroyForcibly();
		}
		String output = Files.readString(sdkOutput);
		try {
			assertThat(finished).as("SDK program finished in time").isTrue();
			assertThat(sdk.exitValue()).as("SDK program exit code").isZero();
			assertSdkResults(results(output));
			assertSimulatorState(baseUrl);
		}
		catch (AssertionError ex) {
			throw new AssertionError(ex.getMessage() + "\n--- SDK program output ---\n" + output
					+ "\n--- simulator output ---\n" + String.join("\n", this.simulatorOutput), ex);
		}
	}

	private void assertSdkResults(Map<String, JSONObject> results) {
		JSONObject bankCharge = results.get("bank-charge");
		assertThat(bankCharge.getString("status_code")).isEqualTo("201");
		assertThat(bankCharge.getString("transaction_status")).isEqualTo("pending");
		assertThat(bankCharge.getString("order_id")).isEqualTo("SDK-1-BCA");
		JSONObject va = bankCharge.getJSONArray("va_numbers").getJSONObject(0);
		assertThat(va.getString("bank")).isEqualTo("bca");
		assertThat(va.getString("va_number")).matches("\\d{8,}");

		JSONObject pending = results.get("bank-status-pending");
		assertThat(pending.getString("transaction_status")).isEqualTo("pending");
		assertThat(pending.getString("transaction_id")).isEqualTo(bankCharge.getString("transaction_id"));
		JSONObject paid = results.get("bank-status-paid");
		assertThat(paid.getString("status_code")).isEqualTo("200");
		assertThat(paid.getString("transaction_status")).isEqualTo("settlement");
		assertThat(paid.has("settlement_time")).isTrue();

		JSONObject gopayCharge = results.get("gopay-charge");
		assertThat(gopayCharge.getString("status_code")).isEqualTo("201");
		assertThat(gopayCharge.getString("transaction_status")).isEqualTo("pending");
		assertThat(actionNames(gopayCharge.getJSONArray("actions"))).contains("generate-qr-code", "deeplink-redirect");

		JSONObject refund = results.get("gopay-refund");
		assertThat(refund.getString("status_code")).isEqualTo("200");
		assertThat(refund.getString("refund_key")).isEqualTo("SDK-1-GOPAY-R1");
		assertThat(refund.getBigDecimal("refund_amount")).isEqualByComparingTo("30000");
		JSONObject refunded = results.get("gopay-status-refunded");
		assertThat(refunded.getString("transaction_status")).isEqualTo("partial_refund");
		assertThat(refunded.getBigDecimal("refund_amount")).isEqualByComparingTo("30000");

		JSONObject unknown = results.get("unknown-status");
		assertThat(unknown.getBoolean("thrown")).as("SDK throws MidtransError for an unknown order").isTrue();
		assertThat(unknown.getJSONObject("body").getString("status_code")).isEqualTo("404");
	}

	private void assertSimulatorState(String baseUrl) throws IOException, InterruptedException {
		JSONArray transactions = control(baseUrl, "transactions").getJSONArray("transactions");
		assertThat(transactions.length()).isEqualTo(2);
		JSONObject bank = control(baseUrl, "transactions/SDK-1-BCA");
		assertThat(bank.getString("transaction_status")).isEqualTo("settlement");
		assertThat(bank.getBigDecimal("gross_amount")).isEqualByComparingTo("150000");
		JSONObject gopay = control(baseUrl, "transactions/SDK-1-GOPAY");
		assertThat(gopay.getString("transaction_status")).isEqualTo("partial_refund");
		JSONObject refund = gopay.getJSONArray("refunds").getJSONObject(0);
		assertThat(refund.getString("refund_key")).isEqualTo("SDK-1-GOPAY-R1");
		assertThat(refund.getString("reason")).isEqualTo("One item out of stock");
	}

	private String startSimulator(Path trustStore) throws Exception {
		this.simulator = new ProcessBuilder(java(), "-cp", classpath("sdkcompat.simulator"),
				"io.github.springmidtrans.test.MidtransSimulatorMain", "--port", "0", "--server-key", SERVER_KEY,
				"--https-proxy", trustStore.toString())
			.redirectErrorStream(true)
			.start();
		BufferedReader lines = new BufferedReader(
				new InputStreamReader(this.simulator.getInputStream(), StandardCharsets.UTF_8));
		CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
			try {
				for (String line = lines.readLine(); line != null; line = lines.readLine()) {
					synchronized (this.simulatorOutput) {
						this.simulatorOutput.add(line);
					}
					Matcher matcher = LISTENING.matcher(line);
					if (matcher.find()) {
						return matcher.group(1);
					}
				}
				throw new IllegalStateException("Simulator exited: " + this.simulatorOutput);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		});
		String baseUrl = listening.get(CHILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
		assertThat(trustStore).isRegularFile();
		return baseUrl;
	}

	private JSONObject control(String baseUrl, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "_simulator/" + path)).GET().build();
		HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET /_simulator/" + path).isEqualTo(200);
		return new JSONObject(response.body());
	}

	private static Map<String, JSONObject> results(String output) {
		Map<String, JSONObject> results = new HashMap<>();
		for (String line : output.split("\\R")) {
			if (line.startsWith("RESULT ")) {
				String[] parts = line.split(" ", 3);
				results.put(parts[1], new JSONObject(parts[2]));
			}
		}
		assertThat(results).as("steps reported by the SDK program")
			.containsOnlyKeys("bank-charge", "bank-status-pending", "bank-status-paid", "gopay-charge", "gopay-refund",
					"gopay-status-refunded", "unknown-status");
		return results;
	}

	private static List<String> actionNames(JSONArray actions) {
		List<String> names = new ArrayList<>();
		for (int i = 0; i < actions.length(); i++) {
			names.add(actions.getJSONObject(i).getString("name"));
		}
		return names;
	}

	/**
	 * A class path from the build: a classes directory and the file the
	 * maven-dependency-plugin wrote (see this module's pom).
	 */
	private static String classpath(String property) throws IOException {
		String classes = System.getProperty(property + ".classes");
		String file = System.getProperty(property + ".classpath");
		assertThat(file).as("system property " + property + ".classpath (run this test with Maven)").isNotNull();
		Path dependencies = Path.of(file);
		assertThat(dependencies).as("class path file; build from the root: ./mvnw verify (or -pl ... -am)")
			.isRegularFile();
		assertThat(Path.of(classes)).as("classes directory").isDirectory();
		return classes + File.pathSeparator + Files.readString(dependencies).trim();
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
