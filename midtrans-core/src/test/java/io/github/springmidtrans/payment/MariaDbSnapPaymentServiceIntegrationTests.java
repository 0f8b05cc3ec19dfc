package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Snap checkouts in {@link PaymentService} on MariaDb.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbSnapPaymentServiceIntegrationTests extends SnapPaymentServiceIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
