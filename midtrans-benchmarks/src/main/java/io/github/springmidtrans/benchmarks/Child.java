package io.github.springmidtrans.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A program of the benchmark in its own JVM. Its output goes to a log file (kept for
 * whoever wants to look), and its lines are kept to be read back.
 */
final class Child implements AutoCloseable {

	private final String name;

	private final Process process;

	private final List<String> lines = new ArrayList<>();

	private final Thread reader;

	private Child(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.reader = new Thread(() -> {
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
					PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8), true)) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					out.println(line);
					synchronized (this.lines) {
						this.lines.add(line);
						this.lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// the process ended
			}
			finally {
				synchronized (this.lines) {
					this.lines.notifyAll();
				}
			}
		}, "output-" + name);
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Whether every child JVM writes a Flight Recorder file ({@code <name>.jfr}, profile
	 * settings) to the logs directory.
	 */
	static final boolean JFR = Boolean.getBoolean("bench.jfr");

	/**
	 * Start {@code java [jvmOptions] -cp classpath mainClass [args]}.
	 */
	static Child start(String name, Path logDirectory, String classpath, List<String> jvmOptions, String mainClass,
			String... args) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		if (JFR) {
			command
				.add("-XX:StartFlightRecording=filename=" + logDirectory.resolve(name + ".jfr") + ",settings=profile");
		}
		command.add("-cp");
		command.add(classpath);
		command.add(mainClass);
		command.addAll(List.of(args));
		try {
			Files.createDirectories(logDirectory);
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			return new Child(name, process, logDirectory.resolve(name + ".log"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + name, ex);
		}
	}

	/**
	 * Wait for the first line that matches.
	 */
	String awaitLine(Predicate<String> matching, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		int seen = 0;
		synchronized (this.lines) {
			while (true) {
				for (; seen < this.lines.size(); seen++) {
					if (matching.test(this.lines.get(seen))) {
						return this.lines.get(seen);
					}
				}
				long left = deadline - System.nanoTime();
				if (left <= 0 || (!this.process.isAlive() && !this.reader.isAlive())) {
					throw new IllegalStateException(this.name + " did not print the expected line within " + timeout
							+ "; last output:\n" + tail());
				}
				this.lines.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
			}
		}
	}

	/**
	 * Wait for the program to end by itself and return its output lines.
	 */
	List<String> awaitExit(Duration timeout) throws InterruptedException {
		if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			close();
			throw new IllegalStateException(
					this.name + " did not finish within " + timeout + "; last output:\n" + tail());
		}
		this.reader.join(5000);
		if (this.process.exitValue() != 0) {
			throw new IllegalStateException(
					this.name + " failed (exit " + this.process.exitValue() + "); last output:\n" + tail());
		}
		synchronized (this.lines) {
			return List.copyOf(this.lines);
		}
	}

	long pid() {
		return this.process.pid();
	}

	String tail() {
		synchronized (this.lines) {
			return String.join("\n", this.lines.subList(Math.max(0, this.lines.size() - 40), this.lines.size()));
		}
	}

	/**
	 * The child's process, to read its CPU time.
	 */
	ProcessHandle handle() {
		return this.process.toHandle();
	}

	@Override
	public void close() throws InterruptedException {
		if (this.process.isAlive()) {
			this.process.destroy();
			if (!this.process.waitFor(15, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(5, TimeUnit.SECONDS);
			}
		}
	}

}
