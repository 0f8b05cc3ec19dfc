package io.github.springmidtrans.task;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic jobs keep what a row still needs on the row: one attempt per row and run,
 * a failed status check moves that payment's next check by a growing back-off instead of
 * holding a worker through retries, final payments are skipped, expiry waits out a grace,
 * and an on-demand charge is recorded before its future is returned.
 */
@SpringBootTest(classes = PeriodicJobRowsTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "midtrans.http.read-timeout=3s",
				"midtrans.tasks.pool-size=1", "midtrans.tasks.check-pending-payments.concurrency=2",
				"midtrans.tasks.check-payment-status.delay=4s", "midtrans.tasks.check-payment-status.multiplier=2",
				"midtrans.tasks.check-payment-status.max-retries=3", "midtrans.tasks.check-payment-status.jitter=1ms",
				"midtrans.tasks.process-charge.delay=20ms", "midtrans.tasks.check-pending-payments.cron=-",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
				"midtrans.tasks.sync-subscription-status.cron=-" })
@AutoConfigureMidtransSimulator
class PeriodicJobRowsTests {

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	PaymentService payments;

	@Autowired
	MidtransSimulator simulator;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void settleEverythingLeft() {
		// Rows of one test must not be due in the next one.
		this.simulator.faults().clear();
		this.jdbc.update("update midtrans_payment set next_check_at = null");
	}

	@Test
	void failingRowsAreTriedOnceARunAndDoNotDelayTheOthers() {
		List<String> healthy = IntStream.range(0, 6).mapToObj((i) -> "ROWS-OK-" + i).toList();
		healthy.forEach(this::charge);
		charge("ROWS-FAIL-A");
		charge("ROWS-FAIL-B");
		healthy.forEach(this.simulator::pay);
		this.simulator.faults().onPath("/v2/ROWS-FAIL-A/status").always().serverError(503);
		this.simulator.faults().onPath("/v2/ROWS-FAIL-B/status").always().serverError(503);

		Instant before = Instant.now();
		CheckPendingPaymentsResult result = this.tasks.checkPendingPayments();

		assertThat(result.queued()).isEqualTo(8);
		// The run returns after every attempt: the healthy rows are all read.
		healthy.forEach((orderId) -> assertThat(payment(orderId).getStatus()).isEqualTo(PaymentStatus.SETTLEMENT));
		// One attempt each, no retries inside the run (three 4 s retries would have
		// held both workers for 28 s).
		assertThat(this.simulator.requestsTo("/v2/ROWS-FAIL-A/status")).hasSize(1);
		assertThat(this.simulator.requestsTo("/v2/ROWS-FAIL-B/status")).hasSize(1);
		for (String failing : List.of("ROWS-FAIL-A", "ROWS-FAIL-B")) {
			MidtransPayment row = payment(failing);
			assertThat(row.getStatus()).isEqualTo(PaymentStatus.PENDING);
			assertThat(row.getFailedChecks()).isEqualTo(1);
			assertThat(row.getNextCheckAt()).isAfterOrEqualTo(before.plusSeconds(4))
				.isBefore(Instant.now().plusSeconds(5));
			assertThat(row.getLastError()).contains("503");
		}

		// Not due yet: the next run leaves them alone.
		assertThat(this.tasks.checkPendingPayments().queued()).isZero();
		assertThat(this.simulator.requestsTo("/v2/ROWS-FAIL-A/status")).hasSize(1);
	}

	@Test
	void theBackOffGrowsWithEachFailureAndStartsOverOnceMidtransAnswers() {
		charge("ROWS-BACKOFF");
		this.simulator.faults().onPath("/v2/ROWS-BACKOFF/status").always().serverError(503);

		this.tasks.checkPendingPayments();
		makeDue("ROWS-BACKOFF");
		Instant second = Instant.now();
		this.tasks.checkPendingPayments();

		MidtransPayment afterTwo = payment("ROWS-BACKOFF");
		assertThat(afterTwo.getFailedChecks()).isEqualTo(2);
		assertThat(afterTwo.getNextCheckAt()).isAfterOrEqualTo(second.plusSeconds(8))
			.isBefore(Instant.now().plusSeconds(9));

		this.simulator.faults().clear();
		this.simulator.pay("ROWS-BACKOFF");
		makeDue("ROWS-BACKOFF");
		this.tasks.checkPendingPayments();

		MidtransPayment answered = payment("ROWS-BACKOFF");
		assertThat(answered.getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(answered.getFailedChecks()).isZero();
	}

	@Test
	void aFinalPaymentIsSkippedWithoutACall() {
		charge("ROWS-FINAL");
		this.simulator.pay("ROWS-FINAL");
		assertThat(this.tasks.checkPaymentStatus("ROWS-FINAL").skipped()).isFalse();
		int reads = this.simulator.requestsTo("/v2/ROWS-FINAL/status").size();

		CheckPaymentStatusResult again = this.tasks.checkPaymentStatus("ROWS-FINAL");

		assertThat(again).isEqualTo(new CheckPaymentStatusResult("ROWS-FINAL", "settlement", null, true, null));
		assertThat(this.simulator.requestsTo("/v2/ROWS-FINAL/status")).hasSize(reads);
		// A person can still force a read.
		assertThat(this.payments.refreshStatus("ROWS-FINAL").getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.simulator.requestsTo("/v2/ROWS-FINAL/status")).hasSize(reads + 1);
	}

	@Test
	void expiryWaitsOutTheGraceAfterTheExpiryTime() {
		charge("ROWS-EXPIRY");
		setExpiry("ROWS-EXPIRY", Instant.now().minusSeconds(60));

		assertThat(this.tasks.expireStalePayments().expired()).isZero();
		assertThat(payment("ROWS-EXPIRY").getStatus()).isEqualTo(PaymentStatus.PENDING);
		assertThat(this.simulator.requestsTo(SimulatorOperation.EXPIRE)).isEmpty();

		setExpiry("ROWS-EXPIRY", Instant.now().minus(Duration.ofMinutes(6)));

		assertThat(this.tasks.expireStalePayments().expired()).isEqualTo(1);
		assertThat(payment("ROWS-EXPIRY").getStatus()).isEqualTo(PaymentStatus.EXPIRE);
	}

	@Test
	void processChargeAsyncRecordsTheChargeBeforeReturning() throws Exception {
		// The only worker is busy for two seconds: the charge's first attempt waits.
		charge("ROWS-BUSY");
		this.simulator.faults().onPath("/v2/ROWS-BUSY/status").once().latency(Duration.ofSeconds(2));
		CompletableFuture<CheckPaymentStatusResult> busy = this.tasks.checkPaymentStatusAsync("ROWS-BUSY");

		CompletableFuture<ProcessChargeResult> charged = this.tasks
			.processChargeAsync(ChargeRequest.bankTransfer("ROWS-ASYNC", 30_000, Bank.BNI).build());

		assertThat(charged).isNotDone();
		MidtransPayment recorded = payment("ROWS-ASYNC");
		assertThat(recorded.getStatus()).isEqualTo(PaymentStatus.INITIATED);
		assertThat(this.simulator.chargeCount("ROWS-ASYNC")).isZero();
		assertThat(charged.get(10, TimeUnit.SECONDS).transactionStatus()).isEqualTo("pending");
		assertThat(busy.get(10, TimeUnit.SECONDS).status()).isEqualTo("pending");
		assertThat(this.simulator.chargeCount("ROWS-ASYNC")).isEqualTo(1);
	}

	private void charge(String orderId) {
		this.payments.charge(ChargeRequest.bankTransfer(orderId, 10_000, Bank.BCA).build());
	}

	private MidtransPayment payment(String orderId) {
		return this.payments.findByOrderId(orderId).orElseThrow();
	}

	private void makeDue(String orderId) {
		this.jdbc.update("update midtrans_payment set next_check_at = ? where order_id = ?",
				Timestamp.from(Instant.now().minusSeconds(1)), orderId);
	}

	private void setExpiry(String orderId, Instant expiry) {
		this.jdbc.update("update midtrans_payment set expiry_time = ? where order_id = ?", Timestamp.from(expiry),
				orderId);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

	}

}
