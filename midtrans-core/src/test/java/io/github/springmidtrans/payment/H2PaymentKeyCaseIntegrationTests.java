package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Order ids and refund keys compare exactly on H2.
 */
class H2PaymentKeyCaseIntegrationTests extends PaymentKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
