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
 * expiry times and automatic expiry all follow it. A clock made with
 * {@link #startingAt(Instant)} or {@link #startingNow()} stands still: time only moves
 * when a test calls {@link #advance(Duration)} or {@link #set(Instant)}, so expiry
 * scenarios need no sleeping. A clock made with {@link #followingSystemClock()} runs with
 * the wall clock (as the standalone simulator's does) and can still be moved forward,
 * set, {@link #freeze() frozen} and {@link #resume() resumed}.
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

	private final Clock system;

	/** The time while frozen. */
	private volatile Instant now;

	/** While running: how far this clock is ahead of (or behind) the system clock. */
	private volatile Duration offset = Duration.ZERO;

	private volatile boolean running;

	private SimulatorClock(Instant start, Clock system, boolean running) {
		this.now = Objects.requireNonNull(start, "start");
		this.system = system;
		this.running = running;
	}

	private SimulatorClock(Instant start) {
		this(start, Clock.systemUTC(), false);
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
	 * A clock that runs with the system clock, for simulators that serve people and
	 * programs in real time (the standalone simulator): a QRIS charge made now expires
	 * fifteen minutes from now. {@link #advance(Duration)} and {@link #set(Instant)} move
	 * it ahead of (or behind) the wall clock, and it keeps running from there;
	 * {@link #freeze()} stops it.
	 * @return the clock
	 * @since 0.1.0
	 */
	public static SimulatorClock followingSystemClock() {
		return followingSystemClock(Clock.systemUTC());
	}

	static SimulatorClock followingSystemClock(Clock system) {
		return new SimulatorClock(system.instant(), system, true);
	}

	/**
	 * Whether this clock runs with the system clock (rather than standing still).
	 * @return {@code true} while running
	 * @since 0.1.0
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Stop the clock at the current time; it then moves only with
	 * {@link #advance(Duration)} and {@link #set(Instant)}, until {@link #resume()}.
	 * @return the time it stands at
	 * @since 0.1.0
	 */
	public synchronized Instant freeze() {
		this.now = instant();
		this.running = false;
		return this.now;
	}

	/**
	 * Let the clock run with the system clock again, from the time it stands at.
	 * @return the current time
	 * @since 0.1.0
	 */
	public synchronized Instant resume() {
		if (!this.running) {
			this.offset = Duration.between(this.system.instant(), this.now);
			this.running = true;
		}
		return instant();
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
			if (this.running) {
				this.offset = this.offset.plus(duration);
				result = instant();
			}
			else {
				result = this.now.plus(duration);
				this.now = result;
			}
		}
		fireListeners();
		return result;
	}

	/**
	 * Set the time, forward or back.
	 * @param instant the new time
	 */
	public void set(Instant instant) {
		Objects.requireNonNull(instant, "instant");
		synchronized (this) {
			if (this.running) {
				this.offset = Duration.between(this.system.instant(), instant);
			}
			else {
				this.now = instant;
			}
		}
		fireListeners();
	}

	@Override
	public Instant instant() {
		if (this.running) {
			// Whole seconds, as Midtrans' wire times have no fractions.
			return this.system.instant().plus(this.offset).truncatedTo(ChronoUnit.SECONDS);
		}
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
		return "SimulatorClock[" + instant() + (this.running ? ", running" : "") + "]";
	}

}
