package io.github.springmidtrans.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A lightweight stand-in for Midtrans in the jobs benchmark: answers every status check
 * with "settlement" and every expire with "expire", for the order id in the path, after a
 * fixed latency. Sleeping threads, so concurrency, not CPU, sets its throughput.
 */
final class StatusServer implements AutoCloseable {

	static final String GROSS_AMOUNT = "10000.00";

	private final HttpServer server;

	private final ExecutorService threads;

	private final Duration latency;

	private final AtomicLong statusCalls = new AtomicLong();

	private final AtomicLong expireCalls = new AtomicLong();

	private final Function<String, String> statusOf;

	StatusServer(Duration latency, int threads) throws IOException {
		this(latency, threads, (orderId) -> "settlement");
	}

	/**
	 * A stand-in whose status answers say what {@code statusOf} gives for the order id
	 * ({@code settlement} or {@code expire}).
	 */
	StatusServer(Duration latency, int threads, Function<String, String> statusOf) throws IOException {
		this.statusOf = statusOf;
		// The JDK server delays small writes (Nagle) unless told otherwise.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		this.latency = latency;
		this.threads = Executors.newFixedThreadPool(threads);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	long statusCalls() {
		return this.statusCalls.get();
	}

	long expireCalls() {
		return this.expireCalls.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getRawPath();
			String[] parts = path.split("/");
			// /v2/{order_id}/status or /v2/{order_id}/expire
			if (parts.length != 4 || !"v2".equals(parts[1])) {
				respond(exchange, 404, "{\"status_code\":\"404\",\"status_message\":\"Not found\"}");
				return;
			}
			String orderId = parts[2];
			if (!this.latency.isZero()) {
				TimeUnit.NANOSECONDS.sleep(this.latency.toNanos());
			}
			if ("status".equals(parts[3]) && "GET".equals(exchange.getRequestMethod())) {
				this.statusCalls.incrementAndGet();
				String status = this.statusOf.apply(orderId);
				boolean expired = "expire".equals(status);
				respond(exchange, 200, body(orderId, expired ? "407" : "200",
						expired ? "Success, transaction is expired" : "Success, transaction is found", status));
			}
			else if ("expire".equals(parts[3]) && "POST".equals(exchange.getRequestMethod())) {
				this.expireCalls.incrementAndGet();
				respond(exchange, 200, body(orderId, "407", "Success, transaction is expired", "expire"));
			}
			else {
				respond(exchange, 404, "{\"status_code\":\"404\",\"status_message\":\"Not found\"}");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String body(String orderId, String statusCode, String message, String transactionStatus) {
		String settlement = "settlement".equals(transactionStatus) ? ",\"settlement_time\":\"2026-11-24 10:05:00\""
				: "";
		return "{\"status_code\":\"" + statusCode + "\",\"status_message\":\"" + message + "\",\"transaction_id\":\"tx-"
				+ orderId + "\",\"order_id\":\"" + orderId + "\",\"gross_amount\":\"" + GROSS_AMOUNT
				+ "\",\"currency\":\"IDR\",\"payment_type\":\"bank_transfer\","
				+ "\"transaction_time\":\"2026-11-24 10:00:00\",\"transaction_status\":\"" + transactionStatus
				+ "\",\"fraud_status\":\"accept\"" + settlement + "}";
	}

	private static void respond(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
