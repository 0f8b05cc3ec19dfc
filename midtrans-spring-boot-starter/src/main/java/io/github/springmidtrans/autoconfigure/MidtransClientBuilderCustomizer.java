package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.client.MidtransClient;

/**
 * Customises the {@link MidtransClient.Builder} after the {@code midtrans.*} properties
 * were applied, for settings that have no property (an {@code OkHttpClient} with an event
 * listener, extra headers, a proxy).
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MidtransClientBuilderCustomizer {

	/**
	 * Customise the builder.
	 * @param builder the builder
	 */
	void customize(MidtransClient.Builder builder);

}
