package io.github.springmidtrans.autoconfigure;

import java.io.IOException;
import java.time.Duration;

import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Snap checkout through the starter against the simulator wired by
 * {@link AutoConfigureMidtransSimulator}, which points the Snap host at it too.
 */
@SpringBootTest(classes = SnapCheckoutApplicationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true",
				"midtrans.snap.finish-url=https://shop.example/done" })
@AutoConfigureMidtransSimulator
class SnapCheckoutApplicationTests {

	private static final OkHttpClient BROWSER = new OkHttpClient.Builder().followRedirects(false).build();

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Test
	void checkoutChoiceAndPaymentOnTheSimulatedPage() throws IOException {
		MidtransPayment created = this.payments.createSnap(
				SnapRequest.builder("SNAP-APP-1", 80_000).item(ItemDetail.of("SKU-9", "Tea", 40_000, 2)).build());
		assertThat(created.getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(created.getPaymentType()).isNull();
		// No page expiry configured: Midtrans' 24 hours is sent explicitly, so that the
		// dashboard's setting cannot make the page outlive the local expiry.
		JsonNode sent = JsonMapper.builder()
			.build()
			.readTree(this.simulator.requestsTo(SimulatorOperation.SNAP_CREATE).get(0).body());
		assertThat(sent.at("/page_expiry/duration").asInt()).isEqualTo(1);
		assertThat(sent.at("/page_expiry/unit").asString()).isEqualTo("day");
		assertThat(created.getSnapPageExpiryTime()).isEqualTo(created.getUpdatedAt().plus(Duration.ofDays(1)));

		// Nothing chosen yet: Midtrans answers 404, which changes nothing.
		assertThat(this.payments.refreshStatus("SNAP-APP-1").isAwaitingSnapChoice()).isTrue();

		post(created.getSnapRedirectUrl() + "/choose", "method", "bank_transfer", "bank", "bri");
		MidtransPayment chosen = this.payments.refreshStatus("SNAP-APP-1");
		assertThat(chosen.getPaymentType()).isEqualTo("bank_transfer");
		assertThat(chosen.getBank()).isEqualTo("bri");
		assertThat(chosen.getVaNumber()).isNotBlank();

		String finish = post(created.getSnapRedirectUrl() + "/simulate-payment");
		assertThat(finish).startsWith("https://shop.example/done?")
			.contains("order_id=SNAP-APP-1", "transaction_status=settlement");
		MidtransPayment paid = this.payments.refreshStatus("SNAP-APP-1");
		assertThat(paid.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(paid.isPaid()).isTrue();
	}

	private static String post(String url, String... fields) throws IOException {
		FormBody.Builder form = new FormBody.Builder();
		for (int i = 0; i < fields.length; i += 2) {
			form.add(fields[i], fields[i + 1]);
		}
		try (Response response = BROWSER.newCall(new Request.Builder().url(url).post(form.build()).build()).execute()) {
			assertThat(response.code()).isEqualTo(303);
			return response.header("Location");
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
