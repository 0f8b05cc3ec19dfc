package io.github.springmidtrans.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An adjustable {@link Clock} that drives a {@link MidtransSimulator}: transaction times,
 * expiry times and automatic expiry all follow it. Time only moves when a test calls
 * {@link #advance(Duration)} or {@link #set(Instant)}, so expiry scenarios need no
 * sleeping.
 *
 * <p>
 * Thread-safe. Its zone is {@code Asia/Jakarta}, the zone of Midtrans' wire times.
 *
 * @since 0.1.0
 */
public final class SimulatorClock extends Clock {

	/** The zone Midtrans' zone-less times are in. */
	public static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

	private volatile Instant now;

	private SimulatorClock(Instant start) {
		this.now = Objects.requireNonNull(start, "start");
	}

	/**
	 * A clock that stands at the given instant.
	 * @param start the initial time
	 * @return the clock
	 */
	public static SimulatorClock startingAt(Instant start) {
		return new SimulatorClock(start);
	}

	/**
	 * A clock that stands at the current system time, truncated to whole seconds
	 * (Midtrans' wire times have no fractions).
	 * @return the clock
	 */
	public static SimulatorClock startingNow() {
		return new SimulatorClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
	}

	/**
	 * Move time forward. Simulators using this clock then expire every unpaid transaction
	 * whose {@code expiry_time} has passed and send their notifications.
	 * @param duration how far to move, not negative
	 * @return the new time
	 */
	public Instant advance(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("A simulator clock only moves forward; use set(...) to go back");
		}
		Instant result;
		synchronized (this) {
			result = this.now.plus(duration);
			this.now = result;
		}
		fireListeners();
		return result;
	}

	/**
	 * Set the time, forward or back.
	 * @param instant the new time
	 */
	public void set(Instant instant) {
		this.now = Objects.requireNonNull(instant, "instant");
		fireListeners();
	}

	@Override
	public Instant instant() {
		return this.now;
	}

	@Override
	public ZoneId getZone() {
		return JAKARTA;
	}

	/**
	 * A view of this clock in another zone; it reads the same adjustable instant.
	 * @param zone the zone
	 * @return the view
	 */
	@Override
	public Clock withZone(ZoneId zone) {
		SimulatorClock source = this;
		return new Clock() {

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return source.withZone(other);
			}

			@Override
			public Instant instant() {
				return source.instant();
			}

		};
	}

	void addListener(Runnable listener) {
		this.listeners.add(listener);
	}

	void removeListener(Runnable listener) {
		this.listeners.remove(listener);
	}

	private void fireListeners() {
		for (Runnable listener : this.listeners) {
			listener.run();
		}
	}

	@Override
	public String toString() {
		return "SimulatorClock[" + this.now + "]";
	}

}
