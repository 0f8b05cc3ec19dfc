package io.github.springmidtrans.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The customer of a payment link ({@code customer_details}).
 *
 * @param firstName first name
 * @param lastName last name
 * @param email email address
 * @param phone phone number
 * @param notes a message shown to the customer
 * @param customerDetailsRequiredFields fields the customer must fill in on the payment
 * page, such as {@code first_name}, {@code phone}, {@code email}
 * @since 0.1.0
 */
public record PaymentLinkCustomer(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
		@Nullable String phone, @Nullable String notes, List<String> customerDetailsRequiredFields) {

	public PaymentLinkCustomer {
		customerDetailsRequiredFields = (customerDetailsRequiredFields != null)
				? List.copyOf(customerDetailsRequiredFields) : List.of();
	}

	/**
	 * Create a customer without notes or required fields.
	 * @param firstName first name
	 * @param lastName last name
	 * @param email email address
	 * @param phone phone number
	 * @return the customer
	 */
	public static PaymentLinkCustomer of(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone) {
		return new PaymentLinkCustomer(firstName, lastName, email, phone, null, List.of());
	}

	/**
	 * Copy with a message for the customer.
	 * @param notes the message
	 * @return a new customer
	 */
	public PaymentLinkCustomer withNotes(String notes) {
		return new PaymentLinkCustomer(this.firstName, this.lastName, this.email, this.phone, notes,
				this.customerDetailsRequiredFields);
	}

	/**
	 * Copy with fields the customer must fill in.
	 * @param fields such as {@code "email"}
	 * @return a new customer
	 */
	public PaymentLinkCustomer withRequiredFields(String... fields) {
		return new PaymentLinkCustomer(this.firstName, this.lastName, this.email, this.phone, this.notes,
				List.of(fields));
	}

}
