package io.github.springmidtrans.autoconfigure;

import java.util.Map;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransClientAutoConfiguration}.
 */
class MidtransClientAutoConfigurationTests {

	private static final String UNSET_VARIABLE = "MIDTRANS_TEST_UNSET_SERVER_KEY";

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
			assertThat(analysis.getAction()).contains("midtrans.server-key=${MIDTRANS_SERVER_KEY:}")
				.contains("MIDTRANS_SERVER_KEY set");
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

	// gh-17
	@Test
	void unresolvedServerKeyPlaceholderStopsStartupShowingTheRightForm() {
		this.runner.withPropertyValues("midtrans.server-key=${" + UNSET_VARIABLE + "}").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key contains the unresolved placeholder '${" + UNSET_VARIABLE
						+ "}' (the environment variable or property " + UNSET_VARIABLE + " is not set)");
			FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("Set the environment variable " + UNSET_VARIABLE)
				.contains("export " + UNSET_VARIABLE + "=SB-Mid-server-...")
				.contains("midtrans.server-key=${" + UNSET_VARIABLE + ":}");
		});
		// The form the message recommends is reported as a missing key.
		this.runner.withPropertyValues("midtrans.server-key=${" + UNSET_VARIABLE + ":}")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key is not set"));
	}

	@Test
	void serverKeyWithATrailingLineBreakStopsStartupWithoutShowingTheKey() {
		this.runner.withInitializer(rawProperty("midtrans.server-key", "SB-Mid-server-secretvalue\n"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MidtransConfigurationException.class)
					.hasMessage("midtrans.server-key starts or ends with whitespace");
				FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secretvalue");
			});
	}

	@Test
	void serverKeyWithLeadingSpacesStopsStartup() {
		this.runner.withInitializer(rawProperty("midtrans.server-key", "  SB-Mid-server-secretvalue"))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key starts or ends with whitespace"));
	}

	@Test
	void sandboxClientKeyGivenAsTheServerKeyStopsStartup() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-client-secretvalue").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key is a client key (it starts with 'SB-Mid-client-'), not a server key");
			FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getAction()).contains("SB-Mid-server-...").contains("midtrans.client-key");
			assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secretvalue");
		});
	}

	@Test
	void productionClientKeyGivenAsTheServerKeyStopsStartup() {
		this.runner.withPropertyValues("midtrans.server-key=Mid-client-secretvalue", "midtrans.production=true")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.server-key is a client key (it starts with 'Mid-client-'), not a server key"));
	}

	@Test
	void unresolvedClientKeyPlaceholderStopsStartup() {
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc",
					"midtrans.client-key=${" + UNSET_VARIABLE + "}")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MidtransConfigurationException.class)
					.hasMessageStartingWith(
							"midtrans.client-key contains the unresolved placeholder '${" + UNSET_VARIABLE + "}'");
				FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("export " + UNSET_VARIABLE + "=SB-Mid-client-...")
					.contains("midtrans.client-key=${" + UNSET_VARIABLE + ":}");
			});
		// The client key is optional: the recommended form with the variable unset
		// starts.
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc",
					"midtrans.client-key=${" + UNSET_VARIABLE + ":}")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(MidtransClient.class));
	}

	@Test
	void paddedClientKeyStopsStartup() {
		this.runner.withPropertyValues("midtrans.server-key=SB-Mid-server-abc")
			.withInitializer(rawProperty("midtrans.client-key", "SB-Mid-client-abc "))
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage("midtrans.client-key starts or ends with whitespace"));
	}

	@Test
	void serverKeyGivenAsTheClientKeyStopsStartupWithoutShowingIt() {
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc",
					"midtrans.client-key=SB-Mid-server-secretvalue")
			.run((context) -> {
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(MidtransConfigurationException.class)
					.hasMessage(
							"midtrans.client-key is a server key (it starts with 'SB-Mid-server-'), not a client key");
				FailureAnalysis analysis = new MidtransConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription() + analysis.getAction()).doesNotContain("secretvalue");
			});
	}

	@Test
	void sandboxClientKeyInProductionStopsStartup() {
		this.runner
			.withPropertyValues("midtrans.server-key=Mid-server-abc", "midtrans.production=true",
					"midtrans.client-key=SB-Mid-client-secretvalue")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage(
						"midtrans.client-key is a sandbox key (it starts with 'SB-') but midtrans.production is true"));
	}

	@Test
	void productionClientKeyInTheSandboxStopsStartup() {
		this.runner
			.withPropertyValues("midtrans.server-key=SB-Mid-server-abc", "midtrans.client-key=Mid-client-secretvalue")
			.run((context) -> assertThat(context.getStartupFailure()).rootCause()
				.isInstanceOf(MidtransConfigurationException.class)
				.hasMessage(
						"midtrans.client-key is a production key (it starts with 'Mid-client-') but midtrans.production is false"));
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

	// TestPropertyValues trims values; a property source keeps the whitespace.
	private static ApplicationContextInitializer<ConfigurableApplicationContext> rawProperty(String name,
			String value) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("raw", Map.of(name, value)));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		MidtransClient myClient() {
			return MidtransClient.builder().serverKey("SB-Mid-server-own").baseUrl("http://own.example/").build();
		}

	}

}
