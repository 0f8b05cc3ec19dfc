package io.github.springmidtrans.notification;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Notification audit retention on H2.
 */
class H2NotificationAuditRetentionIntegrationTests extends NotificationAuditRetentionIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
