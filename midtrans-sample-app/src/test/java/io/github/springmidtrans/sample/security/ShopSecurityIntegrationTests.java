package io.github.springmidtrans.sample.security;

import io.github.springmidtrans.notification.NotificationOutcome;
import io.github.springmidtrans.sample.ShopApplication;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Who may do what, over real HTTP: the admin pages behind the demo login, CSRF tokens on
 * forms, the REST API and Actuator behind HTTP Basic, and the notification endpoint open
 * to Midtrans.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	EntityManager entityManager;

	ShopHttp http;

	@BeforeEach
	void browser() {
		this.http = new ShopHttp(this.port);
	}

	@Test
	void adminPagesSendAnonymousVisitorsToTheLoginPage() {
		for (String path : new String[] { "/admin", "/admin/payments", "/admin/tasks", "/admin/invoices" }) {
			Page page = this.http.get(path);
			assertThat(page.status()).as(path).isEqualTo(302);
			assertThat(page.location()).as(path).endsWith("/login");
		}
		Page login = this.http.get("/login");
		assertThat(login.status()).isEqualTo(200);
		assertThat(login.has("login-form")).isTrue();
		assertThat(login.body()).as("the page does not show the password")
			.doesNotContain(ShopAdminProperties.DEMO_PASSWORD);
	}

	@Test
	void anonymousAdminActionsAreRefused() {
		Page cancel = this.http.post("/admin/payments/SHOP-ANY/cancel");
		assertThat(cancel.status()).isEqualTo(302);
		assertThat(cancel.location()).endsWith("/login");
	}

	@Test
	void wrongPasswordIsRefused() {
		Page answer = this.http.post("/login", "username", ShopHttp.ADMIN_USER, "password", "guess");

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/login?error");
		assertThat(this.http.get("/login?error").text("error")).isEqualTo("Wrong user name or password.");
		assertThat(this.http.get("/admin/payments").status()).isEqualTo(302);
	}

	@Test
	void demoLoginOpensTheAdminPagesUntilSignOut() {
		this.http.signInAsAdmin();

		Page payments = this.http.get("/admin/payments");
		assertThat(payments.status()).isEqualTo(200);
		assertThat(payments.text("signed-in")).isEqualTo(ShopHttp.ADMIN_USER);

		Page signedOut = this.http.submit("/logout");
		assertThat(signedOut.text("message")).isEqualTo("You are signed out.");
		assertThat(this.http.get("/admin/payments").status()).isEqualTo(302);
	}

	@Test
	void formsWithoutTheirCsrfTokenAreRefused() {
		this.http.signInAsAdmin();

		assertThat(this.http.postWithoutCsrfToken("/admin/invoices/overdue").status()).isEqualTo(403);
		assertThat(this.http
			.postWithoutCsrfToken("/products/1/checkout/core-api", "quantity", "1", "name", "Budi", "email",
					"budi@example.com", "method", "QRIS")
			.status()).isEqualTo(403);
		assertThat(this.http.postWithoutCsrfToken("/logout").status()).isEqualTo(403);
		assertThat(this.http.get("/admin/payments").status()).as("still signed in").isEqualTo(200);
		assertThat(this.http.get("/admin/invoices").body()).as("the shop's forms carry the token")
			.contains("name=\"_csrf\"");
	}

	@Test
	void notificationEndpointNeedsNoLoginAndNoCsrfToken() {
		Page answer = this.http.postJson("/midtrans/notification", """
				{"order_id":"SHOP-SECURITY-TEST","status_code":"200","gross_amount":"1000.00",
				 "transaction_status":"settlement","signature_key":"not-a-signature"}
				""");

		// The starter's servlet answered (and kept it), not Spring Security.
		assertThat(answer.status()).isEqualTo(NotificationOutcome.INVALID_SIGNATURE.httpStatus());
		assertThat(this.entityManager
			.createQuery("select n.outcome from MidtransNotification n where n.orderId = :orderId",
					NotificationOutcome.class)
			.setParameter("orderId", "SHOP-SECURITY-TEST")
			.getResultList()).containsExactly(NotificationOutcome.INVALID_SIGNATURE);
	}

	@Test
	void restApiNeedsTheAdminLoginOverHttpBasic() {
		assertThat(this.http.get("/midtrans/api/payments").status()).isEqualTo(401);
		assertThat(this.http.getWithBasicAuth("/midtrans/api/payments", ShopHttp.ADMIN_USER, "guess").status())
			.isEqualTo(401);

		Page payments = this.http.getWithBasicAuth("/midtrans/api/payments", ShopHttp.ADMIN_USER,
				ShopHttp.ADMIN_PASSWORD);
		assertThat(payments.status()).isEqualTo(200);
		assertThat(payments.contentType()).startsWith("application/json");

		this.http.signInAsAdmin();
		assertThat(this.http.get("/midtrans/api/payments").status())
			.as("a browser's session does not authenticate the API, so forged requests cannot use it")
			.isEqualTo(401);
	}

	@Test
	void actuatorShowsHealthToEveryoneAndTheRestToTheAdmin() {
		Page health = this.http.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\"").doesNotContain("components");

		assertThat(this.http.get("/actuator/midtrans").status()).isEqualTo(401);
		assertThat(this.http.get("/actuator/scheduledtasks").status()).isEqualTo(401);

		assertThat(
				this.http.getWithBasicAuth("/actuator/midtrans", ShopHttp.ADMIN_USER, ShopHttp.ADMIN_PASSWORD).status())
			.isEqualTo(200);
		assertThat(this.http.getWithBasicAuth("/actuator/health", ShopHttp.ADMIN_USER, ShopHttp.ADMIN_PASSWORD).body())
			.as("details for the admin")
			.contains("midtrans");
	}

	@Test
	void shopPagesNeedNoLogin() {
		assertThat(this.http.get("/").status()).isEqualTo(200);
		assertThat(this.http.get("/products/1").status()).isEqualTo(200);
		assertThat(this.http.get("/css/shop.css").status()).isEqualTo(200);
		assertThat(this.http.get("/js/confirm.js").status()).isEqualTo(200);
	}

	@Test
	void demoPasswordIsRefusedBeyondThisMachine() {
		assertThatException()
			.isThrownBy(
					() -> SpringApplication.run(ShopApplication.class, "--server.port=0", "--server.address=0.0.0.0"))
			.havingRootCause()
			.withMessageContaining("SHOP_ADMIN_PASSWORD");
	}

}
