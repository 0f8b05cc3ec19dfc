package io.github.springmidtrans.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.TransactionSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A child JVM running the starter on PostgreSQL charges and refunds against this JVM's
 * simulator and is killed with SIGKILL at a random moment, again and again; meanwhile
 * customers pay or let payments expire. A last child only runs the periodic jobs. Then
 * every intent equals the simulator's truth: every transaction Midtrans has is a payment
 * row with its status and refunded amount, no payment is left half-done, every charge of
 * one order carried one idempotency key, every refund Midtrans made is one recorded
 * refund, and no refund was made twice.
 */
@EnabledIfEnvironmentVariable(named = LongTests.VARIABLE, matches = "true",
		disabledReason = "crash recovery kills 20+ JVMs: set MIDTRANS_LONG_TESTS=true")
@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
		disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run crash recovery on PostgreSQL")
class CrashRecoveryTests {

	private static final int KILLS = 24;

	@Test
	void everyIntentConvergesToMidtransAfterRepeatedSigkills() throws Exception {
		long seed = Long.getLong("midtrans.crash.seed", System.nanoTime());
		Random random = new Random(seed);
		String jdbcUrl = Databases.freshPostgresql();
		System.out.println("crash recovery: seed " + seed);
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			// Slow enough that kills land during calls to Midtrans.
			simulator.faults().on(SimulatorOperation.CHARGE).always().latency(Duration.ofMillis(40));
			simulator.faults().onPath("/v2/.+/refund").always().latency(Duration.ofMillis(80));
			long started = System.nanoTime();
			for (int run = 0; run < KILLS; run++) {
				Process child = start(simulator, jdbcUrl, "CRASH" + run, random.nextLong(), "work");
				awaitReady(child);
				Thread.sleep(300 + random.nextInt(2500));
				child.destroyForcibly();
				assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
				// Customers act between runs: most pay, some let the payment expire.
				for (TransactionSnapshot tx : simulator.transactions()) {
					if (tx.transactionStatus().equals("pending")) {
						int roll = random.nextInt(10);
						if (roll < 6) {
							simulator.pay(tx.orderId());
						}
						else if (roll < 8) {
							simulator.expire(tx.orderId());
						}
					}
				}
			}
			Process recovery = start(simulator, jdbcUrl, "RECOVER", random.nextLong(), "recover");
			try {
				awaitReady(recovery);
				long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
				List<String> differences = differences(simulator, jdbcUrl);
				while (!differences.isEmpty() && System.nanoTime() < deadline) {
					Thread.sleep(1000);
					differences = differences(simulator, jdbcUrl);
				}
				assertThat(differences).as("seed %d", seed).isEmpty();
			}
			finally {
				recovery.destroy();
				recovery.waitFor(30, TimeUnit.SECONDS);
			}
			Map<String, List<String>> keys = new HashMap<>();
			for (RecordedCall call : simulator.requestsTo(SimulatorOperation.CHARGE)) {
				keys.computeIfAbsent(call.orderId(), (id) -> new ArrayList<>()).add(call.header("Idempotency-Key"));
			}
			assertThat(keys).allSatisfy((orderId, sent) -> assertThat(sent).as(orderId).containsOnly(sent.get(0)));
			int refunds = simulator.transactions().stream().mapToInt((tx) -> tx.refunds().size()).sum();
			System.out.printf(
					"crash recovery: %d SIGKILLs, %d transactions, %d charge calls, %d refunds, "
							+ "all converged in %d s%n",
					KILLS, simulator.transactions().size(), simulator.requestsTo(SimulatorOperation.CHARGE).size(),
					refunds, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started));
		}
	}

	/**
	 * What still differs between the database and the simulator.
	 */
	private static List<String> differences(MidtransSimulator simulator, String jdbcUrl) throws Exception {
		List<String> differences = new ArrayList<>();
		Map<String, String[]> payments = new HashMap<>();
		Map<String, List<String[]>> refunds = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(jdbcUrl);
				Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement
				.executeQuery("select order_id, status, refunded_amount from midtrans_payment")) {
				while (rows.next()) {
					payments.put(rows.getString(1),
							new String[] { rows.getString(2), rows.getBigDecimal(3).toPlainString() });
				}
			}
			try (ResultSet rows = statement.executeQuery("select order_id, refund_key, state from midtrans_refund")) {
				while (rows.next()) {
					refunds.computeIfAbsent(rows.getString(1), (id) -> new ArrayList<>())
						.add(new String[] { rows.getString(2), rows.getString(3) });
				}
			}
		}
		Map<String, TransactionSnapshot> truth = new HashMap<>();
		simulator.transactions().forEach((tx) -> truth.put(tx.orderId(), tx));
		for (TransactionSnapshot tx : truth.values()) {
			String[] payment = payments.get(tx.orderId());
			if (payment == null) {
				differences.add(tx.orderId() + " exists at Midtrans but not in the database");
				continue;
			}
			if (!payment[0].equalsIgnoreCase(tx.transactionStatus())
					|| new BigDecimal(payment[1]).compareTo(BigDecimal.valueOf(tx.refundAmount())) != 0) {
				differences.add(tx.orderId() + " is " + payment[0] + "/" + payment[1] + " but Midtrans says "
						+ tx.transactionStatus() + "/" + tx.refundAmount());
			}
			List<String[]> local = refunds.getOrDefault(tx.orderId(), List.of());
			for (TransactionSnapshot.Refund refund : tx.refunds()) {
				long matches = local.stream().filter((row) -> row[0].equals(refund.refundKey())).count();
				if (matches != 1) {
					differences.add(tx.orderId() + " refund " + refund.refundKey() + " has " + matches + " rows");
				}
			}
			if (tx.refunds().stream().map(TransactionSnapshot.Refund::refundKey).distinct().count() != tx.refunds()
				.size()) {
				differences.add(tx.orderId() + " was refunded twice under one key");
			}
			for (String[] row : local) {
				boolean atMidtrans = tx.refunds().stream().anyMatch((refund) -> refund.refundKey().equals(row[0]));
				if (!row[1].equals("SUCCEEDED") || !atMidtrans) {
					differences.add(tx.orderId() + " refund " + row[0] + " is " + row[1]
							+ (atMidtrans ? "" : " and unknown to Midtrans"));
				}
			}
		}
		for (Map.Entry<String, String[]> payment : payments.entrySet()) {
			if (!truth.containsKey(payment.getKey()) && !payment.getValue()[0].equals("FAILED")) {
				differences.add(payment.getKey() + " is " + payment.getValue()[0] + " but Midtrans has no transaction");
			}
		}
		return differences;
	}

	private static Process start(MidtransSimulator simulator, String jdbcUrl, String prefix, long seed, String mode)
			throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		return new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
				System.getProperty("java.class.path"), CrashChild.class.getName(), simulator.baseUrl(),
				simulator.serverKey(), jdbcUrl, prefix, Long.toString(seed), mode)
			.redirectErrorStream(true)
			.start();
	}

	private static void awaitReady(Process child) throws Exception {
		BufferedReader output = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
		StringBuilder seen = new StringBuilder();
		CompletableFuture<Boolean> ready = CompletableFuture.supplyAsync(() -> {
			try {
				String line;
				while ((line = output.readLine()) != null) {
					if (line.equals("READY")) {
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
		assertThat(ready.get(120, TimeUnit.SECONDS)).as("child started:\n%s", seen).isTrue();
		// Keep draining its output so that it never blocks on a full pipe.
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
