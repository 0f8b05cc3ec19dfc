package io.github.springmidtrans.autoconfigure;

import java.util.UUID;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migrations on H2: each case on an in-memory database of its own.
 */
class H2MigrationsIntegrationTests extends MigrationsIntegrationTests {

	@Override
	String freshDatabase(String name) {
		return "jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
	}

	@Override
	String schemaScript() {
		return "io/github/springmidtrans/schema/schema-h2.sql";
	}

	@Override
	String currentSchema() {
		return "'PUBLIC'";
	}

	@Override
	String quoted(String name) {
		// Flyway quotes the names of its history table and columns on H2: they stay lower
		// case.
		return "\"" + name + "\"";
	}

	@Override
	DataSource dataSource(String url) {
		// The user Boot connects with to an embedded H2, so that it may read what this
		// one made.
		return new DriverManagerDataSource(url, "sa", "");
	}

}
