package io.github.springmidtrans.gettingstarted;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import io.github.springmidtrans.autoconfigure.MidtransConfigurationException;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.payment.PaymentService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A new application as docs/getting-started.md builds it: Spring Boot with only the
 * starter, H2 and the configuration that page shows (read from the page itself), the
 * server key coming from the variable it names. It starts with a sandbox key, and stops
 * at startup, naming the key and never printing it, for each bad key the page lists.
 */
@ExtendWith(OutputCaptureExtension.class)
@DisabledIfEnvironmentVariable(named = "MIDTRANS_SERVER_KEY", matches = ".*",
		disabledReason = "MIDTRANS_SERVER_KEY is set in this environment; these cases set it themselves")
class GettingStartedApplicationIntegrationTests {

	private static final String SECRET = "placeholder-xyz-test";

	private static final String SANDBOX_KEY = "SB-Mid-server-" + SECRET;

	private static final Pattern YAML = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL);

	@TempDir
	static Path folder;

	private static Path configuration;

	@BeforeAll
	static void documentedConfiguration() throws IOException {
		String page = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/getting-started.md"));
		String section = page.substring(page.indexOf("## 3. Set the server key"), page.indexOf("## 4."));
		Matcher yaml = YAML.matcher(section);
		assertThat(yaml.find()).as("a YAML block in step 3 of getting-started.md").isTrue();
		assertThat(yaml.group(1)).contains("server-key: ${MIDTRANS_SERVER_KEY");
		configuration = folder.resolve("application.yml");
		Files.writeString(configuration, yaml.group(1));
	}

	@Test
	void startsWithTheSandboxKeyFromTheEnvironment(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--MIDTRANS_SERVER_KEY=" + SANDBOX_KEY)) {
			assertThat(context.getBean(MidtransClient.class).baseUrl().host()).isEqualTo("api.sandbox.midtrans.com");
			assertThat(context.getBean(PaymentService.class)).isNotNull();
			// "On H2 the tables are created at startup."
			assertThat(new JdbcTemplate(context.getBean(DataSource.class))
				.queryForObject("select count(*) from midtrans_payment", Integer.class)).isZero();
		}
		assertThat(output).doesNotContain(SECRET);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badKeys")
	void badKeyStopsStartupNamingTheKeyWithoutShowingIt(String problem, List<String> arguments, String message,
			CapturedOutput output) {
		Throwable failure = catchThrowable(() -> start(arguments.toArray(String[]::new)).close());

		assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
			.isInstanceOf(MidtransConfigurationException.class)
			.hasMessage(message);
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause.getMessage())).doesNotContain(SECRET);
		}
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Midtrans is not configured: " + message + ".")
			.doesNotContain(SECRET);
	}

	static Stream<Arguments> badKeys() {
		return Stream.of(Arguments.of("variable not set", List.of(), "midtrans.server-key is not set"),
				Arguments.of("unresolved placeholder", List.of("--midtrans.server-key=${MIDTRANS_SERVER_KEY}"),
						"midtrans.server-key contains the unresolved placeholder '${MIDTRANS_SERVER_KEY}'"
								+ " (the environment variable or property MIDTRANS_SERVER_KEY is not set)"),
				Arguments.of("trailing line break", List.of("--MIDTRANS_SERVER_KEY=" + SANDBOX_KEY + "\n"),
						"midtrans.server-key starts or ends with whitespace"),
				Arguments.of("space inside", List.of("--MIDTRANS_SERVER_KEY=SB-Mid-server-placeholder xyz-test"),
						"midtrans.server-key contains whitespace"),
				Arguments.of("client key", List.of("--MIDTRANS_SERVER_KEY=SB-Mid-client-" + SECRET),
						"midtrans.server-key is a client key (it starts with 'SB-Mid-client-'), not a server key"),
				Arguments.of("production key in the sandbox", List.of("--MIDTRANS_SERVER_KEY=Mid-server-" + SECRET),
						"midtrans.server-key is a production key (it starts with 'Mid-server-') but"
								+ " midtrans.production is false"),
				Arguments.of("sandbox key in production",
						List.of("--MIDTRANS_SERVER_KEY=" + SANDBOX_KEY, "--midtrans.production=true"),
						"midtrans.server-key is a sandbox key (it starts with 'SB-') but midtrans.production is true"));
	}

	/**
	 * Start the application with the documented configuration; an argument
	 * {@code --MIDTRANS_SERVER_KEY=...} stands for the environment variable.
	 */
	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.config.additional-location=file:" + configuration,
				"--spring.datasource.generate-unique-name=true"));
		all.addAll(List.of(arguments));
		return new SpringApplicationBuilder(NewApplication.class).web(WebApplicationType.NONE)
			.run(all.toArray(String[]::new));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class NewApplication {

	}

}
