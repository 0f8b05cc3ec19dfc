package io.github.springmidtrans.task;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.autoconfigure.MidtransProperties;
import io.github.springmidtrans.client.MidtransServerException;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.RecordedCall;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
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
 * {@link PaymentTaskService} against the simulator, with back-offs in milliseconds.
 */
@SpringBootTest(classes = PaymentTaskServiceTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "midtrans.http.read-timeout=400ms",
				"midtrans.tasks.pool-size=1", "midtrans.tasks.check-payment-status.delay=20ms",
				"midtrans.tasks.process-charge.delay=20ms", "midtrans.tasks.process-refund.delay=20ms",
				"midtrans.tasks.check-pending-payments.cron=-", "midtrans.tasks.expire-stale-payments.cron=-",
				"midtrans.tasks.check-overdue-invoices.cron=-", "midtrans.tasks.sync-subscription-status.cron=-",
				"midtrans.tasks.redeliver-events.cron=-", "midtrans.tasks.purge-notifications.cron=-" })
@AutoConfigureMidtransSimulator
class PaymentTaskServiceTests {

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	MidtransTaskSchedules schedules;

	@Autowired
	MidtransProperties properties;

	@BeforeEach
	void clearFaults() {
		this.simulator.faults().clear();
	}

	@Test
	void checkPaymentStatusHasTheReferenceResults() {
		this.payments.charge(ChargeRequest.bankTransfer("TASK-1", 10_000, Bank.BCA).build());
		this.simulator.pay("TASK-1");

		CheckPaymentStatusResult checked = this.tasks.checkPaymentStatus("TASK-1");
		CheckPaymentStatusResult again = this.tasks.checkPaymentStatus("TASK-1");
		CheckPaymentStatusResult unknown = this.tasks.checkPaymentStatus("NO-SUCH-ORDER");

		assertThat(checked).isEqualTo(new CheckPaymentStatusResult("TASK-1", "settlement", "settlement", false, null));
		assertThat(again).isEqualTo(new CheckPaymentStatusResult("TASK-1", "settlement", null, true, null));
		assertThat(unknown.error()).isEqualTo("Payment NO-SUCH-ORDER not found");
		this.simulator.expire(this.payments.charge(ChargeRequest.gopay("TASK-1B", 5_000).build()).getOrderId());
		this.tasks.checkPaymentStatus("TASK-1B");
		assertThat(this.tasks.checkPaymentStatus("TASK-1B"))
			.isEqualTo(new CheckPaymentStatusResult("TASK-1B", "expire", null, true, null));
	}

	@Test
	void asyncStatusCheckRetriesServerErrorsWithBackOff() throws Exception {
		this.payments.charge(ChargeRequest.bankTransfer("TASK-2", 10_000, Bank.BCA).build());
		this.simulator.pay("TASK-2");
		this.simulator.faults().on(SimulatorOperation.STATUS).times(2).serverError(503);
		int before = this.simulator.requestsTo(SimulatorOperation.STATUS).size();

		CheckPaymentStatusResult result = this.tasks.checkPaymentStatusAsync("TASK-2").get(10, TimeUnit.SECONDS);

		assertThat(result.status()).isEqualTo("settlement");
		assertThat(this.simulator.requestsTo(SimulatorOperation.STATUS)).hasSize(before + 3);
	}

	@Test
	void asyncStatusCheckGivesUpAfterItsRetries() {
		this.payments.charge(ChargeRequest.bankTransfer("TASK-3", 10_000, Bank.BCA).build());
		this.simulator.faults().on(SimulatorOperation.STATUS).always().serverError(503);
		int before = this.simulator.requestsTo(SimulatorOperation.STATUS).size();

		CompletableFuture<CheckPaymentStatusResult> future = this.tasks.checkPaymentStatusAsync("TASK-3");

		assertThatExceptionOfType(ExecutionException.class).isThrownBy(() -> future.get(10, TimeUnit.SECONDS))
			.withCauseInstanceOf(MidtransServerException.class);
		assertThat(this.simulator.requestsTo(SimulatorOperation.STATUS)).hasSize(before + 4);
	}

	@Test
	void tasksWaitingOutABackOffDoNotStarveNewOnes() throws Exception {
		// One worker thread; five checks fail and wait two seconds before retrying.
		this.payments.charge(ChargeRequest.bankTransfer("TASK-4", 10_000, Bank.BCA).build());
		this.payments.charge(ChargeRequest.bankTransfer("TASK-4-OK", 10_000, Bank.BCA).build());
		this.simulator.faults().onPath("/v2/TASK-4/status").always().serverError(503);
		TaskProperties.Retry retry = this.properties.getTasks().getCheckPaymentStatus();
		retry.setDelay(Duration.ofSeconds(2));
		try {
			List<CompletableFuture<CheckPaymentStatusResult>> failing = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				failing.add(this.tasks.checkPaymentStatusAsync("TASK-4"));
			}
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.simulator.requestsTo("/v2/TASK-4/status").size() >= 5);

			CheckPaymentStatusResult other = this.tasks.checkPaymentStatusAsync("TASK-4-OK")
				.get(1500, TimeUnit.MILLISECONDS);

			assertThat(other.status()).isEqualTo("pending");
			assertThat(failing).noneMatch(CompletableFuture::isDone);
		}
		finally {
			retry.setDelay(Duration.ofMillis(20));
		}
	}

	@Test
	void processChargeNeverChargesTwice() throws Exception {
		this.simulator.faults().on(SimulatorOperation.CHARGE).once().timeoutAfterProcessing(Duration.ofSeconds(2));

		ProcessChargeResult result = this.tasks
			.processChargeAsync(ChargeRequest.bankTransfer("TASK-5", 25_000, Bank.BNI).build())
			.get(10, TimeUnit.SECONDS);

		assertThat(result.orderId()).isEqualTo("TASK-5");
		assertThat(result.transactionStatus()).isEqualTo("pending");
		assertThat(result.paymentId()).isNotNull();
		// Two attempts reached Midtrans, with one order id and one idempotency key: one
		// transaction.
		List<RecordedCall> attempts = this.simulator.requestsTo(SimulatorOperation.CHARGE)
			.stream()
			.filter((call) -> "TASK-5".equals(call.orderId()))
			.toList();
		assertThat(attempts).hasSize(2);
		assertThat(attempts.get(1).header("Idempotency-Key")).isEqualTo(attempts.get(0).header("Idempotency-Key"));
		assertThat(this.simulator.transactions()).filteredOn((transaction) -> transaction.orderId().equals("TASK-5"))
			.hasSize(1);
	}

	@Test
	void processRefundNeverRefundsTwice() throws Exception {
		this.payments.charge(ChargeRequest.gopay("TASK-6", 40_000).build());
		this.simulator.pay("TASK-6");
		this.payments.refreshStatus("TASK-6");
		this.simulator.faults().on(SimulatorOperation.REFUND).once().timeoutAfterProcessing(Duration.ofSeconds(2));

		ProcessRefundResult result = this.tasks.processRefundAsync("TASK-6", 15_000, "customer asked", false)
			.get(10, TimeUnit.SECONDS);

		assertThat(result.orderId()).isEqualTo("TASK-6");
		assertThat(result.refundKey()).startsWith("rf-");
		assertThat(result.refundAmount()).isEqualByComparingTo("15000");
		assertThat(this.simulator.transaction("TASK-6").orElseThrow().refunds()).hasSize(1);
		assertThat(this.payments.findByOrderId("TASK-6").orElseThrow().getRefundedAmount())
			.isEqualByComparingTo("15000");
	}

	@Test
	void refundThatCannotBeMadeFailsAtOnce() {
		this.payments.charge(ChargeRequest.bankTransfer("TASK-7", 10_000, Bank.BCA).build());

		CompletableFuture<ProcessRefundResult> future = this.tasks.processRefundAsync("TASK-7", 1_000, null, false);

		assertThat(future).isCompletedExceptionally();
		assertThat(this.payments.findRefunds("TASK-7")).isEmpty();
	}

	@Test
	void checkPendingPaymentsDispatchesAStatusCheckPerWaitingPayment() {
		for (int i = 0; i < 3; i++) {
			this.payments.charge(ChargeRequest.bankTransfer("TASK-8-" + i, 10_000, Bank.BCA).build());
		}
		this.simulator.pay("TASK-8-0");
		this.simulator.pay("TASK-8-2");

		CheckPendingPaymentsResult result = this.tasks.checkPendingPayments();

		assertThat(result.queued()).isGreaterThanOrEqualTo(3);
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
			assertThat(this.payments.findByOrderId("TASK-8-0").orElseThrow().getStatus())
				.isEqualTo(PaymentStatus.SETTLEMENT);
			assertThat(this.payments.findByOrderId("TASK-8-2").orElseThrow().getStatus())
				.isEqualTo(PaymentStatus.SETTLEMENT);
		});
		assertThat(this.payments.findByOrderId("TASK-8-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.PENDING);
	}

	@Test
	void rateLimitSpacesTheItemsAJobStarts() {
		for (int i = 0; i < 5; i++) {
			this.payments.charge(ChargeRequest.bankTransfer("TASK-RATE-" + i, 10_000, Bank.BCA).build());
		}
		TaskProperties.Job job = this.properties.getTasks().getCheckPendingPayments();
		job.setRateLimit(5);
		try {
			long start = System.nanoTime();
			CheckPendingPaymentsResult result = this.tasks.checkPendingPayments();
			long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

			// Five or more starts at five per second: at least four intervals of 200 ms.
			assertThat(result.queued()).isGreaterThanOrEqualTo(5);
			assertThat(elapsedMillis).isGreaterThanOrEqualTo(750);
		}
		finally {
			job.setRateLimit(0);
		}
	}

	@Test
	void disabledJobsAreNotScheduled() {
		assertThat(this.schedules.schedules()).isEmpty();
		assertThat(this.tasks.checkOverdueInvoices().overdue()).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
