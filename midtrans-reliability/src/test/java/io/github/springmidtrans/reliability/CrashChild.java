package io.github.springmidtrans.reliability;

import java.time.Duration;
import java.util.List;
import java.util.Random;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.task.PaymentTaskService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application that {@link CrashRecoveryTests} runs in a child JVM and kills: the
 * starter on PostgreSQL against the parent's simulator, charging new orders and refunding
 * settled ones as fast as it can, with the periodic jobs every second.
 *
 * <p>
 * Arguments: simulator base URL, server key, JDBC URL, order id prefix, seed, and
 * {@code work} or {@code recover} (only run the jobs, with the clock moved past every
 * retry delay).
 */
public final class CrashChild {

	private CrashChild() {
	}

	public static void main(String[] args) throws Exception {
		String baseUrl = args[0];
		String serverKey = args[1];
		String jdbcUrl = args[2];
		String prefix = args[3];
		Random random = new Random(Long.parseLong(args[4]));
		boolean recover = "recover".equals(args[5]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReliabilityApplication.class)
			.web(WebApplicationType.NONE)
			.properties("midtrans.server-key=" + serverKey, "midtrans.base-url=" + baseUrl,
					"spring.datasource.url=" + jdbcUrl, "midtrans.jdbc.initialize-schema=never",
					"spring.main.banner-mode=off", "logging.level.root=WARN",
					"midtrans.tasks.check-pending-payments.cron=* * * * * *",
					"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
					"midtrans.tasks.sync-subscription-status.cron=-", "midtrans.tasks.redrive-after=1s",
					"midtrans.tasks.lock-at-least-for=0s",
					// A killed instance's job lock must not outlive the test by half an
					// hour.
					"midtrans.tasks.lock-at-most-for=5s", "midtrans.tasks.process-refund.delay=200ms",
					"midtrans.tasks.check-payment-status.delay=200ms", "midtrans.http.read-timeout=2s")
			.run();
		if (recover) {
			// Past the one-minute wait before a failed charge is checked again.
			context.getBean(ShiftedClock.class).advance(Duration.ofMinutes(3));
		}
		System.out.println("READY");
		System.out.flush();
		if (recover) {
			Thread.currentThread().join();
			return;
		}
		PaymentService payments = context.getBean(PaymentService.class);
		PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
		for (int i = 0;; i++) {
			String orderId = prefix + "-" + i;
			try {
				payments.charge((random.nextBoolean()) ? ChargeRequest.gopay(orderId, 50_000).build()
						: ChargeRequest.bankTransfer(orderId, 50_000, Bank.BCA).build());
				List<MidtransPayment> settled = payments.findRecent(PaymentStatus.SETTLEMENT, Long.MAX_VALUE, 20);
				for (MidtransPayment payment : settled) {
					if (payment.getPaymentType().equals("gopay")
							&& payments.findRefunds(payment.getOrderId()).isEmpty()) {
						tasks.processRefundAsync(payment.getOrderId(), 20_000, "crash test", false);
						break;
					}
				}
			}
			catch (RuntimeException ex) {
				System.out.println("FAILED " + orderId + ": " + ex.getMessage());
			}
		}
	}

}
