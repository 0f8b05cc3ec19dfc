package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Key columns of the shipped schema on H2.
 */
class H2KeyColumnsIntegrationTests extends KeyColumnsIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
