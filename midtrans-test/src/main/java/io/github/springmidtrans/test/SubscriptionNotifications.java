package io.github.springmidtrans.test;

import java.time.Instant;

import io.github.springmidtrans.test.SimulatorSubscriptions.Subscription;
import tools.jackson.databind.node.ObjectNode;

/**
 * The bodies Midtrans posts to the Recurring Notification URL, in the shapes of its
 * published samples: the subscription object alone when a subscription is created, and
 * {@code transaction} + {@code subscription} + {@code event_name} for each charge cycle's
 * result. Their times are ISO-8601 in UTC with microseconds, and they carry no
 * {@code signature_key}.
 */
final class SubscriptionNotifications {

	/** Midtrans' {@code event_name} of a charge result. */
	static final String CHARGE_EVENT = "subscription.charge";

	private SubscriptionNotifications() {
	}

	/**
	 * The notification of a created subscription.
	 */
	static ObjectNode created(Subscription subscription, String merchantId) {
		return subscription(subscription, merchantId);
	}

	/**
	 * The notification of a charge cycle's result.
	 * @param transaction the {@code transaction} object: for a success its status, id and
	 * {@code status_code} 200; for a failure its {@code status_code} and
	 * {@code status_message}
	 */
	static ObjectNode charge(Subscription subscription, ObjectNode transaction, String merchantId) {
		ObjectNode body = Wire.object();
		body.set("transaction", transaction);
		body.set("subscription", subscription(subscription, merchantId));
		body.put("event_name", CHARGE_EVENT);
		return body;
	}

	private static ObjectNode subscription(Subscription subscription, String merchantId) {
		ObjectNode body = Wire.object();
		body.put("token", subscription.token);
		body.put("status", subscription.status);
		ObjectNode schedule = body.putObject("schedule");
		Instant start = (subscription.startTime != null) ? subscription.startTime : subscription.createdAt;
		schedule.put("start_time", Wire.isoUtc(start));
		if (subscription.nextExecutionAt != null) {
			schedule.put("next_execution_at", Wire.isoUtc(subscription.nextExecutionAt));
		}
		schedule.put("interval_unit", subscription.intervalUnit);
		schedule.put("interval", subscription.interval);
		schedule.put("current_interval", subscription.currentInterval);
		body.put("payment_type", subscription.paymentType);
		body.put("name", subscription.name);
		body.set("metadata", subscription.metadata.deepCopy());
		body.put("merchant_id", merchantId);
		body.put("id", subscription.id);
		if (subscription.gopayAccountId != null) {
			body.putObject("gopay").put("account_id", subscription.gopayAccountId);
		}
		body.set("customer_details",
				(subscription.customer != null) ? subscription.customer.deepCopy() : Wire.object());
		body.put("currency", "IDR");
		body.put("amount", Long.toString(subscription.amount));
		return body;
	}

}
