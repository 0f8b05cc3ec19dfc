package io.github.springmidtrans.subscription;

import io.github.springmidtrans.DatabaseFixture.Database;

/**
 * {@link SubscriptionService} on H2.
 */
class H2SubscriptionServiceIntegrationTests extends SubscriptionServiceIntegrationTests {

	@Override
	Database database() {
		return Database.H2;
	}

}
