package io.github.springmidtrans.test.spring;

import java.util.Map;

import io.github.springmidtrans.test.MidtransSimulator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Starts the simulator for one application context and points the {@code midtrans.*}
 * properties at it (the Core base URL and, for Snap, {@code midtrans.snap.base-url}).
 * Equal customizers let the TestContext framework share the context.
 */
final class MidtransSimulatorContextCustomizer implements ContextCustomizer {

	static final String BEAN_NAME = "midtransSimulator";

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
		context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> simulator.close());
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("midtransSimulator",
					Map.of("midtrans.base-url", simulator.baseUrl(), "midtrans.snap.base-url", simulator.snapBaseUrl(),
							"midtrans.server-key", simulator.serverKey(), "midtrans.client-key",
							MidtransSimulator.DEFAULT_CLIENT_KEY)));
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
