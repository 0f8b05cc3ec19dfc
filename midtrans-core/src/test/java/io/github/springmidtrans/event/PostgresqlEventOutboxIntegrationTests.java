package io.github.springmidtrans.event;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The event outbox on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlEventOutboxIntegrationTests extends EventOutboxIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
