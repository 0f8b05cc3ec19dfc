package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransClientAutoConfiguration}.
 */
class MidtransClientAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MidtransClientAutoConfiguration.class));

	@Test
	void clientUsesTheSandboxByDefault() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-abc").run((context) -> {
			MidtransClient client = context.getBean("midtransClient", MidtransClient.class);
			assertThat(client.environment()).isEqualTo(MidtransEnvironment.SANDBOX);
			assertThat(client.baseUrl()).hasToString("https://api.sandbox.midtrans.com/");
			assertThat(client.httpClient().readTimeoutMillis()).isEqualTo(60_000);
			assertThat(client.httpClient().connectTimeoutMillis()).isEqualTo(10_000);
		});
	}

	@Test
	void propertiesConfigureTheClient() {
		this.runner
			.withPropertyValues("midtrans.server-key=Mid-server-abc", "midtrans.production=true",
					"midtrans.base-url=http://localhost:8089/", "midtrans.http.read-timeout=5s",
					"midtrans.http.connect-timeout=2s", "midtrans.http.call-timeout=9s")
			.run((context) -> {
				MidtransClient client = context.getBean(MidtransClient.class);
				assertThat(client.environment()).isEqualTo(MidtransEnvironment.PRODUCTION);
				assertThat(client.baseUrl()).hasToString("http://localhost:8089/");
				assertThat(client.httpClient().readTimeoutMillis()).isEqualTo(5_000);
				assertThat(client.httpClient().connectTimeoutMillis()).isEqualTo(2_000);
				assertThat(client.httpClient().callTimeoutMillis()).isEqualTo(9_000);
			});
	}

	@Test
	void missingServerKeyStopsStartupNamingTheProperty() {
		this.runner.run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key is not set");
			FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.isEqualTo("Midtrans is not configured: midtrans.server-key is not set.");
			assertThat(analysis.getAction()).contains("midtrans.server-key=${MIDTRANS_SERVER_KEY}");
		});
	}

	@Test
	void sandboxKeyInProductionStopsStartupWithoutShowingTheKey() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-secretvalue", "midtrans.production=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("midtrans.server-key is a sandbox key")
					.hasMessageContaining("midtrans.production is true")
					.hasMessageNotContaining("secretvalue");
			});
	}

	@Test
	void productionKeyInTheSandboxStopsStartup() {
		this.runner.withPropertyValues("midtrans.server-key=Mid-server-secretvalue").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("midtrans.server-key is a production key")
				.hasMessageNotContaining("secretvalue");
		});
	}

	@Test
	void customizersAreApplied() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-abc")
			.withBean(MidtransClientBuilderCustomizer.class,
					() -> (builder) -> builder.baseUrl("http://proxy.example:9000/"))
			.run((context) -> assertThat(context.getBean(MidtransClient.class).baseUrl())
				.hasToString("http://proxy.example:9000/"));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnClient() {
		this.runner.withUserConfiguration(OwnClient.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(MidtransClient.class);
			assertThat(context.getBean(MidtransClient.class).baseUrl()).hasToString("http://own.example/");
		});
	}

	@Test
	void backsOffWithoutTheClientOnTheClassPath() {
		this.runner.withClassLoader(new FilteredClassLoader(MidtransClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("midtransClient"));
	}

	@Test
	void propertiesNeverShowTheServerKey() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-secretvalue")
			.run((context) -> assertThat(context.getBean(MidtransProperties.class).toString())
				.doesNotContain("secretvalue"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		MidtransClient myClient() {
			return MidtransClient.builder().serverKey("SB-Mid-server-own").baseUrl("http://own.example/").build();
		}

	}

}
