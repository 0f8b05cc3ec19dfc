package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Payment links through the Payment Link API ({@code /v1/payment-links}). Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * @since 0.1.0
 */
public final class PaymentLinkApi {

	private final HttpTransport transport;

	PaymentLinkApi(HttpTransport transport) {
		this.transport = transport;
	}

}
