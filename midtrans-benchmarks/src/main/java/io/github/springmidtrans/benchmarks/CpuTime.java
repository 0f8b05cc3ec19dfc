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
	 * What each reading of a set grew by between two moments.
	 * @param before the readings at the start
	 * @param after the same readings at the end
	 * @return the differences, -1 where either reading is missing
	 */
	public static long[] since(long[] before, long[] after) {
		long[] spent = new long[before.length];
		for (int i = 0; i < spent.length; i++) {
			spent[i] = (before[i] < 0 || after[i] < 0) ? -1 : after[i] - before[i];
		}
		return spent;
	}

	/**
	 * Report cells for CPU times spent on some units of work: each process's time per
	 * unit, their total per unit, and how busy they kept the machine's cores.
	 * @param spent the CPU time of each process, in nanoseconds (-1 where unknown)
	 * @param units the units of work done
	 * @param seconds how long the work took
	 * @return the cells, separated by {@code " | "}
	 */
	static String cells(long[] spent, long units, double seconds) {
		StringBuilder cells = new StringBuilder();
		long total = 0;
		boolean known = true;
		for (long cpu : spent) {
			cells.append((cpu < 0) ? "-" : Stats.f2(cpu / 1e6 / units) + " ms").append(" | ");
			known &= cpu >= 0;
			total += Math.max(0, cpu);
		}
		if (!known) {
			return cells.append("- | -").toString();
		}
		double busy = total / 1e9 / (seconds * Runtime.getRuntime().availableProcessors());
		return cells.append(Stats.f2(total / 1e6 / units))
			.append(" ms | ")
			.append(Stats.f0(busy * 100))
			.append('%')
			.toString();
	}

}
