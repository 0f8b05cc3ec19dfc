package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Notification audit retention on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlNotificationAuditRetentionIntegrationTests extends NotificationAuditRetentionIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
