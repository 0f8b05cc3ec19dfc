package io.github.springmidtrans.benchmarks;

import java.time.Duration;
import java.util.Optional;

/**
 * CPU time of the processes a benchmark runs on this machine, as the operating system
 * counts it (user and system time of every thread): a JVM, its parent, and PostgreSQL's
 * server processes. Read before and after a measured stretch, the differences show where
 * the machine's cores went.
 */
public final class CpuTime {

	private CpuTime() {
	}

	/**
	 * CPU time of a process.
	 * @param process the process
	 * @return nanoseconds, or -1 when the system does not tell
	 */
	public static long of(ProcessHandle process) {
		return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
	}

	/**
	 * CPU time of this JVM.
	 * @return nanoseconds, or -1 when the system does not tell
	 */
	public static long own() {
		return of(ProcessHandle.current());
	}

	/**
	 * CPU time of this JVM's parent (the benchmark's JVM, for a child it started).
	 * @return nanoseconds, or -1 when the system does not tell
	 */
	public static long parent() {
		Optional<ProcessHandle> parent = ProcessHandle.current().parent();
		return parent.map(CpuTime::of).orElse(-1L);
	}

	/**
	 * CPU time of every running PostgreSQL server process on this machine: the server,
	 * its background workers and the backends of open connections. A backend that exits
	 * between two readings takes its time with it, so readings are compared while the
	 * measured application holds its connections.
	 * @return nanoseconds, or -1 when no PostgreSQL process can be read
	 */
	public static long postgres() {
		long[] total = { 0, 0 };
		ProcessHandle.allProcesses().filter(CpuTime::isPostgres).forEach((process) -> {
			long cpu = of(process);
			if (cpu >= 0) {
				total[0] += cpu;
				total[1]++;
			}
		});
		return (total[1] > 0) ? total[0] : -1;
	}

	private static boolean isPostgres(ProcessHandle process) {
		ProcessHandle.Info info = process.info();
		return info.command().map((command) -> command.endsWith("/postgres")).orElse(false)
				|| info.commandLine().map((line) -> line.startsWith("postgres")).orElse(false);
	}

	/**
	 * A difference of two readings in milliseconds per unit of work, for a report.
	 * @param before the first reading
	 * @param after the second reading
	 * @param units the units of work between them
	 * @return the text, or "-" when either reading is missing
	 */
	public static String perUnit(long before, long after, long units) {
		if (before < 0 || after < 0 || units <= 0) {
			return "-";
		}
		return Stats.f2((after - before) / 1e6 / units) + " ms";
	}

}
