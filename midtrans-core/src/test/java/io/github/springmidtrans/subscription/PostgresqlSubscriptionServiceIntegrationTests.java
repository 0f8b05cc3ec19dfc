package io.github.springmidtrans.subscription;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link SubscriptionService} on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlSubscriptionServiceIntegrationTests extends SubscriptionServiceIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
