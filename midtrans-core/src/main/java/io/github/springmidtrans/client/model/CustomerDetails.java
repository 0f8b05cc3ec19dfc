package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The paying customer ({@code customer_details}). Required for Akulaku and Kredivo. For
 * BCA virtual accounts keep the names within 30 characters; BNI wants the phone to start
 * with {@code +62} or {@code 0}.
 *
 * @param firstName first name
 * @param lastName last name
 * @param email email address
 * @param phone phone number
 * @param billingAddress billing address
 * @param shippingAddress shipping address
 * @since 0.1.0
 */
public record CustomerDetails(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
		@Nullable String phone, @Nullable Address billingAddress, @Nullable Address shippingAddress) {

	/**
	 * Create customer details without addresses.
	 * @param firstName first name
	 * @param lastName last name
	 * @param email email address
	 * @param phone phone number
	 * @return the details
	 */
	public static CustomerDetails of(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone) {
		return new CustomerDetails(firstName, lastName, email, phone, null, null);
	}

	/**
	 * Copy with a billing address.
	 * @param address the address
	 * @return new details
	 */
	public CustomerDetails withBillingAddress(Address address) {
		return new CustomerDetails(this.firstName, this.lastName, this.email, this.phone, address,
				this.shippingAddress);
	}

	/**
	 * Copy with a shipping address.
	 * @param address the address
	 * @return new details
	 */
	public CustomerDetails withShippingAddress(Address address) {
		return new CustomerDetails(this.firstName, this.lastName, this.email, this.phone, this.billingAddress, address);
	}

}
