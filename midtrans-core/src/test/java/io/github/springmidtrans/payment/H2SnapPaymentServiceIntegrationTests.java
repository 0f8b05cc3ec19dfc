package io.github.springmidtrans.payment;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Snap checkouts in {@link PaymentService} on H2.
 */
class H2SnapPaymentServiceIntegrationTests extends SnapPaymentServiceIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
