package io.github.springmidtrans.invoice;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Invoice keys compare exactly on H2.
 */
class H2InvoiceKeyCaseIntegrationTests extends InvoiceKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
