package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Subscription and pay account notifications on H2.
 */

class H2ShapedNotificationIntegrationTests extends ShapedNotificationIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
