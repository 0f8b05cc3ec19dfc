package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Subscription and pay account notifications on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbShapedNotificationIntegrationTests extends ShapedNotificationIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
