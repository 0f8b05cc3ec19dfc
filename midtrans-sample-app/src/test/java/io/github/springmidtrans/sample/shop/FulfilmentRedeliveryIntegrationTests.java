package io.github.springmidtrans.sample.shop;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.springmidtrans.event.MidtransEventOutbox;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A listener that fails on "paid" does not lose the order: the starter delivers the event
 * again, with the same id, until every listener accepts it, and the shop fulfils the
 * order exactly once however often the event arrives.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "midtrans.events.retry-delay=0s", "midtrans.tasks.redeliver-events.cron=-" })
@ExtendWith(OutputCaptureExtension.class)
class FulfilmentRedeliveryIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ProductRepository products;

	@Autowired
	ShopOrderRepository orders;

	@Autowired
	MidtransTaskSchedules schedules;

	@Autowired
	MidtransEventOutbox outbox;

	@Autowired
	FailingListeners listeners;

	ShopHttp http;

	@BeforeEach
	void browser() {
		this.http = new ShopHttp(this.port);
		this.listeners.before.clear();
		this.listeners.after.clear();
	}

	@Test
	void orderIsFulfilledWhenAListenerBeforeFulfilmentFailedTheFirstDelivery(CapturedOutput output) {
		this.listeners.failBefore.set(true);
		String orderNumber = payOrder();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.before.size() == 1);
		// The first delivery stopped before the fulfilment listener.
		assertThat(this.orders.findByOrderNumber(orderNumber).orElseThrow().getStatus())
			.isEqualTo(OrderStatus.AWAITING_PAYMENT);

		redeliver();
		ShopOrder order = this.orders.findByOrderNumber(orderNumber).orElseThrow();
		assertThat(order.getStatus()).isEqualTo(OrderStatus.FULFILLED);
		assertThat(this.listeners.before).hasSize(2)
			.extracting(PaymentSettledEvent::eventId)
			.containsOnly(this.listeners.before.get(0).eventId());
		assertThat(this.outbox.findByEventId(this.listeners.before.get(0).eventId()).orElseThrow().getCompletedAt())
			.isNotNull();
		assertThat(fulfilments(output, orderNumber)).isOne();
	}

	@Test
	void orderIsFulfilledOnceWhenAListenerAfterFulfilmentFailsAndTheEventComesAgain(CapturedOutput output) {
		this.listeners.failAfter.set(true);
		String orderNumber = payOrder();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.listeners.after.size() == 1);
		ShopOrder fulfilled = this.orders.findByOrderNumber(orderNumber).orElseThrow();
		assertThat(fulfilled.getStatus()).isEqualTo(OrderStatus.FULFILLED);
		Instant fulfilledAt = fulfilled.getFulfilledAt();

		redeliver();
		redeliver();
		assertThat(this.listeners.after).hasSize(2);
		UUID eventId = this.listeners.after.get(0).eventId();
		assertThat(this.listeners.after.get(1).eventId()).isEqualTo(eventId);
		ShopOrder again = this.orders.findByOrderNumber(orderNumber).orElseThrow();
		assertThat(again.getStatus()).isEqualTo(OrderStatus.FULFILLED);
		assertThat(again.getFulfilledAt()).isEqualTo(fulfilledAt);
		assertThat(fulfilments(output, orderNumber)).isOne();
	}

	private void redeliver() {
		this.schedules.runNow(MidtransTaskSchedules.REDELIVER_EVENTS);
	}

	private String payOrder() {
		long product = this.products.findAll()
			.stream()
			.filter((candidate) -> candidate.getSku().equals("KOPI-250"))
			.findFirst()
			.orElseThrow()
			.getId();
		Page order = this.http.submit("/products/" + product + "/checkout/core-api", "quantity", "1", "name",
				"Budi Utomo", "email", "budi@example.com", "phone", "08111222333", "method", "BCA_VA");
		assertThat(order.status()).isEqualTo(200);
		String orderNumber = order.text("order-number");
		this.http.submit("/orders/" + orderNumber + "/simulate-payment");
		return orderNumber;
	}

	private static long fulfilments(CapturedOutput output, String orderNumber) {
		return output.getOut().lines().filter((line) -> line.endsWith("Order " + orderNumber + " fulfilled")).count();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingListenersConfiguration {

		@Bean
		FailingListeners failingListeners() {
			return new FailingListeners();
		}

	}

	static class FailingListeners {

		final List<PaymentSettledEvent> before = new CopyOnWriteArrayList<>();

		final List<PaymentSettledEvent> after = new CopyOnWriteArrayList<>();

		final AtomicBoolean failBefore = new AtomicBoolean();

		final AtomicBoolean failAfter = new AtomicBoolean();

		@EventListener
		@Order(Ordered.HIGHEST_PRECEDENCE)
		void first(PaymentSettledEvent event) {
			this.before.add(event);
			if (this.failBefore.getAndSet(false)) {
				throw new IllegalStateException("loyalty points service down");
			}
		}

		@EventListener
		@Order(Ordered.LOWEST_PRECEDENCE)
		void last(PaymentSettledEvent event) {
			this.after.add(event);
			if (this.failAfter.getAndSet(false)) {
				throw new IllegalStateException("e-mail service down");
			}
		}

	}

}
