package io.github.springmidtrans.subscription;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Subscription keys compare exactly on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbSubscriptionKeyCaseIntegrationTests extends SubscriptionKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
