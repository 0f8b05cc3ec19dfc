package io.github.springmidtrans.reliability;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
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
	 * Whether an order's events form one chain of real transitions from {@code INITIATED}
	 * to its final status: each starts where another ended, no move repeats, and each
	 * refund event adds to the refunded amount. Events of one order committed by
	 * different threads may be published in either order, so the chain is rebuilt rather
	 * than read in arrival order.
	 * @param orderId the order id
	 * @param finalStatus the payment's stored status
	 * @return a description of the first break in the chain, or {@code null} when whole
	 */
	public @Nullable String chainBreak(String orderId, PaymentStatus finalStatus) {
		List<PaymentEvent> remaining = new ArrayList<>(of(orderId));
		PaymentStatus at = PaymentStatus.INITIATED;
		BigDecimal refunded = BigDecimal.ZERO;
		while (!remaining.isEmpty()) {
			PaymentStatus from = at;
			BigDecimal refundedSoFar = refunded;
			List<PaymentEvent> next = remaining.stream()
				.filter((event) -> event.previousStatus() == from)
				.filter((event) -> !(event instanceof PaymentRefundedEvent refund)
						|| refund.totalRefunded().compareTo(refundedSoFar) > 0)
				.sorted(Comparator.comparing(EventLog::refundedTotal))
				.toList();
			if (next.isEmpty()) {
				return "no event continues from " + at + "; left: " + names(remaining);
			}
			PaymentEvent event = next.get(0);
			if (next.size() > 1 && !(event instanceof PaymentRefundedEvent)) {
				return "more than one event leaves " + at + ": " + names(next);
			}
			if (!(event instanceof PaymentRefundedEvent) && event.status() == at) {
				return "event " + event.getClass().getSimpleName() + " repeats status " + at;
			}
			remaining.remove(event);
			refunded = refundedTotal(event).max(refunded);
			at = event.status();
		}
		return (at == finalStatus) ? null : "the events end at " + at + " but the payment is " + finalStatus;
	}

	private static BigDecimal refundedTotal(PaymentEvent event) {
		return (event instanceof PaymentRefundedEvent refund) ? refund.totalRefunded() : BigDecimal.ZERO;
	}

	private static List<String> names(List<PaymentEvent> events) {
		return events.stream()
			.map((event) -> event.getClass().getSimpleName() + "(" + event.previousStatus() + "->" + event.status()
					+ ")")
			.toList();
	}

}
