package io.github.springmidtrans.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances on one PostgreSQL database with ShedLock: each periodic job
 * runs once per period across both, and on-demand tasks started on both at once for the
 * same order charge once, refund once and fire one event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
		disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run two instances on one PostgreSQL")
class TwoInstancesTests {

	private static final int PERIOD_SECONDS = 2;

	private MidtransSimulator simulator;

	private ConfigurableApplicationContext first;

	private ConfigurableApplicationContext second;

	@BeforeAll
	void start() {
		String url = Databases.freshPostgresql();
		this.simulator = MidtransSimulator.builder().build().start();
		String[] properties = { "midtrans.tasks.check-pending-payments.cron=*/" + PERIOD_SECONDS + " * * * * *",
				"midtrans.tasks.expire-stale-payments.cron=*/" + PERIOD_SECONDS + " * * * * *",
				"midtrans.tasks.lock-at-least-for=1500ms", "midtrans.tasks.lock-at-most-for=1m",
				"midtrans.tasks.redrive-after=1h", "midtrans.tasks.process-charge.delay=20ms",
				"midtrans.tasks.process-refund.delay=20ms", "midtrans.tasks.check-payment-status.delay=20ms" };
		this.first = Applications.start(this.simulator, false, url, properties);
		this.second = Applications.start(this.simulator, false, url, properties);
	}

	@AfterAll
	void stop() {
		this.first.close();
		this.second.close();
		this.simulator.close();
	}

	@Test
	void eachPeriodicJobRunsOncePerPeriodAcrossBothInstances() {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> runs().stream()
				.filter((run) -> run.job().equals("midtrans.check-pending-payments"))
				.count() >= 5);
		List<JobRun> runs = runs();
		Map<String, Integer> perSlot = new TreeMap<>();
		for (JobRun run : runs) {
			long slot = run.startedAt().getEpochSecond() / PERIOD_SECONDS;
			perSlot.merge(run.job() + "@" + slot, 1, Integer::sum);
		}
		assertThat(perSlot).allSatisfy((slot, count) -> assertThat(count).as(slot).isEqualTo(1));
		int onFirst = this.first.getBean(JobLog.class).runs().size();
		System.out.println("two instances: " + runs.size() + " job runs (" + onFirst + " on the first instance, "
				+ (runs.size() - onFirst) + " on the second) in " + perSlot.size()
				+ " job periods, never two in one period");
	}

	@Test
	void chargesAndRefundsStartedOnBothInstancesAtOnceHappenOnce() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 5; round++) {
				String orderId = "TWO-" + round;
				ChargeRequest charge = ChargeRequest.gopay(orderId, 40_000).build();
				List<Throwable> failures = race(pool, 8, (index) -> {
					PaymentTaskService tasks = instance(index).getBean(PaymentTaskService.class);
					return tasks.processChargeAsync(charge).get(30, TimeUnit.SECONDS);
				});
				assertThat(this.simulator.transactions()).filteredOn((tx) -> tx.orderId().equals(orderId)).hasSize(1);
				assertThat(failures).as("charges that lost the race").isEmpty();
				String idempotencyKey = payments(0).findByOrderId(orderId).orElseThrow().getIdempotencyKey();
				assertThat(this.simulator.requestsTo(SimulatorOperation.CHARGE))
					.filteredOn((call) -> orderId.equals(call.orderId()))
					.allSatisfy((call) -> assertThat(call.header("Idempotency-Key")).isEqualTo(idempotencyKey));

				this.simulator.pay(orderId);
				race(pool, 8,
						(index) -> instance(index).getBean(PaymentTaskService.class)
							.checkPaymentStatusAsync(orderId)
							.get(30, TimeUnit.SECONDS));
				assertThat(payments(1).findByOrderId(orderId).orElseThrow().getStatus())
					.isEqualTo(PaymentStatus.SETTLEMENT);

				String refundKey = "two-refund-" + round;
				List<Throwable> refundFailures = race(pool, 8, (index) -> payments(index).refund(orderId,
						BigDecimal.valueOf(15_000), "twice", false, refundKey));
				assertThat(refundFailures).as("refunds that lost the race").isEmpty();
				assertThat(this.simulator.transaction(orderId).orElseThrow().refunds()).singleElement()
					.satisfies((refund) -> assertThat(refund.refundKey()).isEqualTo(refundKey));
				assertThat(payments(0).findByOrderId(orderId).orElseThrow().getStatus())
					.isEqualTo(PaymentStatus.PARTIAL_REFUND);

				List<String> events = new ArrayList<>(this.first.getBean(EventLog.class).names(orderId));
				events.addAll(this.second.getBean(EventLog.class).names(orderId));
				assertThat(events).containsExactlyInAnyOrder("PaymentPendingEvent", "PaymentSettledEvent",
						"PaymentRefundedEvent");
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private ConfigurableApplicationContext instance(int index) {
		return (index % 2 == 0) ? this.first : this.second;
	}

	private PaymentService payments(int index) {
		return instance(index).getBean(PaymentService.class);
	}

	private List<JobRun> runs() {
		List<JobRun> runs = new ArrayList<>(this.first.getBean(JobLog.class).runs());
		runs.addAll(this.second.getBean(JobLog.class).runs());
		return runs;
	}

	/**
	 * Start the same work on several threads at once, half of them on each instance.
	 * @return the failures
	 */
	private static List<Throwable> race(ExecutorService pool, int threads, IndexedWork work) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<?>> futures = new ArrayList<>();
		for (int i = 0; i < threads; i++) {
			int index = i;
			futures.add(pool.submit((Callable<Object>) () -> {
				start.await();
				return work.run(index);
			}));
		}
		start.countDown();
		List<Throwable> failures = new ArrayList<>();
		for (Future<?> future : futures) {
			try {
				future.get(60, TimeUnit.SECONDS);
			}
			catch (java.util.concurrent.ExecutionException ex) {
				failures.add(ex.getCause());
			}
		}
		return failures;
	}

	@FunctionalInterface
	interface IndexedWork {

		Object run(int index) throws Exception;

	}

}
