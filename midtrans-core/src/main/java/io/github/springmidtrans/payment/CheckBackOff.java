package io.github.springmidtrans.payment;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a row waits after a failed periodic attempt: {@code delay} after the first
 * failure, {@code multiplier} times longer after each further one, never more than
 * {@code maxDelay}, plus a random share of up to {@code jitter} so that rows failing
 * together spread out. The wait is stored on the row (its next check time), so a failing
 * row never holds a worker while it waits, and nothing is lost when the application
 * stops.
 *
 * @param delay the wait after the first failure
 * @param multiplier how much longer each further wait is (at least 1)
 * @param maxDelay the longest wait
 * @param jitter the largest random addition to a wait ({@link Duration#ZERO} for none)
 * @since 0.1.0
 */
public record CheckBackOff(Duration delay, double multiplier, Duration maxDelay, Duration jitter) {

	/**
	 * Check the settings.
	 * @param delay the wait after the first failure
	 * @param multiplier how much longer each further wait is
	 * @param maxDelay the longest wait
	 * @param jitter the largest random addition to a wait
	 */
	public CheckBackOff {
		if (delay.isNegative() || delay.isZero()) {
			throw new IllegalArgumentException("The back-off delay must be positive, not " + delay);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("The back-off multiplier must be at least 1, not " + multiplier);
		}
		if (maxDelay.compareTo(delay) < 0) {
			throw new IllegalArgumentException(
					"The longest back-off (" + maxDelay + ") must not be shorter than its first delay (" + delay + ")");
		}
		if (jitter.isNegative()) {
			throw new IllegalArgumentException("The back-off jitter must not be negative, not " + jitter);
		}
	}

	/**
	 * The wait after a number of consecutive failures, without jitter.
	 * @param failures consecutive failures, from 1
	 * @return the wait
	 */
	public Duration delayAfter(int failures) {
		double millis = this.delay.toMillis() * Math.pow(this.multiplier, Math.max(0, failures - 1));
		long max = this.maxDelay.toMillis();
		return Duration.ofMillis((millis >= max) ? max : (long) millis);
	}

	/**
	 * When a row that failed this many times in a row is due again.
	 * @param failures consecutive failures, from 1
	 * @param now the time of the last failure
	 * @return the next attempt's time
	 */
	public Instant next(int failures, Instant now) {
		long jitterMillis = this.jitter.toMillis();
		long extra = (jitterMillis > 0) ? ThreadLocalRandom.current().nextLong(jitterMillis + 1) : 0;
		return now.plus(delayAfter(failures)).plusMillis(extra);
	}

}
