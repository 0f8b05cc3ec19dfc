package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tax on an invoice ({@code taxes[]}).
 *
 * @param name the label shown on the invoice, such as {@code PPN}
 * @param type {@code percentage} or {@code fixed}
 * @param value a percentage ({@code 11} means 11%) or an amount in rupiah, not negative
 * @since 0.1.0
 */
public record InvoiceTax(String name, TaxType type, BigDecimal value) {

	public InvoiceTax {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Invoice tax name is required");
		}
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(value, "value");
		if (type == TaxType.UNKNOWN) {
			throw new IllegalArgumentException("Type of invoice tax '" + name + "' must be percentage or fixed");
		}
		if (value.signum() < 0) {
			throw new IllegalArgumentException("Value of invoice tax '" + name + "' must not be negative");
		}
	}

	/**
	 * A percentage tax.
	 * @param name the label
	 * @param percent the percentage
	 * @return the tax
	 */
	public static InvoiceTax percentage(String name, BigDecimal percent) {
		return new InvoiceTax(name, TaxType.PERCENTAGE, percent);
	}

	/**
	 * A fixed tax.
	 * @param name the label
	 * @param amount the amount in whole rupiah
	 * @return the tax
	 */
	public static InvoiceTax fixed(String name, long amount) {
		return new InvoiceTax(name, TaxType.FIXED, BigDecimal.valueOf(amount));
	}

}
