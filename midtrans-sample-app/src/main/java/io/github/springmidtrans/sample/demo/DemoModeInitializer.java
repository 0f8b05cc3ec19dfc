package io.github.springmidtrans.sample.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import io.github.springmidtrans.test.MidtransSimulator;
import io.github.springmidtrans.test.spring.MidtransSimulatorRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In demo mode ({@code shop.demo.enabled}, on unless the {@code sandbox} profile turns it
 * off), starts a {@link MidtransSimulator} before the application context is refreshed,
 * points the starter's client at it and the simulator's notifications at the shop's own
 * webhook endpoint ({@code midtrans.webhook.path}). Registered in
 * {@code META-INF/spring.factories}, so tests of the application get it too.
 */
public class DemoModeInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	/** Whether the shop runs against the embedded simulator. */
	public static final String ENABLED_PROPERTY = "shop.demo.enabled";

	private static final Logger logger = LoggerFactory.getLogger(DemoModeInitializer.class);

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		ConfigurableEnvironment environment = context.getEnvironment();
		if (!environment.getProperty(ENABLED_PROPERTY, Boolean.class, true)) {
			return;
		}
		int port = environment.getProperty("server.port", Integer.class, 8080);
		if (port == 0) {
			// The simulator needs the webhook's address before the web server binds, so a
			// random port is chosen here rather than by the server.
			port = freePort();
			environment.getPropertySources()
				.addFirst(new MapPropertySource("shopDemoPort", Map.of("server.port", port)));
		}
		String notificationUrl = "http://127.0.0.1:" + port + environment.getProperty("server.servlet.context-path", "")
				+ environment.getProperty("midtrans.webhook.path", "/midtrans/notification");
		MidtransSimulator simulator = MidtransSimulator.builder().notificationUrl(notificationUrl).build().start();
		MidtransSimulatorRegistrar.register(context, simulator);
		logger.info("Demo mode: Midtrans simulator at {}, notifications to {}", simulator.baseUrl(), notificationUrl);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port for the shop", ex);
		}
	}

}
