package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Pay account ids compare exactly on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbPayAccountKeyCaseIntegrationTests extends PayAccountKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
