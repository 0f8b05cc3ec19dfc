package io.github.springmidtrans.sample.shop;

import org.jspecify.annotations.Nullable;

/**
 * Who orders.
 *
 * @param name the full name
 * @param email the e-mail address
 * @param phone the phone number, if given
 */
public record Customer(String name, String email, @Nullable String phone) {

	public Customer {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Please enter your name");
		}
		if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("Please enter a valid e-mail address");
		}
		name = name.strip();
		email = email.strip();
		phone = (phone == null || phone.isBlank()) ? null : phone.strip();
		if (name.length() > 100 || email.length() > 100 || (phone != null && phone.length() > 30)) {
			throw new IllegalArgumentException("Name and e-mail may have up to 100 characters, the phone 30");
		}
	}

	/**
	 * The first word of the name.
	 * @return the first name
	 */
	public String firstName() {
		int space = this.name.indexOf(' ');
		return (space < 0) ? this.name : this.name.substring(0, space);
	}

	/**
	 * The rest of the name.
	 * @return the last name, or {@code null} for a one-word name
	 */
	public @Nullable String lastName() {
		int space = this.name.indexOf(' ');
		return (space < 0) ? null : this.name.substring(space + 1).strip();
	}

}
