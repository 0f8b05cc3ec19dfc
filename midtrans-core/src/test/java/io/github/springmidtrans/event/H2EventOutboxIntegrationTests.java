package io.github.springmidtrans.event;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * The event outbox on H2.
 */
class H2EventOutboxIntegrationTests extends EventOutboxIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
