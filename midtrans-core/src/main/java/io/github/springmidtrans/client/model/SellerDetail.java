package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A marketplace seller ({@code seller_details[]}), used by Kredivo.
 *
 * @param id the seller id
 * @param name the seller name
 * @param email the seller email
 * @param url the seller's page
 * @param address the seller's address
 * @since 0.1.0
 */
public record SellerDetail(@Nullable String id, @Nullable String name, @Nullable String email, @Nullable String url,
		@Nullable Address address) {

}
