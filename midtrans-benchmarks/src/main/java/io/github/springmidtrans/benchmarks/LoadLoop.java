package io.github.springmidtrans.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A closed-loop load generator for the client benchmark: {@code threads} threads call the
 * same operation back to back for a warm-up period and then for several measured
 * iterations (after a further half warm-up of the same shape). For each iteration it
 * reports calls per second and the bytes allocated per call by the calling threads
 * (HotSpot's per-thread allocation counter) and, when the client can count them, the
 * connections it opened. Only JDK classes, so that it also runs on the official SDK's
 * class path.
 *
 * <p>
 * The settings are read from system properties: {@code bench.warmup-ms},
 * {@code bench.iterations}, {@code bench.iteration-ms}.
 */
public final class LoadLoop {

	/** One call of the measured operation. */
	@FunctionalInterface
	public interface Call {

		void run() throws Exception;

	}

	private final long warmupMillis = Long.getLong("bench.warmup-ms", 4000);

	private final int iterations = Integer.getInteger("bench.iterations", 5);

	private final long iterationMillis = Long.getLong("bench.iteration-ms", 2000);

	/**
	 * Measure one operation of a client that cannot count its connections.
	 * @param client the client's name
	 * @param operation the operation's name
	 * @param threads the number of calling threads
	 * @param call the operation
	 * @throws InterruptedException when interrupted
	 * @see #measure(String, String, int, Call, LongSupplier)
	 */
	public void measure(String client, String operation, int threads, Call call) throws InterruptedException {
		measure(client, operation, threads, call, null);
	}

	/**
	 * Measure one operation and print {@code RESULT <client> <operation> <threads>
	 * <calls/s,...> <bytes/call,...> <connections,...> <calls,...> <caller CPU ns/call,...>
	 * <JVM CPU ns/call,...>} (one value per iteration; connections {@code -} when not
	 * counted) on standard output. CPU time is less disturbed by other work on a shared
	 * machine than calls per second: the calling threads' own, and the whole JVM's (GC
	 * and JIT included) while the threads ran.
	 * @param client the client's name
	 * @param operation the operation's name
	 * @param threads the number of calling threads
	 * @param call the operation
	 * @param connections the number of connections the client has opened so far, or
	 * {@code null} when it cannot tell
	 * @throws InterruptedException when interrupted
	 */
	public void measure(String client, String operation, int threads, Call call, LongSupplier connections)
			throws InterruptedException {
		phase(threads, this.warmupMillis / 2, call);
		List<String> rates = new ArrayList<>();
		List<String> allocations = new ArrayList<>();
		List<String> opened = new ArrayList<>();
		List<String> counts = new ArrayList<>();
		List<String> callerCpu = new ArrayList<>();
		List<String> processCpu = new ArrayList<>();
		for (int i = 0; i < this.iterations; i++) {
			long before = (connections != null) ? connections.getAsLong() : 0;
			long[] result = phase(threads, this.iterationMillis, call);
			double seconds = result[2] / 1e9;
			rates.add(String.format(Locale.ROOT, "%.1f", result[0] / seconds));
			allocations.add(Long.toString(result[1] / Math.max(1, result[0])));
			opened.add((connections != null) ? Long.toString(connections.getAsLong() - before) : "-");
			counts.add(Long.toString(result[0]));
			callerCpu.add(Long.toString(result[3] / Math.max(1, result[0])));
			processCpu.add(Long.toString(result[4] / Math.max(1, result[0])));
		}
		System.out.println("RESULT " + client + " " + operation + " " + threads + " " + String.join(",", rates) + " "
				+ String.join(",", allocations) + " " + String.join(",", opened) + " " + String.join(",", counts) + " "
				+ String.join(",", callerCpu) + " " + String.join(",", processCpu));
		System.out.flush();
	}

	/**
	 * Warm the JVM up on an operation before anything is measured (the first measurement
	 * of a JVM would otherwise pay for compiling the code all share).
	 * @param threads the number of calling threads
	 * @param call the operation
	 * @throws InterruptedException when interrupted
	 */
	public void warmUp(int threads, Call call) throws InterruptedException {
		phase(threads, this.warmupMillis, call);
	}

	/**
	 * Run the threads for a while.
	 * @return calls, bytes allocated by the calling threads, elapsed nanoseconds
	 */
	private static long[] phase(int threads, long millis, Call call) throws InterruptedException {
		com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		AtomicLong calls = new AtomicLong();
		AtomicLong allocated = new AtomicLong();
		AtomicLong cpu = new AtomicLong();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		CountDownLatch ready = new CountDownLatch(threads);
		CountDownLatch go = new CountDownLatch(1);
		long[] window = new long[2];
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			Thread worker = new Thread(() -> {
				ready.countDown();
				try {
					go.await();
					long deadline = window[1];
					long before = mx.getCurrentThreadAllocatedBytes();
					long cpuBefore = mx.getCurrentThreadCpuTime();
					long count = 0;
					while (System.nanoTime() < deadline) {
						call.run();
						count++;
					}
					cpu.addAndGet(mx.getCurrentThreadCpuTime() - cpuBefore);
					allocated.addAndGet(mx.getCurrentThreadAllocatedBytes() - before);
					calls.addAndGet(count);
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			}, "load-" + t);
			workers.add(worker);
			worker.start();
		}
		ready.await();
		long processBefore = processCpuNanos();
		window[0] = System.nanoTime();
		window[1] = window[0] + millis * 1_000_000L;
		go.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		long elapsed = System.nanoTime() - window[0];
		long process = processCpuNanos() - processBefore;
		if (failure.get() != null) {
			throw new IllegalStateException("A call failed", failure.get());
		}
		return new long[] { calls.get(), allocated.get(), elapsed, cpu.get(), process };
	}

	/** CPU time of the whole JVM (all threads, JIT and GC included), or 0 if unknown. */
	private static long processCpuNanos() {
		if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
			return Math.max(0, os.getProcessCpuTime());
		}
		return 0;
	}

}
