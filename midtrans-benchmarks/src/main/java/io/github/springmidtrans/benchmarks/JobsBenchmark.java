package io.github.springmidtrans.benchmarks;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.springmidtrans.benchmarks.jobs.JobsApp;

/**
 * Benchmark 2: the periodic jobs at scale. PostgreSQL holds 100,000 payments due for a
 * status check, 10,000 pending payments past their expiry and 100,000 pending invoices
 * past their due date, bulk-loaded with COPY; {@link StatusServer} answers with 20 ms
 * latency; {@link JobsApp} runs each job once in a JVM limited to 256 MiB of heap. The
 * status check runs twice: first every answer is "pending", which changes no row, then
 * "settlement", which changes every row. With {@code bench.jobs.large} set, the changing
 * check runs once more on that many rows, compared per row with the first run.
 */
final class JobsBenchmark {

	static final int PENDING = Integer.getInteger("bench.jobs.pending", 100_000);

	static final int STALE = Integer.getInteger("bench.jobs.stale", 10_000);

	static final int INVOICES = Integer.getInteger("bench.jobs.invoices", 100_000);

	static final int LARGE = Integer.getInteger("bench.jobs.large", 1_000_000);

	private static final int LOAD_CHUNK = 100_000;

	static final Duration LATENCY = Duration.ofMillis(20);

	static final int CONCURRENCY = 32;

	static final int BATCH = 100;

	private static final String PAYMENT_COLUMNS = "order_id, payment_type, gross_amount, currency, status,"
			+ " transaction_status, expiry_time, refunded_amount, idempotency_key, attempts, next_check_at, version,"
			+ " created_at, updated_at, transaction_id, transaction_time, fraud_status";

	/** The transaction time the stand-in answers, 2026-11-24 10:00:00 in Jakarta. */
	private static final String TRANSACTION_TIME = "2026-11-24T03:00:00Z";

	private static final String INVOICE_COLUMNS = "order_id, invoice_number, idempotency_key, status, payment_type,"
			+ " gross_amount, invoice_date, due_date, attempts, version, created_at, updated_at";

	private final Settings settings;

	JobsBenchmark(Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws Exception {
		BenchDatabase database = BenchDatabase.prepare(this.settings.postgresUrl());
		database.recreateTables();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		long loadStart = System.nanoTime();
		loadPayments(database, "CHK", PENDING, now.plusDays(1), now.minusMinutes(1), now);
		loadPayments(database, "EXP", STALE, now.minusHours(1), now.plusDays(1), now);
		database.copy("midtrans_invoice", INVOICE_COLUMNS, invoices(INVOICES, now));
		database.execute("analyze midtrans_payment");
		database.execute("analyze midtrans_invoice");
		long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
		System.out.println("[jobs] loaded " + (PENDING + STALE) + " payments and " + INVOICES + " invoices in "
				+ loadMillis + " ms");
		Map<String, long[]> jobs = new LinkedHashMap<>();
		List<String> queries = new ArrayList<>();
		long statusCalls;
		long expireCalls;
		// The first status call of each order finds it still pending, the next settled.
		BitSet asked = new BitSet(PENDING);
		try (StatusServer midtrans = new StatusServer(LATENCY, 2 * CONCURRENCY, (orderId) -> {
			if (!orderId.startsWith("CHK-")) {
				return "settlement";
			}
			int index = Integer.parseInt(orderId.substring(4));
			synchronized (asked) {
				boolean first = !asked.get(index);
				asked.set(index);
				return first ? "pending" : "settlement";
			}
		})) {
			Child app = Child.start("jobs-app", this.settings.logs(), this.settings.classpath(),
					List.of("-Xmx256m", "-Xms256m"), JobsApp.class.getName(), appArguments(database, midtrans, "all"));
			collect(app.awaitExit(Duration.ofMinutes(40)), jobs, queries);
			statusCalls = midtrans.statusCalls();
			expireCalls = midtrans.expireCalls();
		}
		long settled = database
			.count("select count(*) from midtrans_payment where order_id like 'CHK-%'" + " and status = 'SETTLEMENT'");
		long expired = database
			.count("select count(*) from midtrans_payment where order_id like 'EXP-%'" + " and status = 'EXPIRE'");
		long overdue = database.count("select count(*) from midtrans_invoice where status = 'OVERDUE'");
		write(report, database, loadMillis, jobs, queries, statusCalls, expireCalls, settled, expired, overdue);
		if (LARGE > 0) {
			runLarge(report, database, jobs.get("checkPendingPayments"));
		}
	}

	/**
	 * The changing status check once more on {@link #LARGE} rows: time per row against
	 * the first run, heap, and page queries.
	 */
	private void runLarge(Report report, BenchDatabase database, long[] first) throws Exception {
		database.recreateTables();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		loadPayments(database, "CHK", LARGE, now.plusDays(1), now.minusMinutes(1), now);
		database.execute("analyze midtrans_payment");
		Map<String, long[]> jobs = new LinkedHashMap<>();
		List<String> queries = new ArrayList<>();
		try (StatusServer midtrans = new StatusServer(LATENCY, 2 * CONCURRENCY)) {
			Child app = Child.start("jobs-app-large", this.settings.logs(), this.settings.classpath(),
					List.of("-Xmx256m", "-Xms256m"), JobsApp.class.getName(),
					appArguments(database, midtrans, "checkPendingPayments"));
			collect(app.awaitExit(Duration.ofMinutes(40).plusSeconds(LARGE / 100)), jobs, queries);
		}
		long settled = database
			.count("select count(*) from midtrans_payment where order_id like 'CHK-%' and status = 'SETTLEMENT'");
		long[] large = jobs.get("checkPendingPayments");
		double perRow = large[1] / (double) LARGE;
		double firstPerRow = first[1] / (double) PENDING;
		double ratio = perRow / firstPerRow;
		long pages = large[4];
		long expectedPages = (LARGE + BATCH - 1) / BATCH + 2;
		report.line("### checkPendingPayments on " + Stats.f0(LARGE) + " rows")
			.line("")
			.line("| rows | took | time per row | per row / per row at " + Stats.f0(PENDING)
					+ " | peak heap | SQL statements | page queries | statements per row | end state |")
			.line("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
			.line("| " + Stats.f0(LARGE) + " | " + Stats.f1(large[1] / 1000.0) + " s | " + Stats.f2(perRow) + " ms | "
					+ Stats.f2(ratio) + "x | " + Stats.f0(large[2] / 1048576.0) + " MiB | " + Stats.f0(large[3]) + " | "
					+ Stats.f0(pages) + " | " + Stats.f2((large[3] - pages) / (double) Math.max(1, large[0])) + " | "
					+ Stats.f0(settled) + " settled |")
			.line("")
			.line("| job | rows | jobs application | PostgreSQL | stand-in | total | busy |")
			.line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		cpuRow(report, "checkPendingPayments, answers settlement (every row changes)", LARGE, large);
		report.line("");
		report.target(
				"checkPendingPayments: time per row at " + Stats.f0(LARGE) + " rows within 1.15x of "
						+ Stats.f0(PENDING) + " rows",
				"<= 1.15x", Stats.f2(ratio) + "x", ratio <= 1.15, "missed by " + Stats.f2(ratio - 1.15) + "x");
		report.target("checkPendingPayments: heap at " + Stats.f0(LARGE) + " rows", "<= 256 MiB",
				Stats.f0(large[2] / 1048576.0) + " MiB", large[2] <= 256L * 1024 * 1024, "over the heap bound");
		report.target("checkPendingPayments: page queries at " + Stats.f0(LARGE) + " rows grow with pages",
				"<= " + expectedPages + " page queries", pages + " page queries", pages <= expectedPages,
				(pages - expectedPages) + " extra queries");
		if (settled != LARGE) {
			report.target("jobs: every row of the large run settles", "all", Stats.f0(settled), false,
					"rows left behind");
		}
	}

	private String[] appArguments(BenchDatabase database, StatusServer midtrans, String only) {
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.url(),
				"--spring.datasource.hikari.maximum-pool-size=" + CONCURRENCY, "--spring.main.banner-mode=off",
				"--spring.jpa.properties.hibernate.generate_statistics=true",
				"--spring.jpa.properties.hibernate.session.events.log=false",
				"--logging.level.io.github.springmidtrans=WARN", "--midtrans.server-key=SB-Mid-server-benchmark",
				"--midtrans.base-url=" + midtrans.baseUrl(), "--midtrans.jdbc.initialize-schema=never",
				"--midtrans.tasks.pool-size=" + CONCURRENCY, "--bench.jobs.only=" + only));
		for (String job : List.of("check-pending-payments", "expire-stale-payments", "check-overdue-invoices",
				"sync-subscription-status")) {
			args.add("--midtrans.tasks." + job + ".cron=-");
			args.add("--midtrans.tasks." + job + ".concurrency=" + CONCURRENCY);
			args.add("--midtrans.tasks." + job + ".batch-size=" + BATCH);
		}
		return args.toArray(String[]::new);
	}

	private static void collect(List<String> lines, Map<String, long[]> jobs, List<String> queries) {
		for (String line : lines) {
			if (line.startsWith("JOB ")) {
				String[] parts = line.split(" ");
				long[] values = new long[parts.length - 2];
				for (int i = 2; i < parts.length; i++) {
					values[i - 2] = Long.parseLong(parts[i]);
				}
				jobs.put(parts[1], values);
			}
			else if (line.startsWith("QUERY ")) {
				queries.add(line.substring("QUERY ".length()));
			}
		}
	}

	private static void loadPayments(BenchDatabase database, String prefix, int count, OffsetDateTime expiry,
			OffsetDateTime nextCheck, OffsetDateTime now) throws Exception {
		// In chunks: a million rows of CSV at once would not fit the benchmark's heap.
		for (int from = 0; from < count; from += LOAD_CHUNK) {
			database.copy("midtrans_payment", PAYMENT_COLUMNS,
					payments(prefix, from, Math.min(count, from + LOAD_CHUNK), expiry, nextCheck, now));
		}
	}

	/**
	 * Pending payments whose transaction the stand-in knows: a "pending" answer for one
	 * of them changes nothing.
	 */
	private static StringBuilder payments(String prefix, int from, int to, OffsetDateTime expiry,
			OffsetDateTime nextCheck, OffsetDateTime now) {
		StringBuilder csv = new StringBuilder((to - from) * 240);
		String created = now.minusHours(2).toString();
		for (int i = from; i < to; i++) {
			String orderId = String.format(Locale.ROOT, "%s-%07d", prefix, i);
			csv.append(orderId)
				.append(",bank_transfer,")
				.append(StatusServer.GROSS_AMOUNT)
				.append(",IDR,PENDING,pending,")
				.append(expiry)
				.append(",0,idem-")
				.append(orderId)
				.append(",0,")
				.append(nextCheck)
				.append(",0,")
				.append(created)
				.append(',')
				.append(created)
				.append(",tx-")
				.append(orderId)
				.append(',')
				.append(TRANSACTION_TIME)
				.append(",accept\n");
		}
		return csv;
	}

	private static StringBuilder invoices(int count, OffsetDateTime now) {
		StringBuilder csv = new StringBuilder(count * 200);
		String created = now.minusDays(40).toString();
		String due = now.minusDays(10).toString();
		for (int i = 0; i < count; i++) {
			String id = String.format(Locale.ROOT, "%07d", i);
			csv.append("INVORDER-")
				.append(id)
				.append(",INV-BENCH-")
				.append(id)
				.append(",idem-inv-")
				.append(id)
				.append(",PENDING,virtual_account,10000.00,")
				.append(created)
				.append(',')
				.append(due)
				.append(",0,0,")
				.append(created)
				.append(',')
				.append(created)
				.append('\n');
		}
		return csv;
	}

	private static void write(Report report, BenchDatabase database, long loadMillis, Map<String, long[]> jobs,
			List<String> queries, long statusCalls, long expireCalls, long settled, long expired, long overdue) {
		report.line("## 2. Periodic jobs at scale")
			.line("")
			.line("PostgreSQL (" + database.note() + "), rows bulk-loaded with COPY in " + loadMillis + " ms: "
					+ Stats.f0(PENDING) + " payments due for a status check, " + Stats.f0(STALE)
					+ " pending payments past expiry, " + Stats.f0(INVOICES) + " pending invoices past due."
					+ " A local stand-in for Midtrans answers every call after " + LATENCY.toMillis() + " ms."
					+ " The jobs run once each through `PaymentTaskService` in a Spring Boot application with the"
					+ " starter, in its own JVM with `-Xmx256m`; concurrency " + CONCURRENCY + " (`midtrans.tasks.<job>"
					+ ".concurrency` and `midtrans.tasks.pool-size`), pages of " + BATCH + " rows, " + CONCURRENCY
					+ " database connections. Statements: Hibernate statistics (JDBC"
					+ " statements prepared); peak heap: sum of the heap pools' peaks (an upper bound).")
			.line("")
			.line("| job | rows | took | ideal (rows x latency / concurrency) | took / ideal | peak heap | SQL statements | page queries | statements per row | end state |")
			.line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		long[] unchanged = jobs.get("checkPendingUnchanged");
		long[] changing = jobs.get("checkPendingPayments");
		row(report, "checkPendingPayments, answers pending (no row changes)", PENDING, unchanged, true,
				"first pass, nothing to apply");
		row(report, "checkPendingPayments, answers settlement (every row changes)", PENDING, changing, true,
				Stats.f0(settled) + " settled, " + Stats.f0(statusCalls) + " status calls in both passes");
		row(report, "expireStalePayments", STALE, jobs.get("expireStalePayments"), true,
				Stats.f0(expired) + " expired, " + Stats.f0(expireCalls) + " expire calls");
		row(report, "checkOverdueInvoices", INVOICES, jobs.get("checkOverdueInvoices"), false,
				Stats.f0(overdue) + " overdue");
		report.line("")
			.line("CPU time per row, as the operating system counts it while the job ran: the jobs application's"
					+ " JVM, PostgreSQL's processes (server and backends) and the benchmark's JVM (the stand-in for"
					+ " Midtrans); busy is all of it against the machine's "
					+ Runtime.getRuntime().availableProcessors() + " cores over the job's time.")
			.line("")
			.line("| job | rows | jobs application | PostgreSQL | stand-in | total | busy |")
			.line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
		cpuRow(report, "checkPendingPayments, answers pending (no row changes)", PENDING, unchanged);
		cpuRow(report, "checkPendingPayments, answers settlement (every row changes)", PENDING, changing);
		cpuRow(report, "expireStalePayments", STALE, jobs.get("expireStalePayments"));
		report.line("")
			.line("Queries run by each job (executions, then the query). Look-ups by order id read their result"
					+ " as a stream, which Hibernate's statistics do not count as executions; their statements are in"
					+ " the totals above.")
			.line("")
			.line("```");
		queries.forEach(report::line);
		report.line("```").line("");
		report
			.line("Statements per check leave out the page queries. They include what the event listeners the"
					+ " starter registers do on delivery (the invoice listener looks for an invoice only when the"
					+ " settlement's event says the payment may pay one, which none does here) and the completion of"
					+ " delivered events, recorded in batches of up to 100 (Hibernate's query statistics do not"
					+ " count those updates' executions).")
			.line("");
		perCheck(report, "a status check that changes no row", unchanged, 2);
		perCheck(report, "a status check that changes its row", changing, 3);
		perCheck(report, "an expiry", jobs.get("expireStalePayments"), 3);
		long[] overdueJob = jobs.get("checkOverdueInvoices");
		// One UPDATE for every invoice, plus its one event's row in the event outbox
		// (recorded with the update, marked delivered after it).
		report.target(
				"checkOverdueInvoices: one update for " + Stats.f0(INVOICES)
						+ " invoices, plus the insert and completion of its one event",
				"3 statements", overdueJob[3] + " statement(s), " + Stats.f0(overdue) + " overdue",
				overdueJob[3] <= 3 && overdue == INVOICES, overdueJob[3] + " statements");
		if (settled != PENDING || expired != STALE || overdue != INVOICES) {
			report.target("jobs: every row ends in the right state", "all", settled + "/" + expired + "/" + overdue,
					false, "rows left behind");
		}
	}

	/**
	 * A job's CPU time per row, from the values its application printed.
	 */
	private static void cpuRow(Report report, String job, int rows, long[] values) {
		long[] spent = (values.length >= 8) ? Arrays.copyOfRange(values, 5, 8) : new long[] { -1, -1, -1 };
		report
			.line("| " + job + " | " + Stats.f0(rows) + " | " + CpuTime.cells(spent, rows, values[1] / 1000.0) + " |");
	}

	private static void perCheck(Report report, String what, long[] values, int bound) {
		double perRow = (values[3] - values[4]) / (double) Math.max(1, values[0]);
		report.target("statements per " + what, "<= " + bound, Stats.f2(perRow), perRow <= bound,
				"over by " + Stats.f2(perRow - bound));
	}

	private static void row(Report report, String job, int rows, long[] values, boolean timed, String endState) {
		long result = values[0];
		long millis = values[1];
		long peak = values[2];
		long statements = values[3];
		long pages = values[4];
		double ideal = timed ? rows * (double) LATENCY.toMillis() / CONCURRENCY : Double.NaN;
		double ratio = millis / ideal;
		double perRow = (statements - pages) / (double) Math.max(1, result);
		report.line("| " + job + " | " + Stats.f0(rows) + " | " + Stats.f1(millis / 1000.0) + " s | "
				+ (timed ? Stats.f1(ideal / 1000.0) + " s" : "n/a") + " | " + (timed ? Stats.f2(ratio) + "x" : "n/a")
				+ " | " + Stats.f0(peak / 1048576.0) + " MiB | " + Stats.f0(statements) + " | " + Stats.f0(pages)
				+ " | " + (timed ? Stats.f1(perRow) : "n/a") + " | " + endState + " |");
		if (timed) {
			report.target(job + ": within 1.25x of ideal (" + Stats.f0(rows) + " rows)", "<= 1.25x",
					Stats.f2(ratio) + "x (" + Stats.f1(millis / 1000.0) + " s)", ratio <= 1.25,
					"missed by " + Stats.f2(ratio - 1.25) + "x (" + Stats.f0((ratio / 1.25 - 1) * 100)
							+ "% over the 1.25x bound)");
			long expectedPages = (rows + BATCH - 1) / BATCH + 2;
			report.target(job + ": list queries grow with pages, not rows", "<= " + expectedPages + " page queries",
					pages + " page queries for " + Stats.f0(rows) + " rows", pages <= expectedPages,
					(pages - expectedPages) + " extra queries");
		}
		report.target(job + ": heap under 256 MiB", "< 256 MiB", Stats.f0(peak / 1048576.0) + " MiB",
				peak < 256L * 1024 * 1024, "over by " + Stats.f0((peak - 256L * 1024 * 1024) / 1048576.0) + " MiB");
	}

}
