package io.github.springmidtrans.benchmarks;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.test.BenchmarkHttpsServer;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.EventListener;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The client benchmark's load for {@link MidtransClient} ({@code midtrans-client}) and
 * for raw OkHttp 5 with one shared client ({@code okhttp}, the transport's limit), run in
 * a child JVM whose {@code https.proxyHost} and trust store lead to
 * {@code BenchmarkHttpsServer}. Both call {@code https://api.sandbox.midtrans.com/}.
 * Argument: the client's name; then 1 and 8 threads of status checks and of charges. Both
 * count the connections they open through an OkHttp {@link EventListener}; for
 * {@code MidtransClient} it is added to a copy of its own default HTTP client, so the
 * client is measured with its default settings.
 */
public final class ClientLoad {

	static final String SERVER_KEY = "SB-Mid-server-benchmark";

	static final String CHARGE_JSON = "{\"payment_type\":\"bank_transfer\",\"transaction_details\":{\"order_id\":\""
			+ BenchmarkHttpsServer.ORDER_ID + "\",\"gross_amount\":150000},\"bank_transfer\":{\"bank\":\"bca\"}}";

	private ClientLoad() {
	}

	public static void main(String[] args) throws Exception {
		String name = args[0];
		LoadLoop loop = new LoadLoop();
		LoadLoop.Call status;
		LoadLoop.Call charge;
		ConnectionCounter connections = new ConnectionCounter();
		if ("midtrans-client".equals(name)) {
			MidtransClient defaults = MidtransClient.builder()
				.serverKey(SERVER_KEY)
				.environment(MidtransEnvironment.SANDBOX)
				.build();
			MidtransClient client = defaults.newBuilder()
				.httpClient(defaults.httpClient().newBuilder().eventListener(connections).build())
				.build();
			ChargeRequest request = ChargeRequest.bankTransfer(BenchmarkHttpsServer.ORDER_ID, 150000, Bank.BCA).build();
			status = () -> check(client.status(BenchmarkHttpsServer.ORDER_ID));
			charge = () -> check(client.charge(request));
		}
		else if ("okhttp".equals(name)) {
			// The same connection pool as MidtransClient's default.
			OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
				.eventListener(connections)
				.build();
			String authorization = "Basic "
					+ Base64.getEncoder().encodeToString((SERVER_KEY + ":").getBytes(StandardCharsets.UTF_8));
			Request statusRequest = new Request.Builder()
				.url("https://api.sandbox.midtrans.com/v2/" + BenchmarkHttpsServer.ORDER_ID + "/status")
				.header("Authorization", authorization)
				.header("Accept", "application/json")
				.build();
			Request chargeRequest = new Request.Builder().url("https://api.sandbox.midtrans.com/v2/charge")
				.header("Authorization", authorization)
				.header("Accept", "application/json")
				.post(RequestBody.create(CHARGE_JSON, MediaType.get("application/json")))
				.build();
			status = () -> read(http, statusRequest);
			charge = () -> read(http, chargeRequest);
		}
		else {
			throw new IllegalArgumentException("Unknown client " + name);
		}
		loop.warmUp(8, status);
		loop.warmUp(8, charge);
		for (int threads : new int[] { 1, 8 }) {
			loop.measure(name, "status", threads, status, connections::opened);
			loop.measure(name, "charge", threads, charge, connections::opened);
		}
		System.exit(0);
	}

	/** Counts the connections a client starts to open. */
	private static final class ConnectionCounter extends EventListener {

		private final AtomicLong started = new AtomicLong();

		@Override
		public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
			this.started.incrementAndGet();
		}

		long opened() {
			return this.started.get();
		}

	}

	private static void check(TransactionResponse response) {
		if (!BenchmarkHttpsServer.ORDER_ID.equals(response.orderId())) {
			throw new IllegalStateException("Unexpected answer " + response.orderId());
		}
	}

	private static void read(OkHttpClient http, Request request) throws Exception {
		try (Response response = http.newCall(request).execute()) {
			String body = response.body().string();
			if (!response.isSuccessful() || body.isEmpty()) {
				throw new IllegalStateException("HTTP " + response.code());
			}
		}
	}

}
