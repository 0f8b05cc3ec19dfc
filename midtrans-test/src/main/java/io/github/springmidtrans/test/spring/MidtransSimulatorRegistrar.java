package io.github.springmidtrans.test.spring;

import java.util.Map;

import io.github.springmidtrans.test.MidtransSimulator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/**
 * Puts a started {@link MidtransSimulator} into an application context that is not
 * refreshed yet: registers it as the bean {@value #BEAN_NAME}, closes it with the
 * context, and points {@code midtrans.base-url}, {@code midtrans.snap.base-url},
 * {@code midtrans.server-key} and {@code midtrans.client-key} at it, ahead of every other
 * property source. Used by {@link AutoConfigureMidtransSimulator}, and by applications
 * that run against the simulator in a demo mode, for example from an
 * {@code ApplicationContextInitializer}:
 *
 * <pre>{@code
 * MidtransSimulator simulator = MidtransSimulator.builder()
 *     .notificationUrl("http://127.0.0.1:8080/midtrans/notification").build().start();
 * MidtransSimulatorRegistrar.register(context, simulator);
 * }</pre>
 *
 * @since 0.1.0
 */
public final class MidtransSimulatorRegistrar {

	/** Name of the simulator's bean. */
	public static final String BEAN_NAME = "midtransSimulator";

	private MidtransSimulatorRegistrar() {
	}

	/**
	 * Register the simulator in the context and point the client's properties at it.
	 * @param context the context, before its refresh
	 * @param simulator a started simulator
	 */
	public static void register(ConfigurableApplicationContext context, MidtransSimulator simulator) {
		context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
		context.addApplicationListener((ApplicationListener<ContextClosedEvent>) (event) -> {
			if (event.getApplicationContext() == context) {
				simulator.close();
			}
		});
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("midtransSimulator",
					Map.of("midtrans.base-url", simulator.baseUrl(), "midtrans.snap.base-url", simulator.snapBaseUrl(),
							"midtrans.server-key", simulator.serverKey(), "midtrans.client-key",
							simulator.clientKey())));
	}

}
