package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The upgrade scripts on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbSchemaUpgradeIntegrationTests extends SchemaUpgradeIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
