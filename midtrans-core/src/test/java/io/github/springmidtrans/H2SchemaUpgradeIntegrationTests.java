package io.github.springmidtrans;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * The upgrade scripts on H2.
 */
class H2SchemaUpgradeIntegrationTests extends SchemaUpgradeIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
