package io.github.springmidtrans.test.junit;

import java.util.ArrayList;
import java.util.List;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * Runs small test classes with the JUnit engine and checks what the extension did to
 * their simulators: how many, when they were closed, how they were configured.
 */
class MidtransSimulatorExtensionTests {

	private static final String SAMPLES = "midtrans.extension-samples";

	static final List<MidtransSimulator> seen = new ArrayList<>();

	@BeforeEach
	void clear() {
		seen.clear();
	}

	@Test
	void perClassSimulatorIsSharedAndClosedAfterTheClass() {
		run(PerClassSample.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(1)).isSameAs(seen.get(0));
		assertClosed(seen.get(0));
	}

	@Test
	void perMethodSimulatorsAreNewForEachTestAndClosedAfterIt() {
		run(PerMethodSample.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2);
		assertThat(seen.get(1)).isNotSameAs(seen.get(0));
		seen.forEach(MidtransSimulatorExtensionTests::assertClosed);
	}

	@Test
	void registeredExtensionAppliesCustomizerToEverySimulator() {
		run(CustomizedSample.class).assertStatistics((stats) -> stats.started(1).succeeded(1));
		assertThat(seen).singleElement().satisfies((simulator) -> {
			assertThat(simulator.serverKey()).isEqualTo("SB-Mid-server-custom");
			assertClosed(simulator);
		});
	}

	@Test
	void instanceFieldRegistrationGivesEachTestItsOwnSimulator() {
		run(InstanceFieldSample.class).assertStatistics((stats) -> stats.started(2).succeeded(2));
		assertThat(seen).hasSize(2).doesNotHaveDuplicates();
		seen.forEach(MidtransSimulatorExtensionTests::assertClosed);
	}

	@Test
	void simulatorIsClosedEvenWhenTheTestFails() {
		run(FailingSample.class).assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(seen).singleElement().satisfies(MidtransSimulatorExtensionTests::assertClosed);
	}

	@Test
	void perMethodSimulatorIsNotInjectedIntoConstructors() {
		run(PerMethodConstructorSample.class).assertStatistics((stats) -> stats.started(1).failed(1));
		assertThat(seen).isEmpty();
	}

	@Test
	void malformedClockStartIsReported() {
		Events events = EngineTestKit.engine("junit-jupiter")
			.configurationParameter(SAMPLES, "true")
			.selectors(selectClass(BadClockSample.class))
			.execute()
			.containerEvents();
		assertThat(events.failed().stream())
			.anySatisfy((event) -> assertThat(event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
				.flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
				.map(Throwable::getMessage)
				.orElse("")).contains("clockStart"));
	}

	private static Events run(Class<?> sample) {
		return EngineTestKit.engine("junit-jupiter")
			.configurationParameter(SAMPLES, "true")
			.selectors(selectClass(sample))
			.execute()
			.testEvents();
	}

	private static void assertClosed(MidtransSimulator simulator) {
		assertThatIllegalStateException().isThrownBy(simulator::baseUrl);
	}

	@MidtransSimulatorTest
	@ExtendWith(OnlyFromEngineTestKit.class)
	static class PerClassSample {

		@Test
		void one(MidtransSimulator simulator, MidtransClient client) {
			seen.add(simulator);
			client.charge(ChargeRequest.gopay("ORDER-1", 10_000).build());
		}

		@Test
		void two(MidtransSimulator simulator, MidtransClient client) {
			seen.add(simulator);
			client.charge(ChargeRequest.gopay("ORDER-1", 10_000).build());
		}

	}

	@MidtransSimulatorTest(lifecycle = MidtransSimulatorExtension.Lifecycle.PER_METHOD)
	@ExtendWith(OnlyFromEngineTestKit.class)
	static class PerMethodSample {

		private MidtransSimulator fromBeforeEach;

		@BeforeEach
		void remember(MidtransSimulator simulator) {
			this.fromBeforeEach = simulator;
		}

		@Test
		void one(MidtransSimulator simulator) {
			assertThat(simulator).isSameAs(this.fromBeforeEach);
			seen.add(simulator);
		}

		@Test
		void two(MidtransSimulator simulator) {
			assertThat(simulator).isSameAs(this.fromBeforeEach);
			seen.add(simulator);
		}

	}

	@ExtendWith(OnlyFromEngineTestKit.class)
	static class CustomizedSample {

		@RegisterExtension
		static final MidtransSimulatorExtension midtrans = MidtransSimulatorExtension.perClass()
			.customize((builder) -> builder.serverKey("SB-Mid-server-custom"));

		@Test
		void clientUsesTheCustomKey(MidtransSimulator simulator, MidtransClient client) {
			seen.add(simulator);
			assertThat(client.charge(ChargeRequest.gopay("ORDER-C", 10_000).build()).statusCode()).isEqualTo("201");
		}

	}

	@ExtendWith(OnlyFromEngineTestKit.class)
	static class InstanceFieldSample {

		@RegisterExtension
		final MidtransSimulatorExtension midtrans = MidtransSimulatorExtension.perClass();

		@Test
		void one(MidtransSimulator simulator) {
			seen.add(simulator);
		}

		@Test
		void two(MidtransSimulator simulator) {
			seen.add(simulator);
		}

	}

	@MidtransSimulatorTest(lifecycle = MidtransSimulatorExtension.Lifecycle.PER_METHOD)
	@ExtendWith(OnlyFromEngineTestKit.class)
	static class FailingSample {

		@Test
		void fails(MidtransSimulator simulator) {
			seen.add(simulator);
			throw new AssertionError("deliberate");
		}

	}

	@MidtransSimulatorTest(lifecycle = MidtransSimulatorExtension.Lifecycle.PER_METHOD)
	@ExtendWith(OnlyFromEngineTestKit.class)
	static class PerMethodConstructorSample {

		PerMethodConstructorSample(MidtransSimulator simulator) {
			seen.add(simulator);
		}

		@Test
		void never() {
		}

	}

	@MidtransSimulatorTest(clockStart = "tomorrow")
	@ExtendWith(OnlyFromEngineTestKit.class)
	static class BadClockSample {

		@Test
		void never() {
		}

	}

	/**
	 * Keeps the sample classes from running on their own (for example with
	 * {@code -Dtest=...}, which lifts Surefire's exclusion of nested classes).
	 */
	static class OnlyFromEngineTestKit implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			return context.getConfigurationParameter(SAMPLES).isPresent()
					? ConditionEvaluationResult.enabled("run by MidtransSimulatorExtensionTests")
					: ConditionEvaluationResult.disabled("sample class for MidtransSimulatorExtensionTests");
		}

	}

}
