package io.github.springmidtrans;

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
			Integer tables = fixture.jdbc()
				.queryForObject(
						"select count(*) from information_schema.tables where lower(table_name) like 'midtrans\\_%'",
						Integer.class);
			assertThat(tables).isGreaterThanOrEqualTo(4);
		}
	}

}
