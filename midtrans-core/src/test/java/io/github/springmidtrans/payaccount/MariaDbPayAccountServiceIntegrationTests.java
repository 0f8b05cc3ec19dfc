package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link PayAccountService} on MariaDb.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbPayAccountServiceIntegrationTests extends PayAccountServiceIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
