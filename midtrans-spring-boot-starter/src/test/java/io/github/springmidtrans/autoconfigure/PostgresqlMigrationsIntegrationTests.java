package io.github.springmidtrans.autoconfigure;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations on PostgreSQL: each case in a schema of its own, made afresh.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlMigrationsIntegrationTests extends MigrationsIntegrationTests {

	@Override
	String freshDatabase(String name) {
		String url = System.getenv("MIDTRANS_TEST_POSTGRESQL_URL");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
		jdbc.execute("drop schema if exists " + name + " cascade");
		jdbc.execute("create schema " + name);
		return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
	}

	@Override
	String schemaScript() {
		return "io/github/springmidtrans/schema/schema-postgresql.sql";
	}

	@Override
	String currentSchema() {
		return "current_schema()";
	}

}
