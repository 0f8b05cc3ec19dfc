package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Order ids and refund keys compare exactly on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbPaymentKeyCaseIntegrationTests extends PaymentKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
