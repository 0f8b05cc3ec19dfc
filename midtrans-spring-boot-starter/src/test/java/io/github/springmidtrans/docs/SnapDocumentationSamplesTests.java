package io.github.springmidtrans.docs;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Runs the Java samples of {@code docs/snap.md} (in {@code SnapSamples}) against the
 * simulator, so that they do what the page says.
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

	@Test
	void controllerHandsOutTheTokenRedirectsAndReadsTheFinishFromTheDatabase() throws Exception {
		MockMvc mvc = MockMvcBuilders
			.standaloneSetup(new SnapCheckoutController(this.payments, this.clientKey),
					new SnapRedirectController(this.payments))
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

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
