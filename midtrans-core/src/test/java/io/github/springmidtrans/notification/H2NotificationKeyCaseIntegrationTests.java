package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Notifications find their payment by the exact order id on H2.
 */
class H2NotificationKeyCaseIntegrationTests extends NotificationKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
