package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When a subscription charges ({@code schedule} of a create request):
 * {@code SubscriptionSchedule.every(1, IntervalUnit.MONTH).withMaxInterval(12)}.
 *
 * @param interval how many units between charges, at least 1
 * @param intervalUnit {@code day}, {@code week} or {@code month}
 * @param maxInterval how many charges in total; {@code 0} charges once, {@code null}
 * charges until the subscription is disabled
 * @param startTime when the first charge happens, in the future; {@code null} charges
 * first one interval from now
 * @since 0.1.0
 */
public record SubscriptionSchedule(int interval, IntervalUnit intervalUnit, @Nullable Integer maxInterval,
		@Nullable OffsetDateTime startTime) {

	public SubscriptionSchedule {
		Objects.requireNonNull(intervalUnit, "intervalUnit");
		if (interval < 1) {
			throw new IllegalArgumentException("Subscription schedule interval must be at least 1, got " + interval);
		}
		if (intervalUnit != IntervalUnit.DAY && intervalUnit != IntervalUnit.WEEK
				&& intervalUnit != IntervalUnit.MONTH) {
			throw new IllegalArgumentException(
					"Subscription schedule interval_unit must be day, week or month, got " + intervalUnit.wireValue());
		}
		if (maxInterval != null && maxInterval < 0) {
			throw new IllegalArgumentException(
					"Subscription schedule max_interval must not be negative, got " + maxInterval);
		}
	}

	/**
	 * Charge every {@code interval} units, indefinitely, starting one interval from now.
	 * @param interval how many units between charges
	 * @param unit {@code DAY}, {@code WEEK} or {@code MONTH}
	 * @return the schedule
	 */
	public static SubscriptionSchedule every(int interval, IntervalUnit unit) {
		return new SubscriptionSchedule(interval, unit, null, null);
	}

	/**
	 * Copy that stops after a number of charges.
	 * @param maxInterval how many charges in total, {@code 0} for one
	 * @return a new schedule
	 */
	public SubscriptionSchedule withMaxInterval(int maxInterval) {
		return new SubscriptionSchedule(this.interval, this.intervalUnit, maxInterval, this.startTime);
	}

	/**
	 * Copy with the time of the first charge.
	 * @param startTime a future time
	 * @return a new schedule
	 */
	public SubscriptionSchedule withStartTime(OffsetDateTime startTime) {
		return new SubscriptionSchedule(this.interval, this.intervalUnit, this.maxInterval, startTime);
	}

}
