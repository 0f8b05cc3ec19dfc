package io.github.springmidtrans.test.junit;

import java.time.Duration;
import java.time.Instant;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.TransactionStatus;
import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.SimulatorClock;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MidtransSimulatorTest} with its defaults: one simulator per class, reset before
 * each test, injected into the constructor and the test methods.
 */
@MidtransSimulatorTest(clockStart = "2026-03-01T03:00:00Z", serverKey = "SB-Mid-server-annotated")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MidtransSimulatorTestAnnotationTests {

	private static final Instant START = Instant.parse("2026-03-01T03:00:00Z");

	private static MidtransSimulator first;

	private final MidtransSimulator constructorSimulator;

	MidtransSimulatorTestAnnotationTests(MidtransSimulator simulator) {
		this.constructorSimulator = simulator;
	}

	@Test
	@Order(1)
	void injectedClientTalksToInjectedSimulator(MidtransSimulator simulator, MidtransClient client,
			SimulatorClock clock) {
		first = simulator;
		assertThat(simulator).isSameAs(this.constructorSimulator);
		assertThat(simulator.serverKey()).isEqualTo("SB-Mid-server-annotated");
		assertThat(clock).isSameAs(simulator.clock());
		assertThat(clock.instant()).isEqualTo(START);
		client.charge(ChargeRequest.gopay("ORDER-EXT-1", 25_000).build());
		simulator.pay("ORDER-EXT-1");
		assertThat(client.status("ORDER-EXT-1").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		clock.advance(Duration.ofDays(2));
	}

	@Test
	@Order(2)
	void nextTestSharesTheSimulatorButStartsClean(MidtransSimulator simulator) {
		assertThat(first).as("first test ran").isNotNull();
		assertThat(simulator).isSameAs(first);
		assertThat(simulator.transactions()).isEmpty();
		assertThat(simulator.requests()).isEmpty();
		assertThat(simulator.clock().instant()).isEqualTo(START);
	}

	@Nested
	class InNestedClass {

		@Test
		void nestedTestsUseTheOuterSimulator(MidtransSimulator simulator, MidtransClient client) {
			assertThat(simulator).isSameAs(MidtransSimulatorTestAnnotationTests.this.constructorSimulator);
			assertThat(simulator.transactions()).isEmpty();
			client.charge(ChargeRequest.gopay("ORDER-NESTED", 10_000).build());
			assertThat(simulator.transaction("ORDER-NESTED")).isPresent();
		}

	}

}
