package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Key columns of the shipped schema on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbKeyColumnsIntegrationTests extends KeyColumnsIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
