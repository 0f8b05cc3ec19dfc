package io.github.springmidtrans;

import java.util.List;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each shipped schema script applies cleanly and Hibernate validates every entity against
 * it ({@code ddl-auto=validate}).
 */
class SchemaIntegrationTests {

	@Test
	void h2SchemaMatchesTheEntities() {
		validate(Database.H2);
	}

	@Nested
	@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
			disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
	class PostgreSql {

		@Test
		void postgresqlSchemaMatchesTheEntities() {
			validate(Database.POSTGRESQL);
		}

	}

	@Nested
	@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
			disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
	class MariaDb {

		@Test
		void mariadbSchemaMatchesTheEntities() {
			validate(Database.MARIADB);
		}

	}

	private static void validate(Database database) {
		try (DatabaseFixture fixture = DatabaseFixture.start(database)) {
			// Each table exists in the fixture's own database and starts empty (a missing
			// table fails the query).
			for (String table : List.of("midtrans_payment", "midtrans_payment_item", "midtrans_refund",
					"midtrans_notification", "midtrans_invoice", "midtrans_invoice_item", "midtrans_subscription",
					"midtrans_pay_account")) {
				assertThat(fixture.jdbc().queryForObject("select count(*) from " + table, Integer.class)).as(table)
					.isZero();
			}
		}
	}

}
