package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Recurring charges through the Subscriptions API ({@code /v1/subscriptions}). Obtain it
 * from {@link MidtransClient}; thread-safe.
 *
 * @since 0.1.0
 */
public final class SubscriptionApi {

	private final HttpTransport transport;

	SubscriptionApi(HttpTransport transport) {
		this.transport = transport;
	}

}
