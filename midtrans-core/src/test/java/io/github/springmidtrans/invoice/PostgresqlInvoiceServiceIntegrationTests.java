package io.github.springmidtrans.invoice;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link InvoiceService} on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlInvoiceServiceIntegrationTests extends InvoiceServiceIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
