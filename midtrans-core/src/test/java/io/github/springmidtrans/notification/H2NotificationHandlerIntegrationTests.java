package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * {@link NotificationHandler} on H2.
 */

class H2NotificationHandlerIntegrationTests extends NotificationHandlerIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
