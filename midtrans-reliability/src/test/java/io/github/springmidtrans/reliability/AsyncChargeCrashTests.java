package io.github.springmidtrans.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A JVM killed with SIGKILL after {@code processChargeAsync} returned and before the
 * charge's first attempt ran loses nothing: the charge was recorded before the call
 * returned, and the periodic check of the next instance sends it, once.
 */
@EnabledIfEnvironmentVariable(named = LongTests.VARIABLE, matches = "true",
		disabledReason = "kills a child JVM: set MIDTRANS_LONG_TESTS=true")
@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
		disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run crash recovery on PostgreSQL")
class AsyncChargeCrashTests {

	@Test
	void aChargeQueuedWhenTheJvmDiesIsSentByTheNextInstance() throws Exception {
		String jdbcUrl = Databases.freshPostgresql();
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(jdbcUrl));
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			simulator.faults()
				.onPath("/v2/" + AsyncChargeCrashChild.BLOCKING_ORDER + "/status")
				.always()
				.latency(Duration.ofSeconds(60));
			Process work = start(simulator, jdbcUrl, "work");
			try {
				awaitLine(work, "RECORDED");
			}
			finally {
				work.destroyForcibly();
				work.waitFor(30, TimeUnit.SECONDS);
			}

			assertThat(status(jdbc)).containsExactly("INITIATED");
			assertThat(simulator.chargeCount(AsyncChargeCrashChild.CHARGED_ORDER)).isZero();

			simulator.faults().clear();
			Process recover = start(simulator, jdbcUrl, "recover");
			try {
				awaitLine(recover, "READY");
				await().atMost(Duration.ofSeconds(60)).until(() -> status(jdbc).equals(List.of("PENDING")));
			}
			finally {
				recover.destroyForcibly();
				recover.waitFor(30, TimeUnit.SECONDS);
			}
			assertThat(simulator.chargeCount(AsyncChargeCrashChild.CHARGED_ORDER)).isEqualTo(1);
			assertThat(simulator.transaction(AsyncChargeCrashChild.CHARGED_ORDER).orElseThrow().grossAmount())
				.isEqualTo(75_000);
		}
	}

	private static List<String> status(JdbcTemplate jdbc) {
		return jdbc.queryForList("select status from midtrans_payment where order_id = ?", String.class,
				AsyncChargeCrashChild.CHARGED_ORDER);
	}

	private static Process start(MidtransSimulator simulator, String jdbcUrl, String mode) throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), AsyncChargeCrashChild.class.getName(), simulator.baseUrl(),
				simulator.serverKey(), jdbcUrl, mode)
			.redirectErrorStream(true)
			.start();
	}

	/**
	 * Wait for a line of the child's output, then keep draining it.
	 */
	private static void awaitLine(Process child, String expected) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		CompletableFuture<Boolean> found = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					if (line.equals(expected)) {
						return true;
					}
					seen.append(line).append('\n');
				}
				return false;
			}
			catch (java.io.IOException ex) {
				return false;
			}
		});
		assertThat(found.get(120, TimeUnit.SECONDS)).as("child printed %s:\n%s", expected, seen).isTrue();
		Thread drain = new Thread(() -> {
			try {
				while (output.readLine() != null) {
					// discarded
				}
			}
			catch (java.io.IOException ex) {
				// the child died
			}
		});
		drain.setDaemon(true);
		drain.start();
	}

}
