package io.github.springmidtrans.sample.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.test.MidtransSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the simulator's clock on the wall clock in demo mode. A simulator's clock stands
 * still unless moved (tests move it on purpose); in the shop, times on the pages should
 * be real and unpaid payments should expire when their time is up.
 */
@Component
class DemoClock implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoClock.class);

	private static final Duration TICK = Duration.ofSeconds(1);

	private final @Nullable MidtransSimulator simulator;

	private volatile @Nullable ScheduledExecutorService ticker;

	DemoClock(ObjectProvider<MidtransSimulator> simulator) {
		this.simulator = simulator.getIfAvailable();
	}

	@Override
	public synchronized void start() {
		if (this.simulator == null) {
			return;
		}
		ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-simulator-clock");
			thread.setDaemon(true);
			return thread;
		});
		executor.scheduleWithFixedDelay(this::tick, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
		this.ticker = executor;
	}

	private void tick() {
		MidtransSimulator simulator = this.simulator;
		if (simulator == null) {
			return;
		}
		try {
			Instant now = Instant.now();
			if (now.isAfter(simulator.clock().instant())) {
				simulator.clock().set(now);
			}
		}
		catch (RuntimeException ex) {
			logger.debug("Simulator clock tick failed: {}", ex.toString());
		}
	}

	@Override
	public synchronized void stop() {
		ScheduledExecutorService executor = this.ticker;
		if (executor != null) {
			executor.shutdownNow();
			this.ticker = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null;
	}

}
