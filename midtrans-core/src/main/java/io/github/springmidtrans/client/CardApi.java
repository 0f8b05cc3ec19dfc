package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Card tokenization, card registration, point inquiry and BIN lookup. Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * @since 0.1.0
 */
public final class CardApi {

	private final HttpTransport transport;

	private final @Nullable String clientKey;

	CardApi(HttpTransport transport, @Nullable String clientKey) {
		this.transport = transport;
		this.clientKey = clientKey;
	}

}
