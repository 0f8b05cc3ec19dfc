package io.github.springmidtrans.reliability;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.task.PaymentTaskService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application that {@link AsyncChargeCrashTests} runs in a child JVM. In {@code work}
 * mode its only task worker is held by a slow status read, so a charge handed to
 * {@code processChargeAsync} waits in the queue; it prints {@code RECORDED} once that
 * call has returned, and is killed there. In {@code recover} mode it only runs the
 * periodic status check, every second.
 *
 * <p>
 * Arguments: simulator base URL, server key, JDBC URL, {@code work} or {@code recover}.
 */
public final class AsyncChargeCrashChild {

	static final String BLOCKING_ORDER = "ASYNC-HOLDS-THE-WORKER";

	static final String CHARGED_ORDER = "ASYNC-CHARGE-1";

	private AsyncChargeCrashChild() {
	}

	public static void main(String[] args) throws Exception {
		boolean recover = "recover".equals(args[3]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReliabilityApplication.class)
			.web(WebApplicationType.NONE)
			.properties("midtrans.server-key=" + args[1], "midtrans.base-url=" + args[0],
					"spring.datasource.url=" + args[2], "midtrans.jdbc.initialize-schema=never",
					"spring.main.banner-mode=off", "logging.level.root=WARN", "midtrans.tasks.pool-size=1",
					"midtrans.tasks.check-pending-payments.cron=" + (recover ? "* * * * * *" : "-"),
					"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
					"midtrans.tasks.sync-subscription-status.cron=-", "midtrans.tasks.redrive-after=1s",
					"midtrans.tasks.lock-at-least-for=0s", "midtrans.tasks.lock-at-most-for=5s",
					"midtrans.http.read-timeout=120s")
			.run();
		if (recover) {
			System.out.println("READY");
			System.out.flush();
			Thread.currentThread().join();
			return;
		}
		PaymentService payments = context.getBean(PaymentService.class);
		PaymentTaskService tasks = context.getBean(PaymentTaskService.class);
		payments.charge(ChargeRequest.bankTransfer(BLOCKING_ORDER, 10_000, Bank.BCA).build());
		// The parent made this read slow: it holds the only worker.
		tasks.checkPaymentStatusAsync(BLOCKING_ORDER);
		tasks.processChargeAsync(ChargeRequest.bankTransfer(CHARGED_ORDER, 75_000, Bank.BNI).build());
		System.out.println("RECORDED");
		System.out.flush();
		Thread.currentThread().join();
	}

}
