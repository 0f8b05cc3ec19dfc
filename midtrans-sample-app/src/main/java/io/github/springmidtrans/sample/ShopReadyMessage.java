package io.github.springmidtrans.sample;

import io.github.springmidtrans.sample.security.ShopAdminProperties;
import io.github.springmidtrans.test.MidtransSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Says where the shop is once it takes requests.
 */
@Component
class ShopReadyMessage {

	private static final Logger logger = LoggerFactory.getLogger(ShopReadyMessage.class);

	private final Environment environment;

	private final ObjectProvider<MidtransSimulator> simulator;

	private final ShopAdminProperties admin;

	ShopReadyMessage(Environment environment, ObjectProvider<MidtransSimulator> simulator, ShopAdminProperties admin) {
		this.environment = environment;
		this.simulator = simulator;
		this.admin = admin;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		String port = this.environment.getProperty("local.server.port", "8080");
		String mode = (this.simulator.getIfAvailable() != null)
				? "demo mode: Midtrans is simulated inside the shop, no keys, no network"
				: "payments go to the real Midtrans API";
		// The demo password is documented and public; a password of one's own is never
		// printed.
		String password = this.admin.isDemoPassword() ? "password " + ShopAdminProperties.DEMO_PASSWORD
				: "the password from SHOP_ADMIN_PASSWORD";
		logger.info("Sample shop ready at http://localhost:{}/ ({}). Ctrl-C stops it.", port, mode);
		logger.info("Admin pages at http://localhost:{}/admin: sign in as {} with {}.", port, this.admin.getUsername(),
				password);
	}

}
