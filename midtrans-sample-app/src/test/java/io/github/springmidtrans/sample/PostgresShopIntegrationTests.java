package io.github.springmidtrans.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.github.springmidtrans.sample.ShopHttp.Page;
import io.github.springmidtrans.sample.shop.OrderStatus;
import io.github.springmidtrans.sample.shop.ShopOrderRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code postgres} profile on a real PostgreSQL, in a schema of its own: the first
 * start creates every table, a second start finds them and keeps the data, and an order
 * is paid and fulfilled as on H2.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresShopIntegrationTests {

	private static final String SCHEMA = "shop_sample_test";

	@Test
	void shopRunsOnPostgresqlAndKeepsItsDataAcrossRestarts() throws SQLException {
		String url = System.getenv("MIDTRANS_TEST_POSTGRESQL_URL");
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
		}
		String shopUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA;

		String orderNumber;
		try (ConfigurableApplicationContext shop = run(shopUrl)) {
			ShopHttp http = new ShopHttp(shop.getEnvironment().getProperty("local.server.port", Integer.class));
			Page order = http.submit("/products/1/checkout/core-api", "quantity", "1", "name", "Budi", "email",
					"budi@example.com", "method", "BCA_VA");
			orderNumber = order.text("order-number");
			assertThat(order.text("va-number")).isNotBlank();
			http.submit("/orders/" + orderNumber + "/simulate-payment");
			ShopOrderRepository orders = shop.getBean(ShopOrderRepository.class);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> orders.findByOrderNumber(orderNumber).orElseThrow().getStatus(),
						(status) -> status == OrderStatus.FULFILLED);
		}

		try (ConfigurableApplicationContext again = run(shopUrl)) {
			ShopHttp http = new ShopHttp(again.getEnvironment().getProperty("local.server.port", Integer.class))
				.signInAsAdmin();
			Page payments = http.get("/admin/payments?status=SETTLEMENT");
			assertThat(payments.body()).contains("data-order-id=\"" + orderNumber + "\"");
			assertThat(http.get("/").body()).containsOnlyOnce("id=\"product-KOPI-250\"");
		}
	}

	private static ConfigurableApplicationContext run(String url) {
		return SpringApplication.run(ShopApplication.class, "--server.port=0", "--spring.profiles.active=postgres",
				"--spring.datasource.url=" + url);
	}

}
