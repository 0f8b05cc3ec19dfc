package io.github.springmidtrans.docs;

import java.io.IOException;
import java.util.Map;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.ItemDetail;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Every Java sample of {@code docs/snap.md}, so that they keep compiling and doing what
 * the page says. Edit both together: each sample names its section.
 */
@SpringBootTest(classes = SnapDocumentationSamplesTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true",
				"midtrans.snap.finish-url=https://shop.example/checkout/finish" })
@AutoConfigureMidtransSimulator
class SnapDocumentationSamplesTests {

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Value("${midtrans.client-key}")
	String clientKey;

	/** Sections "Creating a checkout", "Redirect mode". */
	@Controller
	static class SnapCheckoutController {

		private final PaymentService payments;

		private final String clientKey;

		SnapCheckoutController(PaymentService payments, @Value("${midtrans.client-key}") String clientKey) {
			this.payments = payments;
			this.clientKey = clientKey;
		}

		@PostMapping("/checkout/snap")
		String checkout(@RequestParam String orderId, Model model) {
			MidtransPayment payment = this.payments.createSnap(SnapRequest.builder(orderId, 150_000)
				.item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
				.customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
				.build());
			model.addAttribute("snapToken", payment.getSnapToken());
			model.addAttribute("clientKey", this.clientKey);
			return "checkout/snap";
		}

		@PostMapping("/checkout/snap-redirect")
		String redirect(@RequestParam String orderId) {
			MidtransPayment payment = this.payments.createSnap(SnapRequest.builder(orderId, 150_000).build());
			return "redirect:" + payment.getSnapRedirectUrl();
		}

		@GetMapping("/checkout/finish")
		String finish(@RequestParam("order_id") String orderId, Model model) {
			MidtransPayment payment = this.payments.findByOrderId(orderId).orElseThrow();
			model.addAttribute("paid", payment.isPaid());
			model.addAttribute("status", payment.getStatus());
			model.addAttribute("vaNumber", payment.getVaNumber());
			return "checkout/finish";
		}

	}

	@Test
	void controllerHandsOutTheTokenRedirectsAndReadsTheFinishFromTheDatabase() throws Exception {
		MockMvc mvc = MockMvcBuilders.standaloneSetup(new SnapCheckoutController(this.payments, this.clientKey))
			.build();

		mvc.perform(MockMvcRequestBuilders.post("/checkout/snap").param("orderId", "DOC-SNAP-1"))
			.andExpect(view().name("checkout/snap"))
			.andExpect(model().attribute("snapToken",
					this.payments.findByOrderId("DOC-SNAP-1").orElseThrow().getSnapToken()))
			.andExpect(model().attribute("clientKey", MidtransSimulator.DEFAULT_CLIENT_KEY));
		mvc.perform(MockMvcRequestBuilders.post("/checkout/snap-redirect").param("orderId", "DOC-SNAP-2"))
			.andExpect(redirectedUrlPattern("http://localhost:*/snap/v4/redirection/*"));
		// The query parameters claim settlement; the page shows what the database holds.
		mvc.perform(MockMvcRequestBuilders.get("/checkout/finish")
			.param("order_id", "DOC-SNAP-1")
			.param("transaction_status", "settlement"))
			.andExpect(model().attribute("paid", false))
			.andExpect(model().attribute("status", PaymentStatus.PENDING));
	}

	/** Section "Using the client alone" (server key and host from the simulator). */
	@Test
	void clientAlone() {
		MidtransClient client = MidtransClient.builder()
			.serverKey(this.simulator.serverKey())
			.snapBaseUrl(this.simulator.snapBaseUrl())
			.build();
		SnapResponse snap = client.snap()
			.createTransaction(SnapRequest.builder("ORDER-101", 150_000)
				.enabledPayments("bca_va", "other_qris")
				.pageExpiry(SnapPageExpiry.of(30, ExpiryUnit.MINUTE))
				.build());
		String token = snap.token();
		String redirectUrl = snap.redirectUrl();
		assertThat(redirectUrl).endsWith(token);
	}

	/** Section "Offline with the simulator". */
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

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
