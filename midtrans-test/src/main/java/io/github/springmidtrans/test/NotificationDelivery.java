package io.github.springmidtrans.test;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver a notification (payment, subscription or pay account), as
 * recorded by the simulator.
 *
 * @param url where it was posted
 * @param orderId the order; for a subscription notification the order id of the charge it
 * reports (the subscription id when there is none), for a pay-account notification the
 * account id
 * @param transactionStatus the {@code transaction_status} it announced
 * @param statusCode the {@code status_code} it carried ({@code 201} pending, {@code 200}
 * paid or refunded, {@code 202} denied, cancelled or expired)
 * @param body the JSON body that was posted, signed like Midtrans'
 * @param attemptedAt when it was posted, on the simulator's clock
 * @param httpStatus the HTTP status the receiver answered, or {@code 0} when it could not
 * be reached
 * @param failure why it could not be delivered, or {@code null}
 * @param attempt {@code 1} for the first delivery, {@code 2} and up for re-deliveries by
 * the retry policy
 * @since 0.1.0
 */
public record NotificationDelivery(String url, String orderId, String transactionStatus, String statusCode, String body,
		Instant attemptedAt, int httpStatus, @Nullable String failure, int attempt) {

	/**
	 * Whether the receiver answered with a 2xx status.
	 * @return {@code true} when accepted
	 */
	public boolean accepted() {
		return this.httpStatus >= 200 && this.httpStatus < 300;
	}

}
