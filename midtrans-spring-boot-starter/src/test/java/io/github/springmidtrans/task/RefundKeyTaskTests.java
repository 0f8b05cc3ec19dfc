package io.github.springmidtrans.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.autoconfigure.MidtransProperties;
import io.github.springmidtrans.client.MidtransServerException;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * {@link PaymentTaskService#processRefundAsync(String, long, String, boolean, String)}:
 * one refund per caller key, however often and however concurrently it is asked for. Four
 * task threads, so that calls can really overlap.
 */
@SpringBootTest(classes = RefundKeyTaskTests.ShopApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "midtrans.http.read-timeout=2s",
				"midtrans.tasks.pool-size=4", "midtrans.tasks.process-refund.delay=20ms",
				"midtrans.tasks.check-pending-payments.cron=-", "midtrans.tasks.expire-stale-payments.cron=-",
				"midtrans.tasks.check-overdue-invoices.cron=-", "midtrans.tasks.sync-subscription-status.cron=-" })
@AutoConfigureMidtransSimulator
class RefundKeyTaskTests {

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransProperties properties;

	@BeforeEach
	@AfterEach
	void clearFaults() {
		this.simulator.faults().clear();
		this.properties.getTasks().getProcessRefund().setDelay(Duration.ofMillis(20));
	}

	@Test
	void refundWithTheSameKeyTwiceRefundsOnce() throws Exception {
		paid("KEY-1", 40_000);

		ProcessRefundResult first = this.tasks.processRefundAsync("KEY-1", 15_000, "customer asked", false, "return-1")
			.get(10, TimeUnit.SECONDS);
		ProcessRefundResult again = this.tasks.processRefundAsync("KEY-1", 15_000, "customer asked", false, "return-1")
			.get(10, TimeUnit.SECONDS);

		assertThat(first.orderId()).isEqualTo("KEY-1");
		assertThat(first.refundKey()).isEqualTo("return-1");
		assertThat(first.refundAmount()).isEqualByComparingTo("15000");
		assertThat(again).isEqualTo(first);
		assertThat(refundCalls("KEY-1")).hasSize(1);
		assertOneRefund("KEY-1", "return-1", "15000");
	}

	@Test
	void concurrentRefundsWithTheSameKeyCallMidtransOnce() throws Exception {
		paid("KEY-2", 40_000);
		// The first call stays at Midtrans long enough for every other one to arrive.
		this.simulator.faults().on(SimulatorOperation.REFUND).once().latency(Duration.ofMillis(500));

		List<ProcessRefundResult> results = concurrently(4,
				() -> this.tasks.processRefundAsync("KEY-2", 10_000, null, false, "return-2"));

		assertThat(results).hasSize(4).allSatisfy((result) -> {
			assertThat(result.refundKey()).isEqualTo("return-2");
			assertThat(result.refundAmount()).isEqualByComparingTo("10000");
		});
		assertThat(refundCalls("KEY-2")).hasSize(1);
		assertOneRefund("KEY-2", "return-2", "10000");
	}

	@Test
	void refundWithTheSameKeyWhileTheFirstIsRetryingFollowsIt() throws Exception {
		paid("KEY-3", 40_000);
		this.properties.getTasks().getProcessRefund().setDelay(Duration.ofMillis(800));
		this.simulator.faults().on(SimulatorOperation.REFUND).once().serverError(503);

		CompletableFuture<ProcessRefundResult> first = this.tasks.processRefundAsync("KEY-3", 12_000, null, false,
				"return-3");
		await().atMost(Duration.ofSeconds(5)).until(() -> refundCalls("KEY-3").size() == 1);
		CompletableFuture<ProcessRefundResult> second = this.tasks.processRefundAsync("KEY-3", 12_000, null, false,
				"return-3");

		// The second call sends nothing of its own: it ends with the first one's retry.
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(first.get(10, TimeUnit.SECONDS));
		assertThat(refundCalls("KEY-3")).hasSize(2)
			.extracting((call) -> call.header("Idempotency-Key"))
			.containsOnly("return-3");
		assertOneRefund("KEY-3", "return-3", "12000");
	}

	@Test
	void refundIsRecordedUnderTheKeyBeforeTheFutureReturnsAndFinishedByTheSameKeyAfterGivingUp() throws Exception {
		paid("KEY-4", 40_000);
		this.simulator.faults().on(SimulatorOperation.REFUND).always().serverError(503);

		CompletableFuture<ProcessRefundResult> gaveUp = this.tasks.processRefundAsync("KEY-4", 5_000, null, false,
				"return-4");

		assertThat(this.payments.findRefunds("KEY-4")).singleElement().satisfies((refund) -> {
			assertThat(refund.getRefundKey()).isEqualTo("return-4");
			assertThat(refund.getAmount()).isEqualByComparingTo("5000");
		});
		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> gaveUp.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(MidtransServerException.class);
		assertThat(this.payments.findRefunds("KEY-4")).singleElement()
			.satisfies((refund) -> assertThat(refund.getState()).isEqualTo(RefundState.REQUESTED));

		// Later (or after a restart, which keeps only the recorded row): the same key.
		this.simulator.faults().clear();
		ProcessRefundResult finished = this.tasks.processRefundAsync("KEY-4", 5_000, null, false, "return-4")
			.get(10, TimeUnit.SECONDS);

		assertThat(finished.refundKey()).isEqualTo("return-4");
		assertOneRefund("KEY-4", "return-4", "5000");
		assertThat(refundCalls("KEY-4")).extracting((call) -> call.header("Idempotency-Key")).containsOnly("return-4");
	}

	@Test
	void keyOfAnotherRefundFailsAtOnceWithoutACall() throws Exception {
		paid("KEY-5", 40_000);
		paid("KEY-5B", 40_000);
		this.tasks.processRefundAsync("KEY-5", 10_000, null, false, "return-5").get(10, TimeUnit.SECONDS);

		CompletableFuture<ProcessRefundResult> otherAmount = this.tasks.processRefundAsync("KEY-5", 20_000, null, false,
				"return-5");
		CompletableFuture<ProcessRefundResult> otherOrder = this.tasks.processRefundAsync("KEY-5B", 10_000, null, false,
				"return-5");

		for (CompletableFuture<ProcessRefundResult> refused : List.of(otherAmount, otherOrder)) {
			assertThat(refused).isCompletedExceptionally();
			assertThatExceptionOfType(ExecutionException.class).isThrownBy(refused::get)
				.withCauseInstanceOf(IllegalStateException.class)
				.satisfies((ex) -> assertThat(ex.getCause()).hasMessageContaining("return-5"));
		}
		assertThat(refundCalls("KEY-5")).hasSize(1);
		assertThat(refundCalls("KEY-5B")).isEmpty();
		assertThat(this.payments.findRefunds("KEY-5B")).isEmpty();
		assertOneRefund("KEY-5", "return-5", "10000");
	}

	@Test
	void invalidKeyFailsAtOnceAndRecordsNothing() {
		paid("KEY-6", 40_000);

		for (String key : new String[] { "", "return 6", "return-6!", "r".repeat(101) }) {
			assertThatExceptionOfType(ExecutionException.class)
				.isThrownBy(() -> this.tasks.processRefundAsync("KEY-6", 1_000, null, false, key).get())
				.withCauseInstanceOf(IllegalArgumentException.class);
		}
		assertThat(this.payments.findRefunds("KEY-6")).isEmpty();
		assertThat(refundCalls("KEY-6")).isEmpty();
	}

	private void paid(String orderId, long amount) {
		this.payments.charge(ChargeRequest.gopay(orderId, amount).build());
		this.simulator.pay(orderId);
		this.payments.refreshStatus(orderId);
	}

	private List<RecordedCall> refundCalls(String orderId) {
		return this.simulator.requestsTo(SimulatorOperation.REFUND)
			.stream()
			.filter((call) -> orderId.equals(call.orderId()))
			.toList();
	}

	private void assertOneRefund(String orderId, String refundKey, String amount) {
		List<MidtransRefund> rows = this.payments.findRefunds(orderId);
		assertThat(rows).singleElement().satisfies((refund) -> {
			assertThat(refund.getRefundKey()).isEqualTo(refundKey);
			assertThat(refund.getState()).isEqualTo(RefundState.SUCCEEDED);
			assertThat(refund.getAmount()).isEqualByComparingTo(amount);
		});
		assertThat(this.simulator.transaction(orderId).orElseThrow().refunds()).singleElement()
			.satisfies((refund) -> assertThat(refund.refundKey()).isEqualTo(refundKey));
		assertThat(this.payments.findByOrderId(orderId).orElseThrow().getRefundedAmount()).isEqualByComparingTo(amount);
	}

	private static <T> List<T> concurrently(int callers, ThrowingSupplier<CompletableFuture<T>> call) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(callers);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<CompletableFuture<T>>> started = new ArrayList<>();
			for (int i = 0; i < callers; i++) {
				started.add(pool.submit(() -> {
					start.await();
					return call.get();
				}));
			}
			start.countDown();
			List<T> results = new ArrayList<>();
			for (Future<CompletableFuture<T>> future : started) {
				results.add(future.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS));
			}
			return results;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@FunctionalInterface
	interface ThrowingSupplier<T> {

		T get() throws Exception;

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
