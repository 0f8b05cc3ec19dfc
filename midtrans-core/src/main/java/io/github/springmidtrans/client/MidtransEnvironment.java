package io.github.springmidtrans.client;

import okhttp3.HttpUrl;

/**
 * The Midtrans environment a client talks to; each has its own keys and hosts.
 *
 * @since 0.1.0
 */
public enum MidtransEnvironment {

	/** Sandbox: test keys ({@code SB-Mid-server-...}), no real money. */
	SANDBOX("https://api.sandbox.midtrans.com/", "https://app.sandbox.midtrans.com/"),

	/** Production: live keys, real money. */
	PRODUCTION("https://api.midtrans.com/", "https://app.midtrans.com/");

	private final HttpUrl apiBaseUrl;

	private final HttpUrl snapBaseUrl;

	MidtransEnvironment(String apiBaseUrl, String snapBaseUrl) {
		this.apiBaseUrl = HttpUrl.get(apiBaseUrl);
		this.snapBaseUrl = HttpUrl.get(snapBaseUrl);
	}

	/**
	 * Base URL of the Core, Subscriptions, Invoicing, Pay Account, BIN and Payment Link
	 * APIs.
	 * @return the base URL, ending with a slash
	 */
	public HttpUrl apiBaseUrl() {
		return this.apiBaseUrl;
	}

	/**
	 * Base URL of Snap, the hosted checkout ({@code /snap/v1/transactions} lives below
	 * it).
	 * @return the base URL, ending with a slash
	 * @since 0.1.0
	 */
	public HttpUrl snapBaseUrl() {
		return this.snapBaseUrl;
	}

}
