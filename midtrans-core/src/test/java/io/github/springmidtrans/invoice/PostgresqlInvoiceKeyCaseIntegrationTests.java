package io.github.springmidtrans.invoice;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Invoice keys compare exactly on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlInvoiceKeyCaseIntegrationTests extends InvoiceKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
