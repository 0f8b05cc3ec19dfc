package io.github.springmidtrans.invoice;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * {@link InvoiceService} on H2.
 */
class H2InvoiceServiceIntegrationTests extends InvoiceServiceIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
