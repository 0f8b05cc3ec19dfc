package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The upgrade scripts on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlSchemaUpgradeIntegrationTests extends SchemaUpgradeIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
