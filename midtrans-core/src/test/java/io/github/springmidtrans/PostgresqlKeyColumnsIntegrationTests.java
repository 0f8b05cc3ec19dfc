package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Key columns of the shipped schema on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlKeyColumnsIntegrationTests extends KeyColumnsIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
