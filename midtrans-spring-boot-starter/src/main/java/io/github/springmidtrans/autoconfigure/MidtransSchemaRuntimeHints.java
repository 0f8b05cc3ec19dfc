package io.github.springmidtrans.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the SQL that ships in {@code midtrans-core}: the schema scripts that
 * {@code midtrans.jdbc.initialize-schema} runs, the upgrade scripts beside them, the
 * Flyway migrations and the Liquibase changelog.
 */
class MidtransSchemaRuntimeHints implements RuntimeHintsRegistrar {

	static final String SCHEMA_LOCATION = "io/github/springmidtrans/schema";

	static final String MIGRATION_LOCATION = "io/github/springmidtrans/db/migration";

	static final String CHANGELOG_LOCATION = "io/github/springmidtrans/db/changelog";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCHEMA_LOCATION + "/*.sql");
		hints.resources().registerPattern(SCHEMA_LOCATION + "/upgrade/*.sql");
		hints.resources().registerPattern(MIGRATION_LOCATION + "/*/*.sql");
		hints.resources().registerPattern(CHANGELOG_LOCATION + "/*.xml");
	}

}
