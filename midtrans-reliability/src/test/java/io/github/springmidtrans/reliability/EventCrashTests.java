package io.github.springmidtrans.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM charges an order and is killed with SIGKILL after the payment's move to
 * pending committed, while its event is being delivered and before the application's
 * listener received it. A new child on the same database then delivers that event, with
 * the same id, and marks it delivered: the crash lost nothing.
 */
@EnabledIfEnvironmentVariable(named = LongTests.VARIABLE, matches = "true",
		disabledReason = "event crash recovery starts JVMs: set MIDTRANS_LONG_TESTS=true")
@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
		disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run event crash recovery on PostgreSQL")
class EventCrashTests {

	@Test
	void eventOfACommittedTransitionIsDeliveredAfterAKillBeforeDelivery() throws Exception {
		String jdbcUrl = Databases.freshPostgresql();
		String orderId = "EVENT-CRASH-1";
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			Child charging = Child.start(simulator, jdbcUrl, orderId, "charge");
			String eventId;
			try {
				String delivering = charging.await((line) -> line.startsWith("DELIVERING " + orderId + " "));
				eventId = delivering.substring(delivering.lastIndexOf(' ') + 1);
			}
			finally {
				charging.process.destroyForcibly();
				assertThat(charging.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(charging.lines).noneMatch((line) -> line.startsWith("EVENT "));
			assertThat(paymentStatus(jdbcUrl, orderId)).isEqualTo("PENDING");
			assertThat(completed(jdbcUrl, eventId)).as("recorded, not delivered").isFalse();

			Child recovering = Child.start(simulator, jdbcUrl, orderId, "recover");
			try {
				recovering.await((line) -> line.equals("EVENT PaymentPendingEvent " + orderId + " " + eventId));
				long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
				while (!completed(jdbcUrl, eventId) && System.nanoTime() < deadline) {
					Thread.sleep(100);
				}
				assertThat(completed(jdbcUrl, eventId)).as("delivered after the restart").isTrue();
			}
			finally {
				recovering.process.destroy();
				recovering.process.waitFor(30, TimeUnit.SECONDS);
			}
		}
	}

	private static String paymentStatus(String jdbcUrl, String orderId) throws Exception {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				PreparedStatement statement = connection
					.prepareStatement("select status from midtrans_payment where order_id = ?")) {
			statement.setString(1, orderId);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? rows.getString(1) : "absent";
			}
		}
	}

	private static boolean completed(String jdbcUrl, String eventId) throws Exception {
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				PreparedStatement statement = connection.prepareStatement(
						"select completed_at is not null from midtrans_event_publication where event_id = ?")) {
			statement.setString(1, eventId);
			try (ResultSet rows = statement.executeQuery()) {
				assertThat(rows.next()).as("publication of event %s", eventId).isTrue();
				return rows.getBoolean(1);
			}
		}
	}

	/**
	 * A child JVM and the lines it printed.
	 */
	private static final class Child {

		private final Process process;

		private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();

		private final List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());

		private Child(Process process) {
			this.process = process;
			Thread reader = new Thread(() -> {
				try (BufferedReader output = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = output.readLine()) != null) {
						this.lines.add(line);
						this.pending.add(line);
					}
				}
				catch (java.io.IOException ex) {
					// the child died
				}
			});
			reader.setDaemon(true);
			reader.start();
		}

		static Child start(MidtransSimulator simulator, String jdbcUrl, String orderId, String mode) throws Exception {
			String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
			return new Child(new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
					System.getProperty("java.class.path"), EventCrashChild.class.getName(), simulator.baseUrl(),
					simulator.serverKey(), jdbcUrl, orderId, mode)
				.redirectErrorStream(true)
				.start());
		}

		String await(Predicate<String> expected) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (System.nanoTime() < deadline) {
				String line = this.pending.poll(1, TimeUnit.SECONDS);
				if (line != null && expected.test(line)) {
					return line;
				}
			}
			throw new AssertionError(
					"the child never printed the expected line; it printed:\n" + String.join("\n", this.lines));
		}

	}

}
