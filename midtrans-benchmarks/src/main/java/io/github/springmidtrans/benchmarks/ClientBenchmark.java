package io.github.springmidtrans.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.github.springmidtrans.test.BenchmarkHttpsServer;
import io.github.springmidtrans.test.MidtransSimulatorMain;

/**
 * Benchmark 1: {@code MidtransClient} against the official SDK and raw OkHttp, each in
 * its own JVM, all through the same local HTTPS server ({@link BenchmarkHttpsServer}, in
 * a further JVM) as the HTTPS proxy for {@code api.sandbox.midtrans.com}.
 *
 * <p>
 * {@code MidtransClient} and raw OkHttp are measured in {@code bench.client.rounds} pairs
 * (3 unless set): in each pair one JVM of each runs back to back, in alternating order,
 * and the pair gives one ratio; the report gives the median of the ratios, so a machine
 * that slows down or speeds up between pairs moves both sides of a ratio alike. The
 * official SDK, far behind both, runs once.
 */
final class ClientBenchmark {

	private static final String OURS = "midtrans-client";

	private static final String RAW = "okhttp";

	private static final String SDK = "official-sdk";

	private static final List<String> CLIENTS = List.of(OURS, RAW, SDK);

	private static final List<String> OPERATIONS = List.of("status", "charge");

	private static final List<String> THREADS = List.of("1", "8");

	private final List<String> clients = List
		.of(System.getProperty("bench.clients", String.join(",", CLIENTS)).split(","));

	private final String protocol = System.getProperty("bench.protocol", "http/1.1");

	private final int rounds = Math.max(1, Integer.getInteger("bench.client.rounds", 5));

	private final Settings settings;

	ClientBenchmark(Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws Exception {
		Path trustStore = this.settings.work().resolve("client-benchmark-trust.p12");
		// client/operation/threads -> one run per round
		Map<String, List<Run>> runs = new LinkedHashMap<>();
		try (Child server = Child.start("https-server", this.settings.logs(), this.settings.classpath(),
				List.of("-Xmx512m"), BenchmarkHttpsServer.class.getName(), trustStore.toString(), this.protocol)) {
			String port = server.awaitLine((line) -> line.startsWith("LISTENING "), Duration.ofSeconds(60))
				.substring("LISTENING ".length())
				.trim();
			for (int round = 1; round <= this.rounds; round++) {
				for (String client : order(round)) {
					measure(client, round, port, trustStore, runs);
				}
			}
			if (this.clients.contains(SDK)) {
				measure(SDK, 1, port, trustStore, runs);
			}
		}
		write(report, runs);
	}

	/**
	 * The pair of a round, raw OkHttp first in odd rounds and second in even ones.
	 */
	private List<String> order(int round) {
		List<String> pair = new ArrayList<>();
		for (String client : (round % 2 == 1) ? List.of(RAW, OURS) : List.of(OURS, RAW)) {
			if (this.clients.contains(client)) {
				pair.add(client);
			}
		}
		return pair;
	}

	private void measure(String client, int round, String port, Path trustStore, Map<String, List<Run>> runs)
			throws Exception {
		List<String> jvm = new ArrayList<>(List.of("-Xmx512m", "-Dhttps.proxyHost=localhost",
				"-Dhttps.proxyPort=" + port, "-Djavax.net.ssl.trustStore=" + trustStore,
				"-Djavax.net.ssl.trustStorePassword=" + MidtransSimulatorMain.TRUST_STORE_PASSWORD,
				"-Djavax.net.ssl.trustStoreType=PKCS12"));
		passThrough(jvm, "bench.warmup-ms", "bench.iterations", "bench.iteration-ms");
		boolean sdk = SDK.equals(client);
		System.out.println("[client] measuring " + client + ((sdk) ? "" : " (pair " + round + ")"));
		Child load = Child.start("client-" + client + "-" + round, this.settings.logs(),
				sdk ? this.settings.sdkClasspath() : this.settings.classpath(), jvm,
				sdk ? OfficialSdkLoad.class.getName() : ClientLoad.class.getName(), client);
		for (String line : load.awaitExit(Duration.ofMinutes(10))) {
			if (line.startsWith("RESULT ")) {
				String[] parts = line.split(" ");
				String key = parts[1] + "/" + parts[2] + "/" + parts[3];
				runs.computeIfAbsent(key, (k) -> new ArrayList<>()).add(Run.parse(parts, round));
			}
		}
	}

	private static void passThrough(List<String> jvm, String... names) {
		for (String name : names) {
			String value = System.getProperty(name);
			if (value != null) {
				jvm.add("-D" + name + "=" + value);
			}
		}
	}

	private void write(Report report, Map<String, List<Run>> runs) {
		report.line("## 1. Client: MidtransClient vs the official SDK vs raw OkHttp")
			.line("")
			.line("Each client in its own JVM (-Xmx512m) calls `https://api.sandbox.midtrans.com/` through the same"
					+ " local HTTPS proxy and server (self-signed test authority, fixed status and charge answers)."
					+ " Closed loop: each thread calls back to back. A run: median of "
					+ Integer.getInteger("bench.iterations", 5) + " iterations of "
					+ Long.getLong("bench.iteration-ms", 2000) + " ms after " + Long.getLong("bench.warmup-ms", 4000)
					+ " ms of warm-up. MidtransClient and raw OkHttp (one shared client, the same requests, the body"
					+ " read as a string) run in " + this.rounds + ((this.rounds == 1) ? " pair" : " pairs")
					+ ", each pair back to back in alternating order; the ratios are the median of the per-pair"
					+ " ratios. The official SDK runs once."
					+ " Allocation: bytes allocated by the calling threads per call. New connections: connections"
					+ " the client opened during the measured iterations (OkHttp event listener), per call."
					+ " JVM CPU: CPU time of the client's whole JVM (calling threads, OkHttp's, GC and JIT) during the"
					+ " measured iterations, per call; on a shared machine it moves less than calls/s.")
			.line("")
			.line("| operation | threads | client | runs | calls/s | alloc/call | new connections/call"
					+ " | JVM CPU/call | calls/s vs raw OkHttp | alloc vs raw OkHttp | JVM CPU vs raw OkHttp"
					+ " | vs official SDK |")
			.line("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		for (String operation : OPERATIONS) {
			for (String threads : THREADS) {
				List<Run> raw = runs.getOrDefault(key(RAW, operation, threads), List.of());
				List<Run> sdk = runs.getOrDefault(key(SDK, operation, threads), List.of());
				for (String client : CLIENTS) {
					List<Run> measured = runs.getOrDefault(key(client, operation, threads), List.of());
					if (measured.isEmpty()) {
						continue;
					}
					double rate = Stats.median(measured.stream().mapToDouble(Run::rate).toArray());
					double bytes = Stats.median(measured.stream().mapToDouble(Run::allocation).toArray());
					double cpu = Stats.median(measured.stream().mapToDouble(Run::jvmCpu).toArray());
					report.line("| " + operation + " | " + threads + " | " + client + " | " + measured.size() + " | "
							+ Stats.f0(rate) + " | " + Stats.f0(bytes) + " B | " + connections(measured) + " | "
							+ (Double.isNaN(cpu) ? "-" : Stats.f1(cpu / 1000) + " µs") + " | "
							+ ratioText(pairedRatio(measured, raw, Run::rate)) + " | "
							+ ratioText(pairedRatio(measured, raw, Run::allocation)) + " | "
							+ ratioText(pairedRatio(measured, raw, Run::jvmCpu)) + " | " + ratioText(sdk.isEmpty()
									? Double.NaN : rate / Stats.median(sdk.stream().mapToDouble(Run::rate).toArray()))
							+ " |");
				}
				targets(report, operation, threads, runs);
			}
		}
		report.line("");
	}

	private static void targets(Report report, String operation, String threads, Map<String, List<Run>> runs) {
		List<Run> ours = runs.getOrDefault(key(OURS, operation, threads), List.of());
		List<Run> raw = runs.getOrDefault(key(RAW, operation, threads), List.of());
		List<Run> sdk = runs.getOrDefault(key(SDK, operation, threads), List.of());
		if (ours.isEmpty()) {
			return;
		}
		String scenario = operation + ", " + threads + " thread" + ("1".equals(threads) ? "" : "s");
		if (!raw.isEmpty()) {
			double speed = pairedRatio(ours, raw, Run::rate);
			report.target("client calls/s >= 0.90x raw OkHttp (" + scenario + ")", ">= 0.90x", ratioText(speed),
					speed >= 0.90, "missed by " + Stats.f1((0.90 - speed) * 100) + " points ("
							+ Stats.f1((1 - speed) * 100) + "% slower than raw OkHttp)");
			double memory = pairedRatio(ours, raw, Run::allocation);
			report.target("client allocation <= 1.5x raw OkHttp (" + scenario + ")", "<= 1.50x", ratioText(memory),
					memory <= 1.5, "missed by " + Stats.f2(memory - 1.5) + "x");
		}
		long opened = ours.stream().mapToLong(Run::connections).sum();
		long calls = ours.stream().mapToLong(Run::calls).sum();
		report.target("client opens no connection per call (" + scenario + ")", "0",
				opened + " in " + Stats.f0(calls) + " calls", opened == 0,
				Stats.f1(opened * 1e6 / Math.max(1, calls)) + " per million calls");
		if (!sdk.isEmpty()) {
			double rate = Stats.median(ours.stream().mapToDouble(Run::rate).toArray());
			double vsSdk = rate / Stats.median(sdk.stream().mapToDouble(Run::rate).toArray());
			report.target("client >= 10x official SDK (" + scenario + ")", ">= 10x", ratioText(vsSdk), vsSdk >= 10,
					"missed by " + Stats.f2(10 - vsSdk) + "x (reached " + Stats.f0(vsSdk * 10) + "% of 10x)");
		}
	}

	/**
	 * The median over the pairs of one client's value divided by the other's in the same
	 * round; {@code NaN} without pairs.
	 */
	private static double pairedRatio(List<Run> runs, List<Run> baseline, ToDoubleFunction<Run> value) {
		List<Double> ratios = new ArrayList<>();
		for (Run run : runs) {
			for (Run base : baseline) {
				if (base.round() == run.round()) {
					ratios.add(value.applyAsDouble(run) / value.applyAsDouble(base));
				}
			}
		}
		return ratios.isEmpty() ? Double.NaN : Stats.median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
	}

	private static String connections(List<Run> runs) {
		if (runs.stream().anyMatch((run) -> run.connections() < 0)) {
			return "not counted";
		}
		long opened = runs.stream().mapToLong(Run::connections).sum();
		long calls = runs.stream().mapToLong(Run::calls).sum();
		return String.format(Locale.ROOT, "%.4f", (double) opened / Math.max(1, calls));
	}

	private static String ratioText(double ratio) {
		return Double.isNaN(ratio) ? "-" : Stats.f2(ratio) + "x";
	}

	private static String key(String client, String operation, String threads) {
		return client + "/" + operation + "/" + threads;
	}

	/**
	 * One JVM's measurement of one scenario: medians over its iterations (JVM CPU per
	 * call {@code NaN} when not reported), totals of connections ({@code -1} when not
	 * counted) and calls.
	 */
	private record Run(int round, double rate, double allocation, long connections, long calls, double jvmCpu) {

		static Run parse(String[] parts, int round) {
			double rate = Stats.median(Stats.parse(parts[4]));
			double allocation = Stats.median(Stats.parse(parts[5]));
			long connections = -1;
			long calls = 0;
			if (parts.length > 7) {
				calls = sum(parts[7]);
				connections = parts[6].contains("-") ? -1 : sum(parts[6]);
			}
			double jvmCpu = (parts.length > 9) ? Stats.median(Stats.parse(parts[9])) : Double.NaN;
			return new Run(round, rate, allocation, connections, calls, jvmCpu);
		}

		private static long sum(String commaSeparated) {
			long total = 0;
			for (String value : commaSeparated.split(",")) {
				total += Long.parseLong(value);
			}
			return total;
		}

	}

}
