package io.github.springmidtrans.docs;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.github.springmidtrans.payment.PaymentSettledEvent;

import org.springframework.context.event.EventListener;
import org.springframework.transaction.annotation.Transactional;

// The idempotent listener of docs/webhooks.md, exactly as shown there.

class IdempotentFulfilment {

	private final HandledEvents handledEvents = new HandledEvents();

	private final FulfilledOrders orders = new FulfilledOrders();

	@EventListener
	@Transactional
	public void onSettled(PaymentSettledEvent event) {
		if (!handledEvents.markHandled(event.eventId())) { // false if seen before
			return;
		}
		orders.fulfil(event.orderId());
	}

	/**
	 * Stands for a table of handled event ids with a unique key.
	 */
	static class HandledEvents {

		private final Set<UUID> ids = ConcurrentHashMap.newKeySet();

		boolean markHandled(UUID eventId) {
			return this.ids.add(eventId);
		}

	}

	static class FulfilledOrders {

		void fulfil(String orderId) {
		}

	}

}
