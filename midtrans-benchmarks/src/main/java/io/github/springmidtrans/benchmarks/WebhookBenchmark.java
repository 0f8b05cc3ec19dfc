package io.github.springmidtrans.benchmarks;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.springmidtrans.benchmarks.webhook.BaselineWebhookApp;
import io.github.springmidtrans.benchmarks.webhook.WebhookApp;
import io.github.springmidtrans.client.NotificationSignature;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Benchmark 3: webhook ingestion, the starter's endpoint against a hand-written one. A
 * Spring Boot application with the starter on PostgreSQL (by default {@link WebhookApp};
 * {@code bench.webhook.main} names another) and {@link BaselineWebhookApp} (a plain
 * servlet with JDBC, doing the same work with no framework) each run in their own JVM; 16
 * senders post signed notifications for existing pending payments over loopback, each
 * payment notified once (four in five settle, one in five expires), and every payment's
 * end state is checked in the database afterwards. Both confirm each notification with a
 * status read from a {@link StatusServer} stand-in for Midtrans. Runs go in pairs, the
 * hand-written endpoint then ours, {@code bench.webhook.pairs} of them, and the ratios of
 * each pair are reported with their medians, so they hold on a busy machine too. One more
 * run of ours without confirmation ({@code bench.webhook.unconfirmed}) is extra
 * information.
 */
final class WebhookBenchmark {

	static final int SENDERS = 16;

	static final int NOTIFICATIONS = Integer.getInteger("bench.webhook.notifications", 15_000);

	static final int WARMUP = Integer.getInteger("bench.webhook.warmup", 10_000);

	static final int PAIRS = Integer.getInteger("bench.webhook.pairs", 3);

	static final boolean UNCONFIRMED = Boolean.parseBoolean(System.getProperty("bench.webhook.unconfirmed", "true"));

	static final String SERVER_KEY = "SB-Mid-server-benchmark";

	/** How long the stand-in for Midtrans takes to answer a status read. */
	static final Duration STATUS_LATENCY = Duration.ofMillis(Long.getLong("bench.webhook.status-latency-ms", 0));

	/** Our notifications/s over the hand-written endpoint's must be at least this. */
	static final double RATE_RATIO_GOAL = 0.75;

	/** Our p99 over the hand-written endpoint's must be at most this. */
	static final double P99_RATIO_GOAL = 2.0;

	private static final MediaType JSON = MediaType.get("application/json");

	/**
	 * Notifications the application answered 500 (asking for a re-delivery), over the
	 * run.
	 */
	private static final AtomicInteger REDELIVERIES = new AtomicInteger();

	/** The endpoints measured. */
	enum Endpoint {

		/** The hand-written servlet. */
		BASELINE("hand-written servlet + JDBC", true),

		/** The starter's, with confirmation (its default). */
		STARTER("starter", true),

		/** The starter's without confirmation. */
		STARTER_UNCONFIRMED("starter, confirmation off", false);

		private final String label;

		private final boolean confirms;

		Endpoint(String label, boolean confirms) {
			this.label = label;
			this.confirms = confirms;
		}

	}

	private final Settings settings;

	private final String mainClass = System.getProperty("bench.webhook.main", WebhookApp.class.getName());

	private final String path = System.getProperty("bench.webhook.path", "/midtrans/notification");

	WebhookBenchmark(Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws Exception {
		List<Result[]> pairs = new ArrayList<>();
		for (int pair = 1; pair <= PAIRS; pair++) {
			Result baseline = measure(Endpoint.BASELINE, pair);
			Result ours = measure(Endpoint.STARTER, pair);
			System.out.println("[webhook] pair " + pair + ": " + Stats.f2(ours.rate() / baseline.rate())
					+ "x the hand-written endpoint's notifications/s, p99 " + Stats.f2(ours.p99() / baseline.p99())
					+ "x");
			pairs.add(new Result[] { baseline, ours });
		}
		Result unconfirmed = UNCONFIRMED ? measure(Endpoint.STARTER_UNCONFIRMED, 0) : null;
		write(report, pairs, unconfirmed);
	}

	private Result measure(Endpoint endpoint, int pair) throws Exception {
		BenchDatabase database = BenchDatabase.prepare(this.settings.postgresUrl());
		database.recreateTables();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		StringBuilder csv = new StringBuilder();
		String created = now.minusHours(1).toString();
		String expiry = now.plusDays(1).toString();
		for (String prefix : List.of("WARM", "HOOK")) {
			int count = "WARM".equals(prefix) ? WARMUP : NOTIFICATIONS;
			for (int i = 0; i < count; i++) {
				String orderId = orderId(prefix, i);
				csv.append(orderId)
					.append(",bank_transfer,10000.00,IDR,PENDING,pending,")
					.append(expiry)
					.append(",0,idem-")
					.append(orderId)
					.append(",0,")
					.append(expiry)
					.append(",0,")
					.append(created)
					.append(',')
					.append(created)
					.append('\n');
			}
		}
		database.copy("midtrans_payment",
				"order_id, payment_type, gross_amount, currency, status,"
						+ " transaction_status, expiry_time, refunded_amount, idempotency_key, attempts, next_check_at,"
						+ " version, created_at, updated_at",
				csv);
		database.execute("analyze midtrans_payment");
		int port = freePort();
		double seconds;
		long[] latencies;
		long statusReads;
		int redelivered;
		long[] before;
		long[] cpu;
		String name = switch (endpoint) {
			case BASELINE -> "webhook-baseline-" + pair;
			case STARTER -> "webhook-app-" + pair;
			case STARTER_UNCONFIRMED -> "webhook-app-unconfirmed";
		};
		try (StatusServer midtrans = new StatusServer(STATUS_LATENCY, SENDERS * 2,
				(orderId) -> expires(orderId) ? "expire" : "settlement")) {
			List<String> jvm = new ArrayList<>(List.of("-Xmx512m"));
			List<String> args;
			String main;
			if (endpoint == Endpoint.BASELINE) {
				main = BaselineWebhookApp.class.getName();
				args = List.of("--port=" + port, "--address=127.0.0.1", "--jdbc-url=" + database.url(),
						"--server-key=" + SERVER_KEY, "--base-url=" + midtrans.baseUrl(), "--path=" + this.path);
			}
			else {
				main = this.mainClass;
				args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
						"--spring.datasource.url=" + database.url(), "--spring.main.banner-mode=off",
						"--logging.level.io.github.springmidtrans=WARN", "--midtrans.server-key=" + SERVER_KEY,
						"--midtrans.base-url=" + midtrans.baseUrl(), "--midtrans.jdbc.initialize-schema=never",
						"--midtrans.webhook.confirm-with-status=" + endpoint.confirms));
				for (String job : List.of("check-pending-payments", "expire-stale-payments", "check-overdue-invoices",
						"sync-subscription-status")) {
					args.add("--midtrans.tasks." + job + ".cron=-");
				}
			}
			before = databaseWork(database);
			try (Child app = Child.start(name, this.settings.logs(), this.settings.classpath(), jvm, main,
					args.toArray(String[]::new))) {
				awaitPort(app, port, Duration.ofSeconds(120));
				String url = "http://127.0.0.1:" + port + this.path;
				OkHttpClient http = client();
				String label = "[webhook] " + endpoint.label + (pair > 0 ? " (pair " + pair + ")" : "") + ": ";
				System.out.println(label + "warming up with " + WARMUP + " notifications");
				send(http, url, bodies("WARM", WARMUP));
				List<byte[]> bodies = bodies("HOOK", NOTIFICATIONS);
				System.out.println(label + "sending " + NOTIFICATIONS + " notifications from " + SENDERS + " senders");
				long reads = midtrans.statusCalls();
				REDELIVERIES.set(0);
				long[] cpuBefore = cpu(app);
				long start = System.nanoTime();
				latencies = send(http, url, bodies);
				seconds = (System.nanoTime() - start) / 1e9;
				cpu = CpuTime.since(cpuBefore, cpu(app));
				statusReads = midtrans.statusCalls() - reads;
				redelivered = REDELIVERIES.get();
				http.connectionPool().evictAll();
				http.dispatcher().executorService().shutdown();
				System.out.println(label + Stats.f0(NOTIFICATIONS / seconds) + " notifications/s, p99 "
						+ Stats.f1(Stats.percentile(latencies, 99) / 1e6) + " ms");
			}
		}
		long[] work = databaseWork(database);
		for (int i = 0; i < work.length; i++) {
			work[i] -= before[i];
		}
		long settled = database.count("select count(*) from midtrans_payment where order_id like 'HOOK-%'"
				+ " and status = 'SETTLEMENT' and version > 0 and (cast(substring(order_id from 6) as integer) % 5) <> 0");
		long expired = database.count("select count(*) from midtrans_payment where order_id like 'HOOK-%'"
				+ " and status = 'EXPIRE' and version > 0 and (cast(substring(order_id from 6) as integer) % 5) = 0");
		long processed = database.count("select count(*) from midtrans_notification where order_id like 'HOOK-%'"
				+ " and outcome = 'PROCESSED'");
		return new Result(endpoint, pair, database.note(), seconds, latencies, settled, expired, processed, statusReads,
				redelivered, work, cpu);
	}

	/**
	 * CPU time so far of the endpoint's JVM, of PostgreSQL's processes and of this JVM
	 * (the senders and the stand-in for Midtrans), in nanoseconds; -1 where unknown.
	 */
	private static long[] cpu(Child app) {
		return new long[] { CpuTime.of(app.handle()), CpuTime.postgres(), CpuTime.own() };
	}

	/**
	 * The database's counters of committed transactions, rows inserted and rows updated,
	 * once every application connection has closed (a closing backend reports its
	 * figures), so that the difference over a run is the application's work.
	 */
	private static long[] databaseWork(BenchDatabase database) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (database.count("select numbackends from pg_stat_database where datname = current_database()") > 1
				&& System.nanoTime() < deadline) {
			Thread.sleep(100);
		}
		return new long[] {
				database.count("select xact_commit from pg_stat_database where datname = current_database()"),
				database.count("select tup_inserted from pg_stat_database where datname = current_database()"),
				database.count("select tup_updated from pg_stat_database where datname = current_database()") };
	}

	private static boolean expires(String orderId) {
		return Integer.parseInt(orderId.substring(orderId.indexOf('-') + 1)) % 5 == 0;
	}

	private static String orderId(String prefix, int i) {
		return String.format(Locale.ROOT, "%s-%07d", prefix, i);
	}

	/**
	 * Signed notification bodies, one per payment: every fifth expires, the rest settle.
	 */
	private static List<byte[]> bodies(String prefix, int count) {
		List<byte[]> bodies = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			String orderId = orderId(prefix, i);
			boolean expire = i % 5 == 0;
			String statusCode = expire ? "407" : "200";
			String gross = "10000.00";
			String signature = NotificationSignature.compute(orderId, statusCode, gross, SERVER_KEY);
			String body = "{\"transaction_time\":\"2026-11-24 10:00:00\",\"transaction_status\":\""
					+ (expire ? "expire" : "settlement") + "\",\"transaction_id\":\"tx-" + orderId
					+ "\",\"status_message\":\"midtrans payment notification\",\"status_code\":\"" + statusCode
					+ "\",\"signature_key\":\"" + signature + "\""
					+ (expire ? "" : ",\"settlement_time\":\"2026-11-24 10:05:00\"")
					+ ",\"payment_type\":\"bank_transfer\",\"order_id\":\"" + orderId
					+ "\",\"merchant_id\":\"G000000000\",\"gross_amount\":\"" + gross
					+ "\",\"fraud_status\":\"accept\",\"currency\":\"IDR\",\"va_numbers\":[{\"va_number\":\"12345678901\",\"bank\":\"bca\"}]}";
			bodies.add(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
		}
		return bodies;
	}

	private static OkHttpClient client() {
		Dispatcher dispatcher = new Dispatcher();
		dispatcher.setMaxRequests(SENDERS * 2);
		dispatcher.setMaxRequestsPerHost(SENDERS * 2);
		return new OkHttpClient.Builder().dispatcher(dispatcher)
			.connectionPool(new ConnectionPool(SENDERS * 2, 5, TimeUnit.MINUTES))
			.readTimeout(Duration.ofSeconds(30))
			.build();
	}

	/**
	 * Post every body once from {@link #SENDERS} threads.
	 * @return each call's latency in nanoseconds, sorted
	 */
	private static long[] send(OkHttpClient http, String url, List<byte[]> bodies) throws InterruptedException {
		long[] latencies = new long[bodies.size()];
		AtomicInteger next = new AtomicInteger();
		AtomicReference<String> failure = new AtomicReference<>();
		List<Thread> senders = new ArrayList<>();
		for (int s = 0; s < SENDERS; s++) {
			Thread sender = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < bodies.size()
						&& failure.get() == null; i = next.getAndIncrement()) {
					Request request = new Request.Builder().url(url)
						.post(RequestBody.create(bodies.get(i), JSON))
						.build();
					long start = System.nanoTime();
					// A 500 asks for a re-delivery, as Midtrans would make: sent again at
					// once,
					// up to three times, and counted.
					for (int attempt = 0; attempt < 4; attempt++) {
						try (Response response = http.newCall(request).execute()) {
							String answer = response.body().string();
							latencies[i] = System.nanoTime() - start;
							if (response.code() == 500 && attempt < 3) {
								REDELIVERIES.incrementAndGet();
								continue;
							}
							if (response.code() != 200) {
								failure.compareAndSet(null, "HTTP " + response.code() + ": " + answer);
							}
							break;
						}
						catch (IOException ex) {
							failure.compareAndSet(null, ex.toString());
							break;
						}
					}
				}
			}, "sender-" + s);
			senders.add(sender);
			sender.start();
		}
		for (Thread sender : senders) {
			sender.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A notification was refused: " + failure.get());
		}
		Arrays.sort(latencies);
		return latencies;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static void awaitPort(Child app, int port, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
				return;
			}
			catch (IOException ex) {
				Thread.sleep(250);
			}
		}
		throw new IllegalStateException(
				"The webhook application did not open port " + port + "; last output:\n" + app.tail());
	}

	private void write(Report report, List<Result[]> pairs, Result unconfirmed) {
		Result first = pairs.get(0)[1];
		report.line("## 3. Webhook ingestion")
			.line("")
			.line("Two endpoints, each in its own JVM (-Xmx512m) on PostgreSQL " + first.database() + ": `"
					+ this.mainClass + "` (Spring Boot, the starter's notification servlet at `" + this.path
					+ "`, default connection pool) and `" + BaselineWebhookApp.class.getSimpleName()
					+ "`, a hand-written plain servlet in embedded Tomcat doing the same work with no framework"
					+ " (JDBC through a HikariCP pool of 10, one shared OkHttp client, Jackson: signature check,"
					+ " audit insert, status read, then one transaction locking the payment with `select ... for"
					+ " update`, updating it with a version bump and completing the audit row). " + SENDERS
					+ " senders post signed notifications (SHA-512 signature, checked by the endpoint) over"
					+ " loopback, one per existing pending payment: four in five settle it, one in five expires it."
					+ " Both confirm each notification with a status read from a local stand-in for Midtrans,"
					+ " which answers after " + STATUS_LATENCY.toMillis() + " ms, and apply that answer. "
					+ Stats.f0(WARMUP) + " notifications of warm-up first, then " + Stats.f0(NOTIFICATIONS)
					+ " measured, in " + pairs.size() + " pairs of runs (the hand-written endpoint, then ours);"
					+ " the ratios are per pair, their medians decide the targets. Commits, rows inserted and rows"
					+ " updated per notification come from PostgreSQL's counters of the database over the"
					+ " application's whole life (start-up, warm-up and measured notifications), divided by the"
					+ " notifications sent.")
			.line("")
			.line("| pair | endpoint | notifications | took | notifications/s | p50 | p99 | max | status reads"
					+ " | re-deliveries | commits / inserts / updates per notification | end state |")
			.line("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		List<Result> all = new ArrayList<>();
		for (Result[] pair : pairs) {
			all.addAll(List.of(pair));
		}
		if (unconfirmed != null) {
			all.add(unconfirmed);
		}
		for (Result result : all) {
			report.line("| " + (result.pair() > 0 ? result.pair() : "-") + " | " + result.endpoint().label + " | "
					+ Stats.f0(NOTIFICATIONS) + " | " + Stats.f1(result.seconds()) + " s | " + Stats.f0(result.rate())
					+ " | " + Stats.f1(result.p50()) + " ms | " + Stats.f1(result.p99()) + " ms | "
					+ Stats.f1(result.latencies()[result.latencies().length - 1] / 1e6) + " ms | "
					+ Stats.f0(result.statusReads()) + " | " + result.redelivered() + " | " + result.perNotification()
					+ " | " + Stats.f0(result.settled()) + " settled, " + Stats.f0(result.expired()) + " expired, "
					+ Stats.f0(result.processed()) + " recorded as processed"
					+ (result.right() ? " (all as sent)" : " (**not all as sent**)") + " |");
		}
		report.line("")
			.line("CPU time per measured notification, as the operating system counts it over the measured"
					+ " notifications: the endpoint's JVM, PostgreSQL's processes (server and backends), and the"
					+ " benchmark's JVM (the " + SENDERS + " senders and the stand-in for Midtrans); busy is all"
					+ " of it against the machine's " + Runtime.getRuntime().availableProcessors()
					+ " cores over the run's time.")
			.line("")
			.line("| pair | endpoint | endpoint JVM | PostgreSQL | senders and stand-in | total | busy |")
			.line("| ---: | --- | ---: | ---: | ---: | ---: | ---: |");
		for (Result result : all) {
			report.line("| " + (result.pair() > 0 ? result.pair() : "-") + " | " + result.endpoint().label + " | "
					+ CpuTime.cells(result.cpu(), NOTIFICATIONS, result.seconds()) + " |");
		}
		double[] rateRatios = pairs.stream().mapToDouble((pair) -> pair[1].rate() / pair[0].rate()).toArray();
		double[] p99Ratios = pairs.stream().mapToDouble((pair) -> pair[1].p99() / pair[0].p99()).toArray();
		double[] ourRates = pairs.stream().mapToDouble((pair) -> pair[1].rate()).toArray();
		double[] ourP99s = pairs.stream().mapToDouble((pair) -> pair[1].p99()).toArray();
		double[] baseRates = pairs.stream().mapToDouble((pair) -> pair[0].rate()).toArray();
		double[] baseP99s = pairs.stream().mapToDouble((pair) -> pair[0].p99()).toArray();
		report.line("").line("| pair | ours / hand-written, notifications/s | ours / hand-written, p99 |");
		report.line("| ---: | ---: | ---: |");
		for (int i = 0; i < pairs.size(); i++) {
			report.line("| " + (i + 1) + " | " + Stats.f2(rateRatios[i]) + "x | " + Stats.f2(p99Ratios[i]) + "x |");
		}
		double rateRatio = Stats.median(rateRatios);
		double p99Ratio = Stats.median(p99Ratios);
		report.line("| median | " + Stats.f2(rateRatio) + "x | " + Stats.f2(p99Ratio) + "x |").line("");
		if (unconfirmed != null) {
			report.line("Ours without confirmation (`midtrans.webhook.confirm-with-status=false`, the body applied): "
					+ Stats.f0(unconfirmed.rate()) + " notifications/s, p99 " + Stats.f1(unconfirmed.p99()) + " ms.")
				.line("");
		}
		String ratios = " (pairs: " + join(rateRatios) + "; ours " + Stats.f0(Stats.median(ourRates))
				+ "/s, hand-written " + Stats.f0(Stats.median(baseRates)) + "/s)";
		report.target("webhook: notifications/s against the hand-written endpoint", ">= " + RATE_RATIO_GOAL + "x",
				Stats.f2(rateRatio) + "x" + ratios, rateRatio >= RATE_RATIO_GOAL,
				"short by " + Stats.f2(RATE_RATIO_GOAL - rateRatio) + "x");
		report.target("webhook: p99 against the hand-written endpoint", "<= " + Stats.f1(P99_RATIO_GOAL) + "x",
				Stats.f2(p99Ratio) + "x (pairs: " + join(p99Ratios) + "; ours " + Stats.f1(Stats.median(ourP99s))
						+ " ms, hand-written " + Stats.f1(Stats.median(baseP99s)) + " ms)",
				p99Ratio <= P99_RATIO_GOAL, "over by " + Stats.f2(p99Ratio - P99_RATIO_GOAL) + "x");
		double rate = Stats.median(ourRates);
		report.target("webhook: 1,000 confirmed notifications/s", ">= 1,000/s",
				Stats.f0(rate) + "/s (median of " + pairs.size() + " runs)", rate >= 1000,
				"missed by " + Stats.f0(1000 - rate) + "/s (" + Stats.f0(rate / 10) + "% of the target)");
		long wrong = all.stream().filter((result) -> !result.right()).count();
		report.target("webhook: every payment in the right state", "all " + Stats.f0(NOTIFICATIONS) + ", every run",
				(all.size() - wrong) + " of " + all.size() + " runs all as sent", wrong == 0,
				wrong + " runs left payments not as sent");
	}

	private static String join(double[] ratios) {
		StringBuilder joined = new StringBuilder();
		for (double ratio : ratios) {
			joined.append(joined.isEmpty() ? "" : ", ").append(Stats.f2(ratio)).append('x');
		}
		return joined.toString();
	}

	/** One measured run. */
	private record Result(Endpoint endpoint, int pair, String database, double seconds, long[] latencies, long settled,
			long expired, long processed, long statusReads, int redelivered, long[] work, long[] cpu) {

		/** Committed transactions, rows inserted and rows updated per notification. */
		String perNotification() {
			double sent = WARMUP + NOTIFICATIONS;
			return Stats.f1(this.work[0] / sent) + " / " + Stats.f1(this.work[1] / sent) + " / "
					+ Stats.f1(this.work[2] / sent);
		}

		double rate() {
			return NOTIFICATIONS / this.seconds;
		}

		double p50() {
			return Stats.percentile(this.latencies, 50) / 1e6;
		}

		double p99() {
			return Stats.percentile(this.latencies, 99) / 1e6;
		}

		/**
		 * Whether every payment ended as sent, each notification was recorded as
		 * processed and, with confirmation, read back once.
		 */
		boolean right() {
			long expectedExpired = (NOTIFICATIONS + 4) / 5;
			return this.settled == NOTIFICATIONS - expectedExpired && this.expired == expectedExpired
					&& this.processed == NOTIFICATIONS
					&& (!this.endpoint.confirms || this.statusReads == NOTIFICATIONS);
		}

	}

}
