package io.github.springmidtrans.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.test.BenchmarkHttpsServer;
import okhttp3.ConnectionPool;
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
 * Argument: the client's name; then 1 and 8 threads of status checks and of charges.
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
		if ("midtrans-client".equals(name)) {
			MidtransClient client = MidtransClient.builder()
				.serverKey(SERVER_KEY)
				.environment(MidtransEnvironment.SANDBOX)
				.build();
			ChargeRequest request = ChargeRequest.bankTransfer(BenchmarkHttpsServer.ORDER_ID, 150000, Bank.BCA).build();
			status = () -> check(client.status(BenchmarkHttpsServer.ORDER_ID));
			charge = () -> check(client.charge(request));
		}
		else if ("okhttp".equals(name)) {
			// The same connection pool as MidtransClient's default.
			OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
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
			loop.measure(name, "status", threads, status);
			loop.measure(name, "charge", threads, charge);
		}
		System.exit(0);
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
