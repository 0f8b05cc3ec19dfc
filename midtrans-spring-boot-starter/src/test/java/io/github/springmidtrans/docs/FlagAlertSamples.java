package io.github.springmidtrans.docs;

import io.github.springmidtrans.payment.PaymentFlaggedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

// The flag listener of docs/webhooks.md, exactly as shown there.

@Component
class FlagAlerts {

	private static final Logger logger = LoggerFactory.getLogger(FlagAlerts.class);

	@EventListener
	void flagged(PaymentFlaggedEvent event) {
		logger.error("Payment {} needs a person: {} ({})", event.orderId(), event.flag(), event.detail());
	}

}
