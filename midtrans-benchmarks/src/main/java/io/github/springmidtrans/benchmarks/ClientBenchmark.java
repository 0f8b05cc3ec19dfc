package io.github.springmidtrans.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.springmidtrans.test.BenchmarkHttpsServer;
import io.github.springmidtrans.test.MidtransSimulatorMain;

/**
 * Benchmark 1: {@code MidtransClient} against the official SDK and raw OkHttp, each in
 * its own JVM, all through the same local HTTPS server ({@link BenchmarkHttpsServer}, in
 * a fourth JVM) as the HTTPS proxy for {@code api.sandbox.midtrans.com}.
 */
final class ClientBenchmark {

	private static final List<String> CLIENTS = List.of("midtrans-client", "okhttp", "official-sdk");

	private final List<String> clients = List
		.of(System.getProperty("bench.clients", String.join(",", CLIENTS)).split(","));

	private final String protocol = System.getProperty("bench.protocol", "http/1.1");

	private final Settings settings;

	ClientBenchmark(Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws Exception {
		Path trustStore = this.settings.work().resolve("client-benchmark-trust.p12");
		Map<String, double[]> rate = new LinkedHashMap<>();
		Map<String, double[]> allocation = new LinkedHashMap<>();
		try (Child server = Child.start("https-server", this.settings.logs(), this.settings.classpath(),
				List.of("-Xmx512m"), BenchmarkHttpsServer.class.getName(), trustStore.toString(), this.protocol)) {
			String port = server.awaitLine((line) -> line.startsWith("LISTENING "), Duration.ofSeconds(60))
				.substring("LISTENING ".length())
				.trim();
			for (String client : this.clients) {
				List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Dhttps.proxyHost=localhost",
						"-Dhttps.proxyPort=" + port, "-Djavax.net.ssl.trustStore=" + trustStore,
						"-Djavax.net.ssl.trustStorePassword=" + MidtransSimulatorMain.TRUST_STORE_PASSWORD,
						"-Djavax.net.ssl.trustStoreType=PKCS12"));
				passThrough(jvm, "bench.warmup-ms", "bench.iterations", "bench.iteration-ms");
				boolean sdk = "official-sdk".equals(client);
				System.out.println("[client] measuring " + client);
				Child load = Child.start("client-" + client, this.settings.logs(),
						sdk ? this.settings.sdkClasspath() : this.settings.classpath(), jvm,
						sdk ? OfficialSdkLoad.class.getName() : ClientLoad.class.getName(), client);
				for (String line : load.awaitExit(Duration.ofMinutes(10))) {
					if (line.startsWith("RESULT ")) {
						String[] parts = line.split(" ");
						String key = parts[1] + "/" + parts[2] + "/" + parts[3];
						rate.put(key, Stats.parse(parts[4]));
						allocation.put(key, Stats.parse(parts[5]));
					}
				}
			}
		}
		write(report, rate, allocation);
	}

	private static void passThrough(List<String> jvm, String... names) {
		for (String name : names) {
			String value = System.getProperty(name);
			if (value != null) {
				jvm.add("-D" + name + "=" + value);
			}
		}
	}

	private static void write(Report report, Map<String, double[]> rate, Map<String, double[]> allocation) {
		report.line("## 1. Client: MidtransClient vs the official SDK vs raw OkHttp")
			.line("")
			.line("Each client in its own JVM (-Xmx512m) calls `https://api.sandbox.midtrans.com/` through the same"
					+ " local HTTPS proxy and server (self-signed test authority, fixed status and charge answers)."
					+ " Closed loop: each thread calls back to back. Median of "
					+ Integer.getInteger("bench.iterations", 5) + " iterations of "
					+ Long.getLong("bench.iteration-ms", 2000) + " ms after " + Long.getLong("bench.warmup-ms", 4000)
					+ " ms of warm-up. Allocation: bytes allocated by the" + " calling threads per call.")
			.line("")
			.line("| operation | threads | client | calls/s | alloc/call | vs official SDK | vs raw OkHttp |")
			.line("| --- | ---: | --- | ---: | ---: | ---: | ---: |");
		for (String operation : List.of("status", "charge")) {
			for (String threads : List.of("1", "8")) {
				double sdk = median(rate, "official-sdk", operation, threads);
				double raw = median(rate, "okhttp", operation, threads);
				for (String client : CLIENTS) {
					if (Double.isNaN(median(rate, client, operation, threads))) {
						continue;
					}
					double calls = median(rate, client, operation, threads);
					double bytes = median(allocation, client, operation, threads);
					report.line("| " + operation + " | " + threads + " | " + client + " | " + Stats.f0(calls) + " | "
							+ Stats.f0(bytes) + " B | " + Stats.f2(calls / sdk) + "x | " + Stats.f2(calls / raw)
							+ "x |");
				}
				double ours = median(rate, "midtrans-client", operation, threads);
				String scenario = operation + ", " + threads + " thread" + ("1".equals(threads) ? "" : "s");
				double vsSdk = ours / sdk;
				report.target("client >= 10x official SDK (" + scenario + ")", ">= 10x", Stats.f2(vsSdk) + "x",
						vsSdk >= 10,
						"missed by " + Stats.f2(10 - vsSdk) + "x (reached " + Stats.f0(vsSdk * 10) + "% of 10x)");
				double vsRaw = ours / raw;
				report.target("client within 15% of raw OkHttp (" + scenario + ")", ">= 0.85x", Stats.f2(vsRaw) + "x",
						vsRaw >= 0.85, "missed by " + Stats.f1((0.85 - vsRaw) * 100) + " points ("
								+ Stats.f1((1 - vsRaw) * 100) + "% slower than raw OkHttp)");
			}
		}
		report.line("");
	}

	private static double median(Map<String, double[]> values, String client, String operation, String threads) {
		double[] found = values.get(client + "/" + operation + "/" + threads);
		if (found == null) {
			// not measured in this run (bench.clients)
			return Double.NaN;
		}
		return Stats.median(found);
	}

}
