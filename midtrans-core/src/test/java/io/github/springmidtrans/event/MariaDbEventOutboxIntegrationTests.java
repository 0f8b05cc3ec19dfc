package io.github.springmidtrans.event;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The event outbox on MariaDb.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbEventOutboxIntegrationTests extends EventOutboxIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
