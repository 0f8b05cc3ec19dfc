package io.github.springmidtrans.autoconfigure;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.task.JobGuard;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import io.github.springmidtrans.test.MidtransSimulator;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransShedLockAutoConfiguration}: two instances on one database run a job
 * once.
 */
class MidtransShedLockAutoConfigurationTests {

	private MidtransSimulator simulator;

	private ApplicationContextRunner instance;

	@BeforeEach
	void start() {
		this.simulator = MidtransSimulator.builder().build().start();
		String database = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.instance = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
							TransactionAutoConfiguration.class, MidtransClientAutoConfiguration.class,
							MidtransPersistenceAutoConfiguration.class, MidtransServiceAutoConfiguration.class,
							MidtransShedLockAutoConfiguration.class, MidtransTaskAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database, "midtrans.base-url=" + this.simulator.baseUrl(),
					"midtrans.server-key=" + this.simulator.serverKey(), "midtrans.tasks.lock-at-least-for=10s",
					"midtrans.jdbc.initialize-schema=always", "midtrans.jdbc.continue-on-error=true");
	}

	@AfterEach
	void stop() {
		this.simulator.close();
	}

	@Test
	void jobHoldsALockSoTwoInstancesRunItOnce() {
		this.instance.run((first) -> this.instance.run((second) -> {
			assertThat(first).hasBean("midtransJobGuard");
			runTogether(first, second);

			JobRun one = schedules(first).lastRuns().get(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
			JobRun two = schedules(second).lastRuns().get(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
			assertThat(one.runs() + two.runs()).isEqualTo(1);
			assertThat(one.skipped() + two.skipped()).isEqualTo(1);
		}));
	}

	@Test
	void withoutShedLockEveryInstanceRunsTheJob() {
		ApplicationContextRunner unlocked = this.instance
			.withClassLoader(new FilteredClassLoader(LockingTaskExecutor.class));
		unlocked.run((first) -> unlocked.run((second) -> {
			assertThat(first).doesNotHaveBean(JobGuard.class);
			runTogether(first, second);

			JobRun one = schedules(first).lastRuns().get(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
			JobRun two = schedules(second).lastRuns().get(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
			assertThat(one.runs() + two.runs()).isEqualTo(2);
		}));
	}

	private static void runTogether(AssertableApplicationContext first, AssertableApplicationContext second)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		CompletableFuture<JobRun> a = CompletableFuture.supplyAsync(() -> {
			await(start);
			return schedules(first).runNow(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
		});
		CompletableFuture<JobRun> b = CompletableFuture.supplyAsync(() -> {
			await(start);
			return schedules(second).runNow(MidtransTaskSchedules.CHECK_PENDING_PAYMENTS);
		});
		start.countDown();
		a.get(20, TimeUnit.SECONDS);
		b.get(20, TimeUnit.SECONDS);
	}

	private static MidtransTaskSchedules schedules(AssertableApplicationContext context) {
		return context.getBean(MidtransTaskSchedules.class);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
