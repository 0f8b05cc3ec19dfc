package io.github.springmidtrans.query;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Paged, filtered listings on H2.
 */
class H2MidtransQueriesIntegrationTests extends MidtransQueriesIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
