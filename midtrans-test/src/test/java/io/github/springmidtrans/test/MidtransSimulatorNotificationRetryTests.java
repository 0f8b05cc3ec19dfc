package io.github.springmidtrans.test;

import java.time.Duration;
import java.util.List;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.RequestOptions;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MidtransSimulatorNotificationRetryTests {

	@StartStop
	final MockWebServer receiver = new MockWebServer();

	private SimulatorFixture fixture;

	private MidtransSimulator simulator;

	private MidtransClient client;

	private volatile int answer = 200;

	@BeforeEach
	void start() {
		this.receiver.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				if (request.getUrl().encodedPath().equals("/moved")) {
					return new MockResponse.Builder().code(307).setHeader("Location", "/hook").build();
				}
				return new MockResponse.Builder().code(MidtransSimulatorNotificationRetryTests.this.answer).build();
			}
		});
		this.fixture = new SimulatorFixture(this.receiver.url("/hook").toString());
		this.simulator = this.fixture.simulator;
		this.client = this.fixture.client;
	}

	@AfterEach
	void close() {
		this.fixture.close();
	}

	@Test
	void retryCountFollowsTheReceiversAnswer() {
		assertThat(SimulatorNotifications.retriesAfter(200)).isZero();
		assertThat(SimulatorNotifications.retriesAfter(500)).isEqualTo(1);
		assertThat(SimulatorNotifications.retriesAfter(503)).isEqualTo(4);
		assertThat(SimulatorNotifications.retriesAfter(400)).isEqualTo(2);
		assertThat(SimulatorNotifications.retriesAfter(404)).isEqualTo(2);
		assertThat(SimulatorNotifications.retriesAfter(302)).isZero();
		assertThat(SimulatorNotifications.retriesAfter(0)).isEqualTo(5);
		assertThat(SimulatorNotifications.retriesAfter(418)).isEqualTo(5);
	}

	@Test
	void a503IsRedeliveredFourTimesSpacedOnTheClock() {
		this.answer = 503;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-503", 10_000, Bank.BCA).build());
		awaitAttempts("ORDER-503", 1);
		List<Duration> spacing = List.of(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30),
				Duration.ofMinutes(90));
		for (int i = 0; i < spacing.size(); i++) {
			Duration wait = spacing.get(i);
			this.fixture.clock.advance(wait.minusSeconds(1));
			assertThat(pending("ORDER-503")).as("not before %s", wait).hasSize(i + 1);
			this.fixture.clock.advance(Duration.ofSeconds(1));
			awaitAttempts("ORDER-503", i + 2);
		}
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(this.simulator.notifications().scheduledRetries()).isZero();
		List<NotificationDelivery> deliveries = pending("ORDER-503");
		assertThat(deliveries).extracting(NotificationDelivery::attempt).containsExactly(1, 2, 3, 4, 5);
		assertThat(deliveries).extracting(NotificationDelivery::httpStatus).containsOnly(503);
		assertThat(deliveries).extracting(NotificationDelivery::body).containsOnly(deliveries.get(0).body());
		assertThat(Duration.between(deliveries.get(0).attemptedAt(), deliveries.get(4).attemptedAt()))
			.isEqualTo(Duration.ofMinutes(132));
	}

	@Test
	void a500IsRedeliveredOnceAndARecoveredReceiverStopsRetries() {
		this.answer = 500;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-500", 10_000, Bank.BCA).build());
		awaitAttempts("ORDER-500", 1);
		this.fixture.clock.advance(Duration.ofMinutes(2));
		awaitAttempts("ORDER-500", 2);
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(pending("ORDER-500")).hasSize(2);

		this.answer = 404;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-404", 10_000, Bank.BCA).build());
		awaitAttempts("ORDER-404", 1);
		this.answer = 200;
		this.fixture.clock.advance(Duration.ofMinutes(2));
		awaitAttempts("ORDER-404", 2);
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(pending("ORDER-404")).extracting(NotificationDelivery::httpStatus).containsExactly(404, 200);
	}

	@Test
	void redirectsAreNotRetriedButTemporaryRedirectsAreFollowed() {
		this.answer = 302;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-302", 10_000, Bank.BCA).build());
		awaitAttempts("ORDER-302", 1);
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(pending("ORDER-302")).hasSize(1);
		assertThat(this.simulator.notifications().scheduledRetries()).isZero();

		this.answer = 200;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-307", 10_000, Bank.BCA).build(),
				RequestOptions.none().withOverrideNotification(this.receiver.url("/moved").toString()));
		awaitAttempts("ORDER-307", 1);
		assertThat(pending("ORDER-307").get(0).httpStatus()).isEqualTo(200);
	}

	@Test
	void unreachableReceiverIsRetriedFiveTimes() {
		this.client.charge(ChargeRequest.bankTransfer("ORDER-DOWN", 10_000, Bank.BCA).build(),
				RequestOptions.none().withOverrideNotification("http://127.0.0.1:1/nothing"));
		awaitAttempts("ORDER-DOWN", 1);
		for (Duration wait : List.of(Duration.ofMinutes(2), Duration.ofMinutes(10), Duration.ofMinutes(30),
				Duration.ofMinutes(90), Duration.ofMinutes(210))) {
			int before = pending("ORDER-DOWN").size();
			this.fixture.clock.advance(wait);
			awaitAttempts("ORDER-DOWN", before + 1);
		}
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(pending("ORDER-DOWN")).hasSize(6)
			.allSatisfy((delivery) -> assertThat(delivery.failure()).isNotBlank());
	}

	@Test
	void retriesCanBeTurnedOff() {
		this.simulator.notifications().retries(false);
		this.answer = 503;
		this.client.charge(ChargeRequest.bankTransfer("ORDER-ONCE", 10_000, Bank.BCA).build());
		awaitAttempts("ORDER-ONCE", 1);
		this.fixture.clock.advance(Duration.ofHours(8));
		assertThat(pending("ORDER-ONCE")).hasSize(1);
		assertThat(this.simulator.notifications().scheduledRetries()).isZero();
	}

	private void awaitAttempts(String orderId, int count) {
		await().until(() -> this.simulator.notifications()
			.deliveriesFor(orderId)
			.stream()
			.filter((delivery) -> delivery.transactionStatus().equals("pending"))
			.count() == count);
	}

	/**
	 * The delivery attempts of an order's pending notification, once every delivery
	 * already started has finished.
	 */
	private List<NotificationDelivery> pending(String orderId) {
		await().until(this.simulator.notifications()::idle);
		return this.simulator.notifications()
			.deliveriesFor(orderId)
			.stream()
			.filter((delivery) -> delivery.transactionStatus().equals("pending"))
			.toList();
	}

}
