package io.github.springmidtrans.docs;

import java.io.IOException;
import java.util.Map;

import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// The Spring test of docs/snap.md ("Offline with the simulator"), exactly as shown there.
// It finds DocumentationSamplesIntegrationTests.SampleApplication as its configuration.

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "midtrans.snap.finish-url=https://shop.example/checkout/finish")
@AutoConfigureMidtransSimulator
class SnapCheckoutTests {

	@Autowired
	PaymentService payments;

	@Test
	void customerPaysByBankTransfer() throws IOException {
		MidtransPayment payment = this.payments.createSnap(SnapRequest.builder("ORDER-1", 150_000).build());
		OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();

		// What the customer does on the page: choose BCA, then pay.
		post(browser, payment.getSnapRedirectUrl() + "/choose", Map.of("method", "bank_transfer", "bank", "bca"));
		String finish = post(browser, payment.getSnapRedirectUrl() + "/simulate-payment", Map.of());

		assertThat(finish).contains("order_id=ORDER-1", "transaction_status=settlement");
		assertThat(this.payments.refreshStatus("ORDER-1").isPaid()).isTrue();
	}

	private static String post(OkHttpClient browser, String url, Map<String, String> fields) throws IOException {
		FormBody.Builder form = new FormBody.Builder();
		fields.forEach(form::add);
		try (Response response = browser.newCall(new Request.Builder().url(url).post(form.build()).build()).execute()) {
			return response.header("Location");
		}
	}

}
