package io.github.springmidtrans.sample;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The {@code sandbox} profile: no simulator, keys from the environment, and a clear stop
 * when they are missing. Nothing here calls Midtrans.
 */
class ShopProfilesIntegrationTests {

	@Test
	void sandboxWithoutKeysStopsNamingTheProperty() {
		assertThatException()
			.isThrownBy(
					() -> run("--spring.profiles.active=sandbox", "--midtrans.server-key=", "--midtrans.client-key="))
			.havingRootCause()
			.withMessageContaining("midtrans.server-key");
	}

	@Test
	void sandboxRunsWithoutTheSimulator() {
		try (ConfigurableApplicationContext context = run("--spring.profiles.active=sandbox",
				"--midtrans.server-key=SB-Mid-server-profile-test",
				"--midtrans.client-key=SB-Mid-client-profile-test")) {
			assertThat(context.getBeanProvider(MidtransSimulator.class).getIfAvailable()).isNull();
			assertThat(context.getBean(MidtransClient.class)).isNotNull();
			ShopHttp http = new ShopHttp(context.getEnvironment().getProperty("local.server.port", Integer.class));
			assertThat(http.get("/").body()).contains("Toraja coffee beans");
			assertThat(http.signInAsAdmin().get("/admin/invoices").body()).doesNotContain("Simulate payment");
			assertThat(http.post("/orders/SHOP-X/simulate-payment").status()).isEqualTo(404);
		}
	}

	@Test
	void demoModeIsTheDefault() {
		try (ConfigurableApplicationContext context = run()) {
			MidtransSimulator simulator = context.getBean(MidtransSimulator.class);
			assertThat(context.getEnvironment().getProperty("midtrans.base-url")).isEqualTo(simulator.baseUrl());
		}
	}

	private static ConfigurableApplicationContext run(String... args) {
		String[] all = new String[args.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(args, 0, all, 1, args.length);
		return SpringApplication.run(ShopApplication.class, all);
	}

}
