package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Notification audit retention on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbNotificationAuditRetentionIntegrationTests extends NotificationAuditRetentionIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
