package io.github.springmidtrans.benchmarks;

import java.util.LinkedHashMap;
import java.util.Map;

import com.midtrans.Config;
import com.midtrans.httpclient.CoreApi;
import com.midtrans.httpclient.TransactionApi;
import io.github.springmidtrans.test.BenchmarkHttpsServer;
import org.json.JSONObject;

/**
 * The client benchmark's load for the official Midtrans Java SDK 3.1.6, run in a child
 * JVM on the SDK's own class path (its OkHttp 3 cannot share one with OkHttp 5), plus
 * this module's classes for {@link LoadLoop}. The SDK always calls
 * {@code https://api.sandbox.midtrans.com/}; the JVM's {@code https.proxyHost} and trust
 * store lead it to {@code BenchmarkHttpsServer}.
 *
 * <p>
 * The SDK is given its fastest settings: logging off (its sandbox default logs every
 * request and response), and no idle connections kept (it builds a new connection pool
 * for every call, so a kept connection would never be reused, only left open).
 */
public final class OfficialSdkLoad {

	private OfficialSdkLoad() {
	}

	public static void main(String[] args) throws Exception {
		Config config = new Config(ClientLoad.SERVER_KEY, "SB-Mid-client-benchmark", false);
		config.setEnabledLog(false);
		config.setMaxConnectionPool(0);
		Map<String, Object> charge = new LinkedHashMap<>();
		charge.put("payment_type", "bank_transfer");
		charge.put("transaction_details", Map.of("order_id", BenchmarkHttpsServer.ORDER_ID, "gross_amount", 150000));
		charge.put("bank_transfer", Map.of("bank", "bca"));
		LoadLoop loop = new LoadLoop();
		String name = "official-sdk";
		LoadLoop.Call status = () -> check(TransactionApi.checkTransaction(BenchmarkHttpsServer.ORDER_ID, config));
		LoadLoop.Call chargeCall = () -> check(CoreApi.chargeTransaction(charge, config));
		loop.warmUp(8, status);
		loop.warmUp(8, chargeCall);
		for (int threads : new int[] { 1, 8 }) {
			loop.measure(name, "status", threads, status);
			loop.measure(name, "charge", threads, chargeCall);
		}
		System.exit(0);
	}

	private static void check(JSONObject answer) {
		if (!BenchmarkHttpsServer.ORDER_ID.equals(answer.getString("order_id"))) {
			throw new IllegalStateException("Unexpected answer " + answer);
		}
	}

}
