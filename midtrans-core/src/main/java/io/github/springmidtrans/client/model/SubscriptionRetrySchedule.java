package io.github.springmidtrans.client.model;

import java.util.Objects;

/**
 * How Midtrans retries a failed subscription charge ({@code retry_schedule}). Without
 * one, Midtrans retries on its own default.
 *
 * @param interval how many units between retries, at least 1
 * @param intervalUnit {@code minute}, {@code hour} or {@code day}
 * @param maxInterval how many retries, 0 to 3; {@code 0} disables retries
 * @since 0.1.0
 */
public record SubscriptionRetrySchedule(int interval, IntervalUnit intervalUnit, int maxInterval) {

	private static final int MAX_RETRIES = 3;

	public SubscriptionRetrySchedule {
		Objects.requireNonNull(intervalUnit, "intervalUnit");
		if (interval < 1) {
			throw new IllegalArgumentException("Retry schedule interval must be at least 1, got " + interval);
		}
		if (intervalUnit != IntervalUnit.MINUTE && intervalUnit != IntervalUnit.HOUR
				&& intervalUnit != IntervalUnit.DAY) {
			throw new IllegalArgumentException(
					"Retry schedule interval_unit must be minute, hour or day, got " + intervalUnit.wireValue());
		}
		if (maxInterval < 0 || maxInterval > MAX_RETRIES) {
			throw new IllegalArgumentException(
					"Retry schedule max_interval must be 0 to " + MAX_RETRIES + ", got " + maxInterval);
		}
	}

	/**
	 * Create a retry schedule.
	 * @param interval how many units between retries
	 * @param unit {@code MINUTE}, {@code HOUR} or {@code DAY}
	 * @param maxInterval how many retries, 0 to 3
	 * @return the retry schedule
	 */
	public static SubscriptionRetrySchedule of(int interval, IntervalUnit unit, int maxInterval) {
		return new SubscriptionRetrySchedule(interval, unit, maxInterval);
	}

}
