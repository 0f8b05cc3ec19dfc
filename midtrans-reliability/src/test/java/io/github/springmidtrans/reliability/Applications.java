package io.github.springmidtrans.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.github.springmidtrans.test.MidtransSimulator;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts {@link ReliabilityApplication} against a simulator, on H2 or on a given
 * database, with the periodic jobs off unless a test turns them on.
 */
final class Applications {

	private Applications() {
	}

	static ConfigurableApplicationContext start(MidtransSimulator simulator, boolean web, @Nullable String jdbcUrl,
			String... properties) {
		return builder(simulator, web, jdbcUrl, properties).run();
	}

	static SpringApplicationBuilder builder(MidtransSimulator simulator, boolean web, @Nullable String jdbcUrl,
			String... properties) {
		List<String> all = new ArrayList<>(List.of("midtrans.server-key=" + simulator.serverKey(),
				"midtrans.base-url=" + simulator.baseUrl(), "midtrans.tasks.check-pending-payments.cron=-",
				"midtrans.tasks.expire-stale-payments.cron=-", "midtrans.tasks.check-overdue-invoices.cron=-",
				"midtrans.tasks.sync-subscription-status.cron=-", "server.port=0", "spring.main.banner-mode=off"));
		if (jdbcUrl != null) {
			all.add("spring.datasource.url=" + jdbcUrl);
			all.add("midtrans.jdbc.initialize-schema=never");
		}
		else {
			all.add("spring.datasource.generate-unique-name=true");
		}
		all.addAll(Arrays.asList(properties));
		return new SpringApplicationBuilder(ReliabilityApplication.class)
			.web(web ? WebApplicationType.SERVLET : WebApplicationType.NONE)
			.properties(all.toArray(String[]::new));
	}

	/**
	 * A port free right now, for an application whose URL must be known before it starts.
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static URI uri(ConfigurableApplicationContext context, String path) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return URI.create("http://localhost:" + port + path);
	}

}
