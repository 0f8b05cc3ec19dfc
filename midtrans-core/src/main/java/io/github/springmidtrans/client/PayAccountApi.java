package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * GoPay account linking (tokenization) through the Pay Account API. Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * @since 0.1.0
 */
public final class PayAccountApi {

	private final HttpTransport transport;

	PayAccountApi(HttpTransport transport) {
		this.transport = transport;
	}

}
