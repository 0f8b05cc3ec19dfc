package io.github.springmidtrans.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs the benchmarks and writes the Markdown report. Started by the build (see this
 * module's pom and docs/performance.md); the arguments choose benchmarks by name
 * ({@code client}, {@code jobs}, {@code webhook}), all three when none is given.
 */
public final class BenchmarkMain {

	private BenchmarkMain() {
	}

	public static void main(String[] args) throws Exception {
		Set<String> chosen = new LinkedHashSet<>();
		Arrays.stream(args)
			.flatMap((arg) -> Arrays.stream(arg.split("[,\\s]+")))
			.filter((arg) -> !arg.isBlank())
			.forEach(chosen::add);
		if (chosen.isEmpty()) {
			chosen.addAll(List.of("client", "jobs", "webhook"));
		}
		Settings settings = Settings.fromSystemProperties();
		Files.createDirectories(settings.logs());
		Instant started = Instant.now();
		List<Report> sections = new ArrayList<>();
		List<String> timings = new ArrayList<>();
		for (String name : chosen) {
			Report section = new Report();
			Instant begin = Instant.now();
			System.out.println("[benchmarks] " + name + " ...");
			switch (name) {
				case "client" -> new ClientBenchmark(settings).run(section);
				case "jobs" -> new JobsBenchmark(settings).run(section);
				case "webhook" -> new WebhookBenchmark(settings).run(section);
				default ->
					throw new IllegalArgumentException("Unknown benchmark '" + name + "'; use client, jobs, webhook");
			}
			Duration took = Duration.between(begin, Instant.now());
			timings.add(name + " " + took.toSeconds() + " s");
			System.out.println("[benchmarks] " + name + " done in " + took.toSeconds() + " s");
			sections.add(section);
		}
		Duration total = Duration.between(started, Instant.now());
		String report = render(sections, started, total, timings);
		Files.createDirectories(settings.report().getParent());
		Files.writeString(settings.report(), report);
		System.out.println(report);
		System.out.println("[benchmarks] report written to " + settings.report());
	}

	private static String render(List<Report> sections, Instant started, Duration total, List<String> timings) {
		StringBuilder out = new StringBuilder();
		out.append("# Benchmark report\n\n");
		out.append("Run " + started.truncatedTo(ChronoUnit.SECONDS) + ", " + total.toSeconds() + " s in all ("
				+ String.join(", ", timings) + ").\n\n");
		out.append("Machine: " + Runtime.getRuntime().availableProcessors() + " cores (" + cpuModel() + "), "
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
				+ System.getProperty("os.arch") + ", " + memory() + ".\n\n");
		out.append("## Targets\n\n| target | goal | measured | met | shortfall |\n| --- | --- | --- | --- | --- |\n");
		for (Report section : sections) {
			for (Report.Target target : section.targets()) {
				out.append("| " + target.name() + " | " + target.goal() + " | " + target.measured() + " | "
						+ (target.met() ? "yes" : "**no**") + " | " + target.shortfall() + " |\n");
			}
		}
		out.append('\n');
		for (Report section : sections) {
			out.append(section.body()).append('\n');
		}
		return out.toString();
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "CPU model unknown";
	}

	private static String memory() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
					return (kib / 1024 / 1024) + " GiB RAM";
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux
		}
		return "RAM unknown";
	}

}
