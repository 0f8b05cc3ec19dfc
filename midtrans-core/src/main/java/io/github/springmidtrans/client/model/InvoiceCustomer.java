package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The billed customer of an invoice ({@code customer_details}). An invoice request checks
 * it: a name of at most 40 characters, a phone of at most 15 characters that does not
 * start with {@code 0}.
 *
 * @param id the merchant's customer id, at most 36 characters
 * @param name the name (required in requests)
 * @param email the email address; Midtrans mails the invoice there
 * @param phone the phone number without a leading {@code 0}, such as
 * {@code 6281234567890}
 * @since 0.1.0
 */
public record InvoiceCustomer(@Nullable String id, @Nullable String name, @Nullable String email,
		@Nullable String phone) {

	/**
	 * Create a customer.
	 * @param id the merchant's customer id, may be {@code null}
	 * @param name the name
	 * @param email the email address, may be {@code null}
	 * @param phone the phone number, may be {@code null}
	 * @return the customer
	 */
	public static InvoiceCustomer of(@Nullable String id, String name, @Nullable String email, @Nullable String phone) {
		return new InvoiceCustomer(id, name, email, phone);
	}

}
