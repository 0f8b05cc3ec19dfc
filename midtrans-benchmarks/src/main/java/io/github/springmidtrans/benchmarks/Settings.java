package io.github.springmidtrans.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are, from the system properties the build passes to {@link BenchmarkMain}.
 */
record Settings(String classpath, String sdkClasspath, Path work, Path logs, Path report, String postgresUrl) {

	static Settings fromSystemProperties() {
		Path report = Path.of(require("benchmarks.report")).toAbsolutePath();
		Path work = report.getParent().resolve("benchmark-work");
		String classes = require("benchmarks.classes");
		Path sdkFile = Path.of(require("benchmarks.sdk.classpath"));
		if (!Files.isRegularFile(sdkFile)) {
			throw new IllegalStateException("Missing " + sdkFile
					+ ": build with -am from the root (./mvnw -Pbenchmarks -pl midtrans-benchmarks -am verify)");
		}
		String sdk;
		try {
			sdk = Files.readString(sdkFile).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// The SDK's jars first: its OkHttp 3 wins; this module's classes add the load
		// loop.
		String sdkClasspath = sdk + File.pathSeparator + classes;
		return new Settings(System.getProperty("java.class.path"), sdkClasspath, work, work.resolve("logs"), report,
				System.getProperty("benchmarks.postgresql", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
	}

	private static String require(String name) {
		String value = System.getProperty(name);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException("System property " + name + " is not set; run through Maven");
		}
		return value;
	}

}
