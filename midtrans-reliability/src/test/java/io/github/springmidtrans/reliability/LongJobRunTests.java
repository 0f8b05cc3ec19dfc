package io.github.springmidtrans.reliability;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one PostgreSQL database, a job scheduled every second whose runs last
 * several times {@code lock-at-most-for}: the job's lock is kept alive while a run lasts,
 * so the other instance never starts the same job before the run ends.
 */
@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
		disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run two instances on one PostgreSQL")
class LongJobRunTests {

	@Test
	void aRunLongerThanTheLockNeverOverlapsTheSameJobOnTheOtherInstance() {
		String url = Databases.freshPostgresql();
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start()) {
			String[] properties = { "midtrans.tasks.check-pending-payments.cron=* * * * * *",
					"midtrans.tasks.check-pending-payments.concurrency=1", "midtrans.tasks.lock-at-least-for=0s",
					"midtrans.tasks.lock-at-most-for=1s", "midtrans.tasks.redrive-after=1h",
					"midtrans.http.read-timeout=5s" };
			try (ConfigurableApplicationContext first = Applications.start(simulator, false, url, properties);
					ConfigurableApplicationContext second = Applications.start(simulator, false, url, properties)) {
				PaymentService payments = first.getBean(PaymentService.class);
				// Five waiting payments read one at a time, 600 ms each: a run lasts
				// about
				// three times the lock.
				for (int i = 0; i < 5; i++) {
					payments.charge(ChargeRequest.bankTransfer("LONG-RUN-" + i, 10_000, Bank.BCA).build());
				}
				simulator.faults().onPath("/v2/LONG-RUN-.*/status").always().latency(Duration.ofMillis(600));

				await().atMost(Duration.ofSeconds(60)).until(() -> longRuns(first, second).size() >= 4);

				List<JobRun> runs = longRuns(first, second);
				runs.sort(Comparator.comparing(JobRun::startedAt));
				assertThat(runs).anySatisfy((run) -> assertThat(Duration.between(run.startedAt(), run.finishedAt()))
					.isGreaterThan(Duration.ofSeconds(2)));
				for (int i = 1; i < runs.size(); i++) {
					Instant previousEnd = runs.get(i - 1).finishedAt();
					assertThat(runs.get(i).startedAt()).as("run %d starts after run %d ended", i, i - 1)
						.isAfterOrEqualTo(previousEnd);
				}
			}
		}
	}

	/**
	 * The finished runs of check-pending-payments on both instances that read the slow
	 * payments.
	 */
	private static List<JobRun> longRuns(ConfigurableApplicationContext... instances) {
		List<JobRun> runs = new ArrayList<>();
		for (ConfigurableApplicationContext instance : instances) {
			instance.getBean(JobLog.class)
				.runs()
				.stream()
				.filter((run) -> run.job().equals(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS))
				.filter((run) -> run.items() > 0)
				.forEach(runs::add);
		}
		return runs;
	}

}
