package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Pay account ids compare exactly on H2.
 */
class H2PayAccountKeyCaseIntegrationTests extends PayAccountKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
