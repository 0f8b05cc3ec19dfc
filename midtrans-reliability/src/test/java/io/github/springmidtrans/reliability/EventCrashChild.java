package io.github.springmidtrans.reliability;

import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentPendingEvent;
import io.github.springmidtrans.payment.PaymentService;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The application that {@link EventCrashTests} runs in a child JVM: in {@code charge}
 * mode it charges one order, and the first listener of its "pending" event prints the
 * event's id and blocks, so that the parent kills the JVM after the transition committed
 * and before any other listener saw the event; in {@code recover} mode it only starts,
 * and prints every payment event it receives.
 *
 * <p>
 * Arguments: simulator base URL, server key, JDBC URL, order id, and {@code charge} or
 * {@code recover}.
 */
public final class EventCrashChild {

	private EventCrashChild() {
	}

	public static void main(String[] args) throws Exception {
		String orderId = args[3];
		boolean charge = "charge".equals(args[4]);
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ReliabilityApplication.class,
				charge ? Blocking.class : Recording.class)
			.web(WebApplicationType.NONE)
			.properties("midtrans.server-key=" + args[1], "midtrans.base-url=" + args[0],
					"spring.datasource.url=" + args[2], "midtrans.jdbc.initialize-schema=never",
					"spring.main.banner-mode=off", "logging.level.root=WARN",
					"midtrans.tasks.check-pending-payments.cron=-", "midtrans.tasks.expire-stale-payments.cron=-",
					"midtrans.tasks.check-overdue-invoices.cron=-", "midtrans.tasks.sync-subscription-status.cron=-",
					"midtrans.tasks.lock-at-least-for=0s", "midtrans.tasks.lock-at-most-for=5s")
			.run();
		System.out.println("READY");
		System.out.flush();
		if (charge) {
			context.getBean(PaymentService.class).charge(ChargeRequest.gopay(orderId, 50_000).build());
			System.out.println("CHARGE RETURNED");
			System.out.flush();
		}
		Thread.currentThread().join();
	}

	@Configuration(proxyBeanMethods = false)
	static class Blocking {

		@Bean
		BlockingListener blockingListener() {
			return new BlockingListener();
		}

	}

	static class BlockingListener {

		@EventListener
		@Order(Ordered.HIGHEST_PRECEDENCE)
		void on(PaymentPendingEvent event) throws InterruptedException {
			System.out.println("DELIVERING " + event.orderId() + " " + event.eventId());
			System.out.flush();
			// The parent kills this JVM now.
			Thread.currentThread().join();
		}

		@EventListener
		void after(PaymentEvent event) {
			System.out
				.println("EVENT " + event.getClass().getSimpleName() + " " + event.orderId() + " " + event.eventId());
			System.out.flush();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		RecordingListener recordingListener() {
			return new RecordingListener();
		}

	}

	static class RecordingListener {

		@EventListener
		void on(PaymentEvent event) {
			System.out
				.println("EVENT " + event.getClass().getSimpleName() + " " + event.orderId() + " " + event.eventId());
			System.out.flush();
		}

	}

}
