package io.github.springmidtrans.client.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the Snap page itself can be opened ({@code page_expiry}). Midtrans' default is
 * 24 hours and it accepts 5 minutes to 7 days; once the page has expired nobody can pick
 * a payment method any more.
 *
 * @param duration how many units, positive
 * @param unit minute, hour or day
 * @since 0.1.0
 */
public record SnapPageExpiry(int duration, ExpiryUnit unit) {

	/** Midtrans' page expiry when none is sent. */
	public static final Duration DEFAULT = Duration.ofHours(24);

	public SnapPageExpiry {
		check(duration, unit, "page_expiry");
	}

	/**
	 * A page expiry of this many units.
	 * @param duration how many units, positive
	 * @param unit minute, hour or day
	 * @return the page expiry
	 */
	public static SnapPageExpiry of(int duration, ExpiryUnit unit) {
		return new SnapPageExpiry(duration, unit);
	}

	/**
	 * The page expiry closest to a duration: whole days, else whole hours, else minutes
	 * (rounded up).
	 * @param duration a positive duration
	 * @return the page expiry
	 */
	public static SnapPageExpiry of(Duration duration) {
		Objects.requireNonNull(duration, "duration");
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("Snap page_expiry must be positive, got " + duration);
		}
		if (duration.toSeconds() % 86_400 == 0) {
			return new SnapPageExpiry(Math.toIntExact(duration.toDays()), ExpiryUnit.DAY);
		}
		if (duration.toSeconds() % 3_600 == 0) {
			return new SnapPageExpiry(Math.toIntExact(duration.toHours()), ExpiryUnit.HOUR);
		}
		long minutes = (duration.toSeconds() + 59) / 60;
		return new SnapPageExpiry(Math.toIntExact(minutes), ExpiryUnit.MINUTE);
	}

	/**
	 * This expiry as a duration.
	 * @return the duration
	 */
	public Duration toDuration() {
		return toDuration(this.duration, this.unit);
	}

	static Duration toDuration(int duration, ExpiryUnit unit) {
		return switch (unit) {
			case DAY -> Duration.ofDays(duration);
			case HOUR -> Duration.ofHours(duration);
			case MINUTE -> Duration.ofMinutes(duration);
			default -> throw new IllegalArgumentException("Snap expiry units are minute, hour or day");
		};
	}

	static void check(int duration, ExpiryUnit unit, String field) {
		Objects.requireNonNull(unit, "unit");
		if (duration <= 0) {
			throw new IllegalArgumentException("Snap " + field + " duration must be positive, got " + duration);
		}
		if (unit != ExpiryUnit.MINUTE && unit != ExpiryUnit.HOUR && unit != ExpiryUnit.DAY) {
			throw new IllegalArgumentException("Snap " + field + " unit must be minute, hour or day, got " + unit);
		}
	}

}
