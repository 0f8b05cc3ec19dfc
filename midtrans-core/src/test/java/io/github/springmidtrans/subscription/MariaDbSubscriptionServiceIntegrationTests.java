package io.github.springmidtrans.subscription;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link SubscriptionService} on MariaDb.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbSubscriptionServiceIntegrationTests extends SubscriptionServiceIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
