package io.github.springmidtrans.benchmarks.jobs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.function.Supplier;

import io.github.springmidtrans.benchmarks.CpuTime;
import io.github.springmidtrans.task.PaymentTaskService;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.SessionFactory;
import org.hibernate.stat.QueryStatistics;
import org.hibernate.stat.Statistics;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application of the jobs benchmark: a Spring Boot application with the starter on
 * PostgreSQL, as a user would write it, run in its own JVM (with the heap limit under
 * test). It runs the periodic jobs through {@link PaymentTaskService} (the status check
 * twice, or, with {@code --bench.jobs.only=checkPendingPayments}, that check alone) and
 * prints, per job, {@code JOB <name> <result> <millis> <peak heap bytes>
 * <statements> <page queries> <CPU ns of this JVM> <of PostgreSQL> <of the benchmark's
 * JVM>} (CPU -1 where unknown) and {@code QUERY <job> <executions> <query>} for every
 * query Hibernate ran. The benchmark passes the data source and {@code midtrans.*}
 * properties as command-line arguments.
 */
@SpringBootApplication
public class JobsApp {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(JobsApp.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
			Statistics statistics = context.getBean(EntityManagerFactory.class)
				.unwrap(SessionFactory.class)
				.getStatistics();
			String only = context.getEnvironment().getProperty("bench.jobs.only", "all");
			if (only.equals("all")) {
				// The stand-in answers each order's first status call with "pending".
				run("checkPendingUnchanged", statistics, () -> tasks.checkPendingPayments().queued());
			}
			run("checkPendingPayments", statistics, () -> tasks.checkPendingPayments().queued());
			if (only.equals("all")) {
				run("expireStalePayments", statistics, () -> tasks.expireStalePayments().expired());
				run("checkOverdueInvoices", statistics, () -> tasks.checkOverdueInvoices().overdue());
			}
		}
		System.exit(0);
	}

	/**
	 * CPU time so far of this JVM, of PostgreSQL's processes and of the benchmark's JVM
	 * (which serves the stand-in for Midtrans), in nanoseconds.
	 */
	private static long[] cpu() {
		return new long[] { CpuTime.own(), CpuTime.postgres(), CpuTime.parent() };
	}

	private static void run(String job, Statistics statistics, Supplier<Integer> work) {
		System.gc();
		statistics.clear();
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			pool.resetPeakUsage();
		}
		long[] cpuBefore = cpu();
		long start = System.nanoTime();
		int result = work.get();
		long millis = (System.nanoTime() - start) / 1_000_000;
		long[] cpu = CpuTime.since(cpuBefore, cpu());
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		long pageQueries = 0;
		for (String query : statistics.getQueries()) {
			QueryStatistics stats = statistics.getQueryStatistics(query);
			System.out.println("QUERY " + job + " " + stats.getExecutionCount() + " " + query.replaceAll("\\s+", " "));
			if (query.contains(":afterId")) {
				pageQueries += stats.getExecutionCount();
			}
		}
		System.out.println(String.format(Locale.ROOT, "JOB %s %d %d %d %d %d %d %d %d", job, result, millis, peak,
				statistics.getPrepareStatementCount(), pageQueries, cpu[0], cpu[1], cpu[2]));
		System.out.flush();
	}

}
