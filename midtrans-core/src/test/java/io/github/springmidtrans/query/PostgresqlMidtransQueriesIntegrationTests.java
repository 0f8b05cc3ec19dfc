package io.github.springmidtrans.query;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Paged, filtered listings on PostgreSQL.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlMidtransQueriesIntegrationTests extends MidtransQueriesIntegrationTests {

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

}
