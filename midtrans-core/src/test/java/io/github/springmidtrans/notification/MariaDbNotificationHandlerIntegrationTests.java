package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link NotificationHandler} on MariaDb.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbNotificationHandlerIntegrationTests extends NotificationHandlerIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
