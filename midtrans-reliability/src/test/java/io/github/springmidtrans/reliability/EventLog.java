package io.github.springmidtrans.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.springmidtrans.payment.PaymentEvent;
import io.github.springmidtrans.payment.PaymentRefundedEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;

/**
 * Every payment event the application published, per order id, in order.
 */
public class EventLog {

	private final Map<String, List<PaymentEvent>> events = new ConcurrentHashMap<>();

	@EventListener
	void on(PaymentEvent event) {
		this.events.computeIfAbsent(event.orderId(), (key) -> new ArrayList<>());
		List<PaymentEvent> list = this.events.get(event.orderId());
		synchronized (list) {
			list.add(event);
		}
	}

	/**
	 * The events of one order.
	 * @param orderId the order id
	 * @return its events, oldest first
	 */
	public List<PaymentEvent> of(String orderId) {
		List<PaymentEvent> list = this.events.getOrDefault(orderId, List.of());
		synchronized (list) {
			return List.copyOf(list);
		}
	}

	/**
	 * The simple class names of one order's events.
	 * @param orderId the order id
	 * @return the names, oldest first
	 */
	public List<String> names(String orderId) {
		return of(orderId).stream().map((event) -> event.getClass().getSimpleName()).toList();
	}

	/**
	 * How many events were published.
	 * @return the total
	 */
	public int total() {
		return this.events.values().stream().mapToInt(List::size).sum();
	}

	/**
	 * Whether an order's events form one chain of real transitions ending in its final
	 * status: each starts where the previous ended, none repeats a move, and a refund
	 * event always adds to the refunded amount.
	 * @param orderId the order id
	 * @param finalStatus the payment's stored status
	 * @return a description of the first break in the chain, or {@code null} when whole
	 */
	public @Nullable String chainBreak(String orderId, PaymentStatus finalStatus) {
		PaymentStatus at = PaymentStatus.INITIATED;
		BigDecimal refunded = BigDecimal.ZERO;
		for (PaymentEvent event : of(orderId)) {
			if (event.previousStatus() != at) {
				return "event " + event.getClass().getSimpleName() + " starts at " + event.previousStatus()
						+ " but the payment was " + at;
			}
			if (event instanceof PaymentRefundedEvent refund) {
				if (refund.totalRefunded().compareTo(refunded) <= 0) {
					return "refund event does not add to the refunded amount " + refunded;
				}
				refunded = refund.totalRefunded();
			}
			else if (event.status() == at) {
				return "event " + event.getClass().getSimpleName() + " repeats status " + at;
			}
			at = event.status();
		}
		return (at == finalStatus) ? null : "the events end at " + at + " but the payment is " + finalStatus;
	}

}
