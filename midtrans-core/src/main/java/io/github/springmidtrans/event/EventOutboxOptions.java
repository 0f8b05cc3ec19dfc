package io.github.springmidtrans.event;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link MidtransEventOutbox} delivers again and cleans up.
 *
 * @param retryDelay how long after recording, or after the first failed delivery, an
 * incomplete event is delivered again; doubled after each further failure
 * @param maxRetryDelay the longest wait between two deliveries of one event
 * @param retention how long a delivered event is kept before it is deleted
 * @since 0.1.0
 */
public record EventOutboxOptions(Duration retryDelay, Duration maxRetryDelay, Duration retention) {

	/**
	 * Check the options.
	 * @param retryDelay see the record
	 * @param maxRetryDelay see the record
	 * @param retention see the record
	 */
	public EventOutboxOptions {
		Objects.requireNonNull(retryDelay, "retryDelay");
		Objects.requireNonNull(maxRetryDelay, "maxRetryDelay");
		Objects.requireNonNull(retention, "retention");
		if (retryDelay.isNegative() || maxRetryDelay.compareTo(retryDelay) < 0 || retention.isNegative()) {
			throw new IllegalArgumentException("Event outbox options need 0 <= retryDelay <= maxRetryDelay and"
					+ " retention >= 0, not " + retryDelay + ", " + maxRetryDelay + ", " + retention);
		}
	}

	/**
	 * The defaults: again after 1 minute, at most 1 hour apart, kept 7 days.
	 * @return the defaults
	 */
	public static EventOutboxOptions defaults() {
		return new EventOutboxOptions(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(7));
	}

	/**
	 * These options with another first retry delay.
	 * @param retryDelay the delay
	 * @return new options
	 */
	public EventOutboxOptions withRetryDelay(Duration retryDelay) {
		return new EventOutboxOptions(retryDelay,
				this.maxRetryDelay.compareTo(retryDelay) < 0 ? retryDelay : this.maxRetryDelay, this.retention);
	}

	/**
	 * These options with another longest delay.
	 * @param maxRetryDelay the delay
	 * @return new options
	 */
	public EventOutboxOptions withMaxRetryDelay(Duration maxRetryDelay) {
		return new EventOutboxOptions(this.retryDelay, maxRetryDelay, this.retention);
	}

	/**
	 * These options with another retention.
	 * @param retention the retention
	 * @return new options
	 */
	public EventOutboxOptions withRetention(Duration retention) {
		return new EventOutboxOptions(this.retryDelay, this.maxRetryDelay, retention);
	}

	/**
	 * The wait before the next delivery after some failed ones: exponential, capped.
	 * @param failures failed deliveries so far, at least 1
	 * @return the wait
	 */
	Duration delayAfter(int failures) {
		Duration delay = this.retryDelay;
		for (int i = 1; i < failures && delay.compareTo(this.maxRetryDelay) < 0; i++) {
			delay = delay.multipliedBy(2);
		}
		return (delay.compareTo(this.maxRetryDelay) > 0) ? this.maxRetryDelay : delay;
	}

}
