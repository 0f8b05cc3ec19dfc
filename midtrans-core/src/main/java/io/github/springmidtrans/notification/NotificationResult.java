package io.github.springmidtrans.notification;

import io.github.springmidtrans.payment.PaymentStatus;
import org.jspecify.annotations.Nullable;

/**
 * What the handler did with one notification.
 *
 * @param outcome what became of it; {@link NotificationOutcome#httpStatus()} is the
 * answer for Midtrans
 * @param orderId the notification's order id, if it had one
 * @param status the payment's status afterwards, when a payment was found
 * @param message why it was not applied, when it was not (safe to show an operator)
 * @param notificationId the id of the audit row, {@code null} when it could not be stored
 * @since 0.1.0
 */
public record NotificationResult(NotificationOutcome outcome, @Nullable String orderId, @Nullable PaymentStatus status,
		@Nullable String message, @Nullable Long notificationId) {

}
