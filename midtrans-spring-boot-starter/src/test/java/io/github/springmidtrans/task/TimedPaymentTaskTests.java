package io.github.springmidtrans.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorOperation;
import io.github.springmidtrans.test.spring.AutoConfigureMidtransSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic tasks that depend on time, with an application clock the test moves
 * forward (the simulator keeps real time).
 */
@SpringBootTest(classes = TimedPaymentTaskTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "midtrans.tasks.check-pending-payments.cron=-",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
				"midtrans.tasks.sync-subscription-status.cron=-" })
@AutoConfigureMidtransSimulator
class TimedPaymentTaskTests {

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	PaymentService payments;

	@Autowired
	InvoiceService invoices;

	@Autowired
	SubscriptionService subscriptions;

	@Autowired
	MidtransClient client;

	@Autowired
	MovableClock clock;

	@Autowired
	MidtransSimulator simulator;

	@AfterEach
	void backToNow() {
		this.clock.reset();
		this.simulator.faults().clear();
	}

	@Test
	void expireStalePaymentsExpiresPendingPaymentsPastTheirExpiry() {
		this.payments.charge(ChargeRequest.bankTransfer("STALE-1", 10_000, Bank.BCA).build());
		this.payments.charge(ChargeRequest.bankTransfer("STALE-2", 10_000, Bank.BCA).build());
		this.payments.charge(ChargeRequest.gopay("PAID-1", 10_000).build());
		this.simulator.pay("PAID-1");
		this.payments.refreshStatus("PAID-1");
		this.clock.advance(Duration.ofDays(2));

		ExpireStalePaymentsResult result = this.tasks.expireStalePayments();

		assertThat(result.expired()).isEqualTo(2);
		assertThat(this.payments.findByOrderId("STALE-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.EXPIRE);
		assertThat(this.payments.findByOrderId("PAID-1").orElseThrow().getStatus()).isEqualTo(PaymentStatus.SETTLEMENT);
		assertThat(this.tasks.expireStalePayments().expired()).isZero();
	}

	@Test
	void expireStalePaymentsExpiresSeveralPaymentsAtOnce() {
		for (int i = 1; i <= 4; i++) {
			this.payments.charge(ChargeRequest.bankTransfer("SLOW-STALE-" + i, 10_000, Bank.BCA).build());
		}
		this.clock.advance(Duration.ofDays(2));
		this.simulator.clearRequests();
		// Every expire call takes two seconds: one after the other, four would take
		// eight.
		this.simulator.faults().on(SimulatorOperation.EXPIRE).always().latency(Duration.ofSeconds(2));

		long start = System.nanoTime();
		ExpireStalePaymentsResult result = this.tasks.expireStalePayments();
		Duration took = Duration.ofNanos(System.nanoTime() - start);

		assertThat(result.expired()).isEqualTo(4);
		for (int i = 1; i <= 4; i++) {
			assertThat(this.payments.findByOrderId("SLOW-STALE-" + i).orElseThrow().getStatus())
				.isEqualTo(PaymentStatus.EXPIRE);
		}
		assertThat(this.simulator.requestsTo(SimulatorOperation.EXPIRE)).hasSize(4);
		assertThat(took).as("four 2-second calls with concurrency 8 and 4 task threads")
			.isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void checkOverdueInvoicesMarksInvoicesPastTheirDueDate() {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).withNano(0);
		this.invoices.create(InvoiceRequest
			.virtualAccount("OVERDUE-1", this.invoices.newInvoiceNumber(), now, now.plusDays(1),
					InvoiceCustomer.of("C-1", "Budi", "budi@example.com", "8111222333"),
					InvoiceVirtualAccount.of(InvoiceVaBank.BCA_VA))
			.item(InvoiceItem.of("SKU-1", "Coffee beans", 1, 150_000))
			.build());
		this.clock.advance(Duration.ofDays(2));

		CheckOverdueInvoicesResult result = this.tasks.checkOverdueInvoices();

		assertThat(result.overdue()).isEqualTo(1);
		assertThat(this.invoices.findByOrderId("OVERDUE-1").orElseThrow().getStatus()).isEqualTo(InvoiceStatus.OVERDUE);
		assertThat(this.tasks.checkOverdueInvoices().overdue()).isZero();
	}

	@Test
	void syncSubscriptionStatusCountsSubscriptionsThatChanged() {
		String savedToken = this.client.cards()
			.register(CardRegisterRequest.of("4811111111111114", "12", "2030"))
			.savedTokenId();
		MidtransSubscription subscription = this.subscriptions.create(SubscriptionRequest
			.creditCard("TIMEDSUB", 14_000, savedToken, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
			.build());
		// Someone disables it in the Midtrans dashboard; the hourly sync notices.
		this.client.subscriptions().disable(subscription.getSubscriptionId());
		this.clock.advance(Duration.ofHours(2));

		SyncSubscriptionStatusResult result = this.tasks.syncSubscriptionStatus();

		assertThat(result.synced()).isEqualTo(1);
		assertThat(this.tasks.syncSubscriptionStatus().synced()).isZero();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

	/**
	 * The system clock, moved forward by the test.
	 */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		void reset() {
			this.offset = Duration.ZERO;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
