package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * Changes to a subscription ({@code PATCH /v1/subscriptions/{id}}). Midtrans wants the
 * name, amount, currency and token on every update; the payment method cannot change
 * (disable the subscription and create a new one instead). Interval changes take effect
 * after the next scheduled charge. Its {@link #toString()} never shows the token.
 *
 * @param name the subscription name, 1 to 40 characters of {@code A-Z a-z 0-9 - _ ~ .}
 * (Midtrans' update page says 15; its create page says 40)
 * @param amount the amount per charge in whole rupiah, sent as a string
 * @param currency {@code IDR}
 * @param token the card's {@code saved_token_id} or the GoPay payment option token
 * @param schedule the new schedule; {@code null} keeps it
 * @param retrySchedule the new retry schedule; {@code null} keeps it
 * @param gopay the linked GoPay account, for GoPay subscriptions
 * @since 0.1.0
 */
public record SubscriptionUpdateRequest(String name, @JsonFormat(shape = JsonFormat.Shape.STRING) long amount,
		String currency, String token, @Nullable ScheduleUpdate schedule,
		@Nullable SubscriptionRetrySchedule retrySchedule, @Nullable SubscriptionGopay gopay) {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_~.]{1,40}");

	public SubscriptionUpdateRequest {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"Subscription name must be 1 to 40 characters of A-Z a-z 0-9 - _ ~ . but was '" + name + "'");
		}
		if (amount <= 0) {
			throw new IllegalArgumentException(
					"Subscription '" + name + "' update is invalid: amount must be positive, got " + amount);
		}
		if (!SubscriptionRequest.IDR.equals(currency)) {
			throw new IllegalArgumentException(
					"Subscription '" + name + "' update is invalid: currency must be IDR, got " + currency);
		}
		if (token == null || token.isBlank()) {
			throw new IllegalArgumentException("Subscription '" + name + "' update is invalid: a token is required");
		}
	}

	/**
	 * Create an update that restates the required fields and changes nothing else yet.
	 * @param name the subscription name
	 * @param amount the amount per charge in whole rupiah
	 * @param token the payment token
	 * @return the update
	 */
	public static SubscriptionUpdateRequest of(String name, long amount, String token) {
		return new SubscriptionUpdateRequest(name, amount, SubscriptionRequest.IDR, token, null, null, null);
	}

	/**
	 * Copy with a new schedule.
	 * @param schedule the schedule change
	 * @return a new update
	 */
	public SubscriptionUpdateRequest withSchedule(ScheduleUpdate schedule) {
		return new SubscriptionUpdateRequest(this.name, this.amount, this.currency, this.token, schedule,
				this.retrySchedule, this.gopay);
	}

	/**
	 * Copy with a new retry schedule.
	 * @param retrySchedule the retry schedule
	 * @return a new update
	 */
	public SubscriptionUpdateRequest withRetrySchedule(SubscriptionRetrySchedule retrySchedule) {
		return new SubscriptionUpdateRequest(this.name, this.amount, this.currency, this.token, this.schedule,
				retrySchedule, this.gopay);
	}

	/**
	 * Copy with the linked GoPay account.
	 * @param gopay the account
	 * @return a new update
	 */
	public SubscriptionUpdateRequest withGopay(SubscriptionGopay gopay) {
		return new SubscriptionUpdateRequest(this.name, this.amount, this.currency, this.token, this.schedule,
				this.retrySchedule, gopay);
	}

	@Override
	public String toString() {
		return "SubscriptionUpdateRequest[name=" + this.name + ", amount=" + this.amount + ", currency=" + this.currency
				+ ", token=(hidden), schedule=" + this.schedule + ", retrySchedule=" + this.retrySchedule + ", gopay="
				+ this.gopay + "]";
	}

	/**
	 * A schedule change. Only the interval of a running subscription may change (its unit
	 * and maximum may not); a dead subscription is revived by a schedule with a future
	 * start.
	 *
	 * @param interval the new number of units between charges, at least 1
	 * @param startTime a future start, to revive an inactive subscription
	 */
	public record ScheduleUpdate(@Nullable Integer interval, @Nullable OffsetDateTime startTime) {

		public ScheduleUpdate {
			if (interval != null && interval < 1) {
				throw new IllegalArgumentException(
						"Subscription schedule interval must be at least 1, got " + interval);
			}
		}

		/**
		 * Change the interval.
		 * @param interval the new interval
		 * @return the change
		 */
		public static ScheduleUpdate interval(int interval) {
			return new ScheduleUpdate(interval, null);
		}

	}

}
