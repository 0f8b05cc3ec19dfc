package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A notification Midtrans posts to the Recurring Notification URL about a subscription:
 * the outcome of one charge cycle ({@code event_name} {@code subscription.charge}, a
 * nested {@code subscription} and {@code transaction}), or a created subscription (the
 * subscription object itself, with {@code merchant_id}; read it with
 * {@link #ofCreation(SubscriptionResponse)}).
 *
 * <p>
 * Nothing in it is signed: apply only what Midtrans answers when asked ({@code GET
 * /v1/subscriptions/{id}} and {@code GET /v2/{transaction_id}/status}). Read leniently:
 * fields may be missing, and a failed charge carries only {@code status_code} and
 * {@code status_message} in its transaction ({@code 500} means no transaction was
 * created). Its {@link #toString()} never shows the subscription's token.
 *
 * @param subscription the subscription as the notification describes it
 * @param transaction the charge attempt, {@code null} for a creation notification
 * @param eventName the event, such as {@code subscription.charge}
 * @param raw the complete body
 * @since 0.1.0
 */
public record SubscriptionNotification(@Nullable SubscriptionResponse subscription, @Nullable Charge transaction,
		@Nullable String eventName, @JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	/**
	 * A creation notification: the subscription object with no transaction.
	 * @param subscription the subscription as posted
	 * @return the notification
	 */
	public static SubscriptionNotification ofCreation(SubscriptionResponse subscription) {
		return new SubscriptionNotification(subscription, null, null, subscription.raw());
	}

	/**
	 * The subscription's id, which the confirming read uses.
	 * @return {@code subscription.id}, or {@code null} when absent
	 */
	@JsonIgnore
	public @Nullable String subscriptionId() {
		return (this.subscription != null) ? this.subscription.id() : null;
	}

	/**
	 * What the notification claims happened. A claim only: confirm it with Midtrans.
	 * @return the claimed kind
	 */
	@JsonIgnore
	public Kind kind() {
		if (this.transaction == null) {
			return Kind.CREATED;
		}
		return this.transaction.claimsPaid() ? Kind.CHARGED : Kind.CHARGE_FAILED;
	}

	@Override
	public String toString() {
		return "SubscriptionNotification[eventName=" + this.eventName + ", subscription=" + this.subscription
				+ ", transaction=" + this.transaction + "]";
	}

	/** What a subscription notification claims. */
	public enum Kind {

		/** A subscription was created. */
		CREATED,

		/** A charge cycle produced a paid transaction. */
		CHARGED,

		/** A charge cycle failed (declined, refused, or no transaction created). */
		CHARGE_FAILED

	}

	/**
	 * The charge attempt of a cycle.
	 *
	 * @param transactionId Midtrans' transaction id, absent when no transaction was
	 * created
	 * @param transactionStatus the transaction's state
	 * @param statusCode the charge's status code: {@code 200} paid, {@code 411},
	 * {@code 402}, {@code 500} ... failed
	 * @param statusMessage Midtrans' explanation of a failure
	 * @param channelResponseCode the bank's or GoPay's response code
	 * @param channelResponseMessage the bank's or GoPay's response message
	 */
	public record Charge(@Nullable String transactionId, @Nullable TransactionStatus transactionStatus,
			@Nullable String statusCode, @Nullable String statusMessage, @Nullable String channelResponseCode,
			@Nullable String channelResponseMessage) {

		/**
		 * Whether the attempt claims money was taken.
		 * @return {@code true} for a capture or settlement
		 */
		@JsonIgnore
		public boolean claimsPaid() {
			return this.transactionStatus == TransactionStatus.CAPTURE
					|| this.transactionStatus == TransactionStatus.SETTLEMENT;
		}

	}

}
