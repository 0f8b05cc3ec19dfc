package io.github.springmidtrans.sample.security;

import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.sample.ShopHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security rules follow the starter's paths when they are configured elsewhere: the
 * moved notification endpoint stays open, the moved REST API stays closed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "midtrans.webhook.path=/hooks/midtrans", "midtrans.web.api.base-path=/internal/payments-api" })
class ShopSecurityPathsIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void movedNotificationEndpointStaysOpen() {
		ShopHttp http = new ShopHttp(this.port);

		assertThat(http.postJson("/hooks/midtrans", """
				{"order_id":"SHOP-MOVED","status_code":"200","gross_amount":"1000.00",
				 "transaction_status":"settlement","signature_key":"not-a-signature"}
				""").status()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE.httpStatus());
		assertThat(http.postJson("/midtrans/notification", "{}").status())
			.as("the old path is no longer the endpoint, so it is not open either")
			.isEqualTo(403);
	}

	@Test
	void movedRestApiNeedsTheAdminLogin() {
		ShopHttp http = new ShopHttp(this.port);

		assertThat(http.get("/internal/payments-api/payments").status()).isEqualTo(401);
		assertThat(
				http.getWithBasicAuth("/internal/payments-api/payments", ShopHttp.ADMIN_USER, ShopHttp.ADMIN_PASSWORD)
					.status())
			.isEqualTo(200);
	}

}
