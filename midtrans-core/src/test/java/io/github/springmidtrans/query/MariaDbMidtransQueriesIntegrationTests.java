package io.github.springmidtrans.query;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Paged, filtered listings on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbMidtransQueriesIntegrationTests extends MidtransQueriesIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
