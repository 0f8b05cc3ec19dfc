package io.github.springmidtrans.web;

import io.github.springmidtrans.notification.NotificationResult;

/**
 * Told about every notification the endpoint answered, for metrics.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface NotificationObserver {

	/**
	 * A notification was answered.
	 * @param result what became of it
	 */
	void onNotification(NotificationResult result);

}
