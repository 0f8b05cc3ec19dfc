package io.github.springmidtrans.reliability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The system clock, moved forward by a shift the test chooses: time still passes, and a
 * test can jump past an expiry or a re-drive delay without waiting.
 */
public final class ShiftedClock extends Clock {

	private volatile Duration shift = Duration.ZERO;

	/**
	 * Move the clock forward.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.shift = this.shift.plus(duration);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(this.shift);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("The shifted clock is UTC only");
	}

}
