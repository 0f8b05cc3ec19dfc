package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * {@link PaymentService} on H2.
 */

class H2PaymentServiceIntegrationTests extends PaymentServiceIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
