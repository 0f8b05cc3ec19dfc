package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link NotificationHandler} on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlNotificationHandlerIntegrationTests extends NotificationHandlerIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
