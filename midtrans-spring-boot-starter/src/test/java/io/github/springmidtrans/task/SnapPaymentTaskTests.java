package io.github.springmidtrans.task;

import java.time.Duration;

import io.github.springmidtrans.client.model.ExpiryUnit;
import io.github.springmidtrans.client.model.SnapPageExpiry;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.TimedPaymentTaskTests.MovableClock;
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
 * The periodic tasks on Snap checkouts whose customer has not picked a method: the status
 * check leaves them alone while the page is open, the expiry job expires them locally
 * once it has closed.
 */
@SpringBootTest(classes = SnapPaymentTaskTests.ShopApplication.class,
		webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = { "spring.datasource.generate-unique-name=true", "midtrans.tasks.check-pending-payments.cron=-",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
				"midtrans.tasks.sync-subscription-status.cron=-" })
@AutoConfigureMidtransSimulator
class SnapPaymentTaskTests {

	@Autowired
	PaymentTaskService tasks;

	@Autowired
	PaymentService payments;

	@Autowired
	MovableClock clock;

	@AfterEach
	void backToNow() {
		this.clock.reset();
	}

	@Test
	void anUnchosenCheckoutIsLeftAloneWhileItsPageIsOpenAndExpiredAfter() {
		this.payments.createSnap(SnapRequest.builder("SNAP-TASK-1", 20_000)
			.pageExpiry(SnapPageExpiry.of(15, ExpiryUnit.MINUTE))
			.build());

		CheckPaymentStatusResult checked = this.tasks.checkPaymentStatus("SNAP-TASK-1");
		assertThat(checked.status()).isEqualTo("pending");
		assertThat(this.tasks.expireStalePayments().expired()).isZero();

		// Past the page's expiry, within the expiry grace (5 minutes): still left alone.
		this.clock.advance(Duration.ofMinutes(16));
		assertThat(this.tasks.expireStalePayments().expired()).isZero();

		this.clock.advance(Duration.ofMinutes(5));
		ExpireStalePaymentsResult result = this.tasks.expireStalePayments();

		assertThat(result.expired()).isEqualTo(1);
		MidtransPayment expired = this.payments.findByOrderId("SNAP-TASK-1").orElseThrow();
		assertThat(expired.getStatus()).isEqualTo(PaymentStatus.EXPIRE);
		assertThat(expired.getPaymentType()).isNull();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ShopApplication {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

}
