package io.github.springmidtrans.test.spring;

import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link MidtransSimulatorRegistrar} on plain application contexts.
 */
class MidtransSimulatorRegistrarTests {

	@Test
	void simulatorBecomesABeanAndTheClientPropertiesPointAtIt() {
		MidtransSimulator simulator = MidtransSimulator.builder().build().start();
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			MidtransSimulatorRegistrar.register(context, simulator);
			context.refresh();

			assertThat(context.getBean(MidtransSimulatorRegistrar.BEAN_NAME)).isSameAs(simulator);
			assertThat(context.getEnvironment().getProperty("midtrans.base-url")).isEqualTo(simulator.baseUrl());
			assertThat(context.getEnvironment().getProperty("midtrans.server-key")).isEqualTo(simulator.serverKey());
			assertThat(context.getEnvironment().getProperty("midtrans.client-key")).isEqualTo(simulator.clientKey());
		}
		assertThatIllegalStateException().as("closed with its context").isThrownBy(simulator::baseUrl);
	}

	@Test
	void closingAChildContextLeavesTheSimulatorRunning() {
		MidtransSimulator simulator = MidtransSimulator.builder().build().start();
		try (GenericApplicationContext parent = new GenericApplicationContext()) {
			MidtransSimulatorRegistrar.register(parent, simulator);
			parent.refresh();
			try (GenericApplicationContext child = new GenericApplicationContext(parent)) {
				child.refresh();
			}

			assertThat(simulator.baseUrl()).startsWith("http://");
		}
		assertThatIllegalStateException().isThrownBy(simulator::baseUrl);
	}

}
