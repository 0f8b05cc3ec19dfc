package io.github.springmidtrans.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST API's Snap endpoint in a real Boot application against the simulator.
 */
@SpringBootTest(classes = MidtransSnapRestApiIntegrationTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "midtrans.web.api.enabled=true", "spring.datasource.generate-unique-name=true",
				"midtrans.snap.finish-url=https://shop.example/finish" })
@AutoConfigureMidtransSimulator
class MidtransSnapRestApiIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	PaymentService payments;

	@Test
	void snapCheckoutAnswersTheTokenAndRepeatsResumeIt() throws Exception {
		String body = """
				{"orderId":"API-SNAP-1","grossAmount":150000,"enabledPayments":["bca_va","other_qris"],
				 "pageExpiryMinutes":30,
				 "items":[{"id":"SKU-1","name":"Coffee beans","price":75000,"quantity":2}],
				 "customer":{"firstName":"Budi","email":"budi@example.com"}}
				""";

		HttpResponse<String> created = post("/midtrans/api/payments/snap", body);

		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/midtrans/api/payments/API-SNAP-1"));
		JsonNode answer = this.json.readTree(created.body());
		assertThat(answer.get("status").asString()).isEqualTo("PENDING");
		assertThat(answer.get("paymentType").isNull()).isTrue();
		String token = answer.get("snapToken").asString();
		assertThat(token).isEqualTo(this.payments.findByOrderId("API-SNAP-1").orElseThrow().getSnapToken());
		assertThat(answer.get("redirectUrl").asString()).endsWith(token);
		assertThat(answer.has("pageExpiryTime")).isTrue();
		assertThat(created.body()).doesNotContainIgnoringCase("idempotency").doesNotContain(this.simulator.serverKey());

		HttpResponse<String> again = post("/midtrans/api/payments/snap", body);
		assertThat(this.json.readTree(again.body()).get("snapToken").asString()).isEqualTo(token);
		assertThat(this.simulator.requestsTo(SimulatorOperation.SNAP_CREATE)).hasSize(1);
	}

	@Test
	void anInvalidCheckoutIsABadRequest() throws Exception {
		HttpResponse<String> refused = post("/midtrans/api/payments/snap",
				"{\"orderId\":\"API-SNAP-2\",\"grossAmount\":1000,"
						+ "\"items\":[{\"name\":\"Tea\",\"price\":500,\"quantity\":1}]}");

		assertThat(refused.statusCode()).isEqualTo(400);
		assertThat(refused.body()).contains("add up to 500");
		assertThat(this.payments.findByOrderId("API-SNAP-2")).isEmpty();
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
