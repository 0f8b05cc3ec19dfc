package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * A billing or shipping address.
 *
 * @param firstName first name
 * @param lastName last name
 * @param email email address
 * @param phone phone number
 * @param address street address
 * @param city city
 * @param postalCode postal code, at most 10 characters
 * @param countryCode ISO 3166-1 alpha-3 code such as {@code IDN}
 * @since 0.1.0
 */
public record Address(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
		@Nullable String phone, @Nullable String address, @Nullable String city, @Nullable String postalCode,
		@Nullable String countryCode) {

}
