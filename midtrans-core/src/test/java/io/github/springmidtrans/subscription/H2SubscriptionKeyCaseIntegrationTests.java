package io.github.springmidtrans.subscription;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * Subscription keys compare exactly on H2.
 */
class H2SubscriptionKeyCaseIntegrationTests extends SubscriptionKeyCaseIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
