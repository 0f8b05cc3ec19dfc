package io.github.springmidtrans.test.spring;

import io.github.springmidtrans.test.MidtransSimulator;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the simulator for one application context and points the {@code midtrans.*}
 * properties at it (the Core base URL and, for Snap, {@code midtrans.snap.base-url}).
 * Equal customizers let the TestContext framework share the context.
 */
final class MidtransSimulatorContextCustomizer implements ContextCustomizer {

	private final String notificationUrl;

	MidtransSimulatorContextCustomizer(String notificationUrl) {
		this.notificationUrl = notificationUrl;
	}

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration configuration) {
		MidtransSimulator simulator = MidtransSimulator.builder()
			.notificationUrl(this.notificationUrl.isEmpty() ? null : this.notificationUrl)
			.build()
			.start();
		MidtransSimulatorRegistrar.register(context, simulator);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof MidtransSimulatorContextCustomizer customizer
				&& this.notificationUrl.equals(customizer.notificationUrl);
	}

	@Override
	public int hashCode() {
		return this.notificationUrl.hashCode();
	}

}
