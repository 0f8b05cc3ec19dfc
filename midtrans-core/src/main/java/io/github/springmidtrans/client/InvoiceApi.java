package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Invoices through the Invoicing API ({@code /v1/invoices}). Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * @since 0.1.0
 */
public final class InvoiceApi {

	private final HttpTransport transport;

	InvoiceApi(HttpTransport transport) {
		this.transport = transport;
	}

}
