package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Pay account ids compare exactly on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlPayAccountKeyCaseIntegrationTests extends PayAccountKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
