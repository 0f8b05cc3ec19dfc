package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code midtrans.snap.*} properties: the Snap host of the client and the defaults of
 * every Snap checkout.
 */
class MidtransSnapPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
				MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class))
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate", "spring.datasource.generate-unique-name=true");

	private MidtransSimulator simulator;

	@BeforeEach
	void start() {
		this.simulator = MidtransSimulator.builder().build().start();
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void snapHostFollowsTheEnvironmentUnlessOverridden() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-abc").run((context) -> {
			assertThat(context.getBean(MidtransClient.class).snapBaseUrl())
				.hasToString("https://app.sandbox.midtrans.com/");
		});
		this.runner.withPropertyValues("midtrans.server-key=Mid-server-abc", "midtrans.production=true")
			.run((context) -> assertThat(context.getBean(MidtransClient.class).snapBaseUrl())
				.hasToString("https://app.midtrans.com/"));
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc",
					"midtrans.snap.base-url=http://localhost:8089/")
			.run((context) -> {
				MidtransClient client = context.getBean(MidtransClient.class);
				assertThat(client.snapBaseUrl()).hasToString("http://localhost:8089/");
				assertThat(client.baseUrl()).hasToString("https://api.sandbox.midtrans.com/");
			});
	}

	@Test
	void defaultsAreSentWithEveryCheckoutThatSetsNone() {
		this.runner
			.withPropertyValues("midtrans.server-key=" + this.simulator.serverKey(),
					"midtrans.base-url=" + this.simulator.baseUrl(),
					"midtrans.snap.base-url=" + this.simulator.snapBaseUrl(),
					"midtrans.snap.enabled-payments=bca_va,echannel,other_qris",
					"midtrans.snap.finish-url=https://shop.example/finish", "midtrans.snap.page-expiry=45m")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				MidtransPayment payment = context.getBean(PaymentService.class)
					.createSnap(SnapRequest.builder("PROP-1", 25_000).build());
				assertThat(payment.getSnapToken()).isNotBlank();
				assertThat(payment.getSnapRedirectUrl()).startsWith(this.simulator.baseUrl() + "snap/");
				assertThat(payment.getSnapPageExpiryTime()).isEqualTo(payment.getUpdatedAt().plusSeconds(45 * 60));
				RecordedCall call = this.simulator.requestsTo(SimulatorOperation.SNAP_CREATE).get(0);
				JsonNode body = JsonMapper.builder().build().readTree(call.body());
				assertThat(body.get("enabled_payments")).hasSize(3);
				assertThat(body.at("/enabled_payments/2").asString()).isEqualTo("other_qris");
				assertThat(body.at("/callbacks/finish").asString()).isEqualTo("https://shop.example/finish");
				assertThat(body.at("/page_expiry/duration").asInt()).isEqualTo(45);
				assertThat(body.at("/page_expiry/unit").asString()).isEqualTo("minute");
			});
	}

	@Test
	void aPageExpiryBeyondSevenDaysStopsStartupNamingTheProperty() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "midtrans.snap.page-expiry=8d")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MidtransConfigurationException.class)
					.hasMessageContaining("midtrans.snap.page-expiry");
			});
	}

}
