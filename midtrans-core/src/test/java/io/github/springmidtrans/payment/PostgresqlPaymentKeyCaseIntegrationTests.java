package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Order ids and refund keys compare exactly on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlPaymentKeyCaseIntegrationTests extends PaymentKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
