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
 * Benchmark 3: webhook ingestion. A Spring Boot application with the starter on
 * PostgreSQL (by default {@link WebhookApp}; {@code bench.webhook.main} names another)
 * runs in its own JVM; 16 senders post signed notifications for existing pending payments
 * over loopback, each payment notified once (four in five settle, one in five expires),
 * and every payment's end state is checked in the database afterwards. Run twice: without
 * confirmation (the body applied), then with it (each notification read back from a
 * {@link StatusServer} stand-in for Midtrans), the first the second's baseline.
 */
final class WebhookBenchmark {

	static final int SENDERS = 16;

	static final int NOTIFICATIONS = Integer.getInteger("bench.webhook.notifications", 30_000);

	static final int WARMUP = Integer.getInteger("bench.webhook.warmup", 8_000);

	static final String SERVER_KEY = "SB-Mid-server-benchmark";

	/** How long the stand-in for Midtrans takes to answer a status read. */
	static final Duration STATUS_LATENCY = Duration.ofMillis(Long.getLong("bench.webhook.status-latency-ms", 0));

	private static final MediaType JSON = MediaType.get("application/json");

	/**
	 * Notifications the application answered 500 (asking for a re-delivery), over the
	 * run.
	 */
	private static final AtomicInteger REDELIVERIES = new AtomicInteger();

	private final Settings settings;

	private final String mainClass = System.getProperty("bench.webhook.main", WebhookApp.class.getName());

	private final String path = System.getProperty("bench.webhook.path", "/midtrans/notification");

	WebhookBenchmark(Settings settings) {
		this.settings = settings;
	}

	void run(Report report) throws Exception {
		// Without confirmation first (the body applied: what the starter did by default
		// before), then with it (a status read per notification from the stand-in): both
		// measured in this run, so their ratio holds on a busy machine too.
		Result bodies = measure(false);
		Result confirmed = measure(true);
		write(report, bodies, confirmed);
	}

	private Result measure(boolean confirm) throws Exception {
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
		try (StatusServer midtrans = new StatusServer(STATUS_LATENCY, SENDERS * 2,
				(orderId) -> expires(orderId) ? "expire" : "settlement")) {
			List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--server.address=127.0.0.1",
					"--spring.datasource.url=" + database.url(), "--spring.main.banner-mode=off",
					"--logging.level.io.github.springmidtrans=WARN", "--midtrans.server-key=" + SERVER_KEY,
					"--midtrans.base-url=" + midtrans.baseUrl(), "--midtrans.jdbc.initialize-schema=never",
					"--midtrans.webhook.confirm-with-status=" + confirm));
			for (String job : List.of("check-pending-payments", "expire-stale-payments", "check-overdue-invoices",
					"sync-subscription-status")) {
				args.add("--midtrans.tasks." + job + ".cron=-");
			}
			try (Child app = Child.start("webhook-app" + (confirm ? "-confirmed" : ""), this.settings.logs(),
					this.settings.classpath(), List.of("-Xmx512m"), this.mainClass, args.toArray(String[]::new))) {
				awaitPort(app, port, Duration.ofSeconds(120));
				String url = "http://127.0.0.1:" + port + this.path;
				OkHttpClient http = client();
				System.out.println(
						"[webhook] " + (confirm ? "confirmed: " : "") + "warming up with " + WARMUP + " notifications");
				send(http, url, bodies("WARM", WARMUP));
				List<byte[]> bodies = bodies("HOOK", NOTIFICATIONS);
				System.out.println("[webhook] " + (confirm ? "confirmed: " : "") + "sending " + NOTIFICATIONS
						+ " notifications from " + SENDERS + " senders");
				long before = midtrans.statusCalls();
				REDELIVERIES.set(0);
				long start = System.nanoTime();
				latencies = send(http, url, bodies);
				seconds = (System.nanoTime() - start) / 1e9;
				statusReads = midtrans.statusCalls() - before;
				redelivered = REDELIVERIES.get();
				http.connectionPool().evictAll();
				http.dispatcher().executorService().shutdown();
			}
		}
		long settled = database.count("select count(*) from midtrans_payment where order_id like 'HOOK-%'"
				+ " and status = 'SETTLEMENT' and (cast(substring(order_id from 6) as integer) % 5) <> 0");
		long expired = database.count("select count(*) from midtrans_payment where order_id like 'HOOK-%'"
				+ " and status = 'EXPIRE' and (cast(substring(order_id from 6) as integer) % 5) = 0");
		long processed = database.count("select count(*) from midtrans_notification where order_id like 'HOOK-%'"
				+ " and outcome = 'PROCESSED'");
		return new Result(confirm, database.note(), seconds, latencies, settled, expired, processed, statusReads,
				redelivered);
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

	private void write(Report report, Result bodies, Result confirmed) {
		report.line("## 3. Webhook ingestion")
			.line("")
			.line("`" + this.mainClass + "` (Spring Boot, the starter's notification servlet at `" + this.path
					+ "`, PostgreSQL " + confirmed.database() + ", default connection pool) in its own JVM (-Xmx512m). "
					+ SENDERS + " senders post signed notifications (SHA-512 signature, checked by the endpoint) over"
					+ " loopback, one per existing pending payment: four in five settle it, one in five expires it."
					+ " " + Stats.f0(WARMUP) + " notifications of warm-up first, then " + Stats.f0(NOTIFICATIONS)
					+ " measured. Run twice: with `midtrans.webhook.confirm-with-status=false` (the body is"
					+ " applied) and with the default `true` (each notification is read back from a local stand-in"
					+ " for Midtrans, which answers after " + STATUS_LATENCY.toMillis() + " ms, and that answer is"
					+ " applied).")
			.line("")
			.line("| confirmation | notifications | took | verified notifications/s | p50 | p99 | max | status reads"
					+ " | re-deliveries | end state |")
			.line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		for (Result result : List.of(bodies, confirmed)) {
			report.line("| " + (result.confirm() ? "on (default)" : "off") + " | " + Stats.f0(NOTIFICATIONS) + " | "
					+ Stats.f1(result.seconds()) + " s | " + Stats.f0(result.rate()) + " | " + Stats.f1(result.p50())
					+ " ms | " + Stats.f1(result.p99()) + " ms | "
					+ Stats.f1(result.latencies()[result.latencies().length - 1] / 1e6) + " ms | "
					+ Stats.f0(result.statusReads()) + " | " + result.redelivered() + " | " + Stats.f0(result.settled())
					+ " settled, " + Stats.f0(result.expired()) + " expired, " + Stats.f0(result.processed())
					+ " recorded as processed" + (result.right() ? " (all as sent)" : " (**not all as sent**)") + " |");
		}
		report.line("")
			.line("With confirmation: " + Stats.f2(confirmed.rate() / bodies.rate())
					+ "x the notifications/s of the run without it, p99 " + Stats.f2(confirmed.p99() / bodies.p99())
					+ "x.")
			.line("");
		double rate = confirmed.rate();
		report.target("webhook: 1,000 confirmed notifications/s", ">= 1,000/s",
				Stats.f0(rate) + "/s (p50 " + Stats.f1(confirmed.p50()) + " ms, p99 " + Stats.f1(confirmed.p99())
						+ " ms; without confirmation " + Stats.f0(bodies.rate()) + "/s)",
				rate >= 1000, "missed by " + Stats.f0(1000 - rate) + "/s (" + Stats.f0(rate / 10) + "% of the target)");
		report.target("webhook: every payment in the right state", "all " + Stats.f0(NOTIFICATIONS) + ", both runs",
				Stats.f0(confirmed.settled() + confirmed.expired()) + " (" + Stats.f0(confirmed.processed())
						+ " processed)",
				bodies.right() && confirmed.right(), "payments not as sent");
	}

	/** One measured run. */
	private record Result(boolean confirm, String database, double seconds, long[] latencies, long settled,
			long expired, long processed, long statusReads, int redelivered) {

		double rate() {
			return NOTIFICATIONS / this.seconds;
		}

		double p50() {
			return Stats.percentile(this.latencies, 50) / 1e6;
		}

		double p99() {
			return Stats.percentile(this.latencies, 99) / 1e6;
		}

		boolean right() {
			long expectedExpired = (NOTIFICATIONS + 4) / 5;
			return this.settled == NOTIFICATIONS - expectedExpired && this.expired == expectedExpired
					&& this.processed == NOTIFICATIONS;
		}

	}

}
