package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Snap checkouts in {@link PaymentService} on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlSnapPaymentServiceIntegrationTests extends SnapPaymentServiceIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
