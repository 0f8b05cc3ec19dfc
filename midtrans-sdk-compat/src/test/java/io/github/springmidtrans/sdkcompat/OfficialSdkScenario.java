package io.github.springmidtrans.sdkcompat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import com.midtrans.Config;
import com.midtrans.httpclient.CoreApi;
import com.midtrans.httpclient.TransactionApi;
import com.midtrans.httpclient.error.MidtransError;
import org.json.JSONObject;

/**
 * A payment flow written against the unmodified official Midtrans Java SDK, run by
 * {@link OfficialSdkCompatibilityTests} in its own JVM (the SDK's OkHttp 3 cannot share a
 * class path with the simulator's OkHttp 5). The SDK always calls
 * {@code https://api.sandbox.midtrans.com/}; the JVM's {@code https.proxyHost} and trust
 * store send it to the simulator.
 *
 * <p>
 * Arguments: the simulator's plain base URL (for its control endpoints), the server key,
 * a prefix for order ids. Each step prints one line {@code RESULT <step> <json>} on
 * standard output; anything else the SDK prints is noise for the test.
 */
public final class OfficialSdkScenario {

	private OfficialSdkScenario() {
	}

	public static void main(String[] args) throws Exception {
		String simulator = args[0];
		Config config = new Config(args[1], "SB-Mid-client-compat", false);
		String bankOrder = args[2] + "-BCA";
		String gopayOrder = args[2] + "-GOPAY";

		Map<String, Object> bankCharge = new LinkedHashMap<>();
		bankCharge.put("payment_type", "bank_transfer");
		bankCharge.put("transaction_details", Map.of("order_id", bankOrder, "gross_amount", 150000));
		bankCharge.put("bank_transfer", Map.of("bank", "bca"));
		bankCharge.put("customer_details", Map.of("first_name", "Sari", "email", "sari@example.com"));
		result("bank-charge", CoreApi.chargeTransaction(bankCharge, config));
		result("bank-status-pending", TransactionApi.checkTransaction(bankOrder, config));
		control(simulator, "transactions/" + bankOrder + "/pay");
		result("bank-status-paid", TransactionApi.checkTransaction(bankOrder, config));

		Map<String, Object> gopayCharge = new LinkedHashMap<>();
		gopayCharge.put("payment_type", "gopay");
		gopayCharge.put("transaction_details", Map.of("order_id", gopayOrder, "gross_amount", 80000));
		gopayCharge.put("gopay", Map.of("enable_callback", true, "callback_url", "https://shop.example/done"));
		result("gopay-charge", CoreApi.chargeTransaction(gopayCharge, config));
		control(simulator, "transactions/" + gopayOrder + "/pay");
		Map<String, String> refund = new LinkedHashMap<>();
		refund.put("refund_key", gopayOrder + "-R1");
		refund.put("amount", "30000");
		refund.put("reason", "One item out of stock");
		result("gopay-refund", TransactionApi.refundTransaction(gopayOrder, refund, config));
		result("gopay-status-refunded", TransactionApi.checkTransaction(gopayOrder, config));

		try {
			TransactionApi.checkTransaction(args[2] + "-UNKNOWN", config);
			result("unknown-status", new JSONObject().put("thrown", false));
		}
		catch (MidtransError ex) {
			result("unknown-status",
					new JSONObject().put("thrown", true)
						.put("status_code", ex.getStatusCode())
						.put("body", new JSONObject(ex.getResponseBody())));
		}
		// The SDK builds an OkHttpClient per call and leaves its threads behind, which
		// keeps
		// the JVM alive for a minute after the last call.
		System.exit(0);
	}

	private static void result(String step, JSONObject json) {
		System.out.println("RESULT " + step + " " + json.toString());
		System.out.flush();
	}

	private static void control(String simulator, String path) throws IOException, InterruptedException {
		// The JDK client uses no proxy unless told to: this goes straight to the
		// simulator.
		HttpRequest request = HttpRequest.newBuilder(URI.create(simulator + "_simulator/" + path))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"Simulator control " + path + " answered " + response.statusCode() + ": " + response.body());
		}
	}

}
