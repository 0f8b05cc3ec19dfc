package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * {@link PayAccountService} on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlPayAccountServiceIntegrationTests extends PayAccountServiceIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
