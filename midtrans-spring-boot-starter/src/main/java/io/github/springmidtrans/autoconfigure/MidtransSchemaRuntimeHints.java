package io.github.springmidtrans.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * Resource hints for the SQL that ships in {@code midtrans-core}: the schema scripts that
 * {@code midtrans.jdbc.initialize-schema} runs and the upgrade scripts beside them.
 */
class MidtransSchemaRuntimeHints implements RuntimeHintsRegistrar {

	static final String SCHEMA_LOCATION = "io/github/springmidtrans/schema";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		hints.resources().registerPattern(SCHEMA_LOCATION + "/*.sql");
		hints.resources().registerPattern(SCHEMA_LOCATION + "/upgrade/*.sql");
	}

}
