package io.github.springmidtrans.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ChargeRequest;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running clock of the standalone simulator: it follows the system clock, can be
 * moved, frozen and resumed, and due expiries are noticed without a request.
 */
class SimulatorRunningClockTests {

	private static final Instant T0 = Instant.parse("2026-03-01T03:00:00Z");

	private final AtomicReference<Instant> system = new AtomicReference<>(T0);

	private final Clock systemClock = new Clock() {

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return SimulatorRunningClockTests.this.system.get();
		}

	};

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	@Test
	void followsTheSystemClockInWholeSeconds() {
		SimulatorClock clock = SimulatorClock.followingSystemClock(this.systemClock);
		assertThat(clock.isRunning()).isTrue();
		this.system.set(T0.plusMillis(61_500));
		assertThat(clock.instant()).isEqualTo(T0.plusSeconds(61));
	}

	@Test
	void advanceAndSetMoveItAndItKeepsRunning() {
		SimulatorClock clock = SimulatorClock.followingSystemClock(this.systemClock);
		clock.advance(Duration.ofHours(1));
		this.system.set(T0.plusSeconds(10));
		assertThat(clock.instant()).isEqualTo(T0.plusSeconds(3610));
		clock.set(T0.minusSeconds(100));
		this.system.set(T0.plusSeconds(20));
		assertThat(clock.instant()).isEqualTo(T0.minusSeconds(90));
	}

	@Test
	void freezeStopsItAndResumeRunsOnFromTheFrozenTime() {
		SimulatorClock clock = SimulatorClock.followingSystemClock(this.systemClock);
		this.system.set(T0.plusSeconds(5));
		assertThat(clock.freeze()).isEqualTo(T0.plusSeconds(5));
		this.system.set(T0.plusSeconds(50));
		assertThat(clock.isRunning()).isFalse();
		assertThat(clock.instant()).isEqualTo(T0.plusSeconds(5));
		clock.advance(Duration.ofSeconds(5));
		assertThat(clock.resume()).isEqualTo(T0.plusSeconds(10));
		this.system.set(T0.plusSeconds(60));
		assertThat(clock.instant()).isEqualTo(T0.plusSeconds(20));
	}

	@Test
	void aStandingClockCanBeResumed() {
		SimulatorClock clock = SimulatorClock.startingAt(T0);
		assertThat(clock.isRunning()).isFalse();
		clock.resume();
		assertThat(clock.isRunning()).isTrue();
	}

	@Test
	void unpaidTransactionsExpireAndAreNotifiedAsTheClockRunsWithoutAnyRequest() {
		this.receiver.setDispatcher(SimulatorFixture.answering(200));
		SimulatorClock clock = SimulatorClock.followingSystemClock(this.systemClock);
		try (MidtransSimulator simulator = MidtransSimulator.builder()
			.clock(clock)
			.notificationUrl(this.receiver.url("/notify").toString())
			.build()
			.start()) {
			MidtransClient client = MidtransClient.builder()
				.serverKey(simulator.serverKey())
				.baseUrl(simulator.baseUrl())
				.build();
			client.charge(ChargeRequest.gopay("ORDER-RUNNING", 10_000).build());
			System.out.println("DEBUG deliveries " + simulator.notifications().deliveries() + " idle "
					+ simulator.notifications().idle() + " held " + simulator.notifications().heldCount() + " tx "
					+ simulator.transactions());
			this.system.set(T0.plus(Duration.ofMinutes(16)));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(simulator.notifications().deliveries())
					.extracting(NotificationDelivery::transactionStatus)
					.contains("expire"));
		}
	}

}
