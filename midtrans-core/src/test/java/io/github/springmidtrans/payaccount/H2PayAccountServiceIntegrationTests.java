package io.github.springmidtrans.payaccount;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * {@link PayAccountService} on H2.
 */
class H2PayAccountServiceIntegrationTests extends PayAccountServiceIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
