package io.github.springmidtrans.invoice;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Invoice keys compare exactly on MariaDB.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbInvoiceKeyCaseIntegrationTests extends InvoiceKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.MARIADB;
	}

}
