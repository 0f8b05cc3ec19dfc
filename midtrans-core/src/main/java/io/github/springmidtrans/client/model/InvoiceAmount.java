package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Invoice-level adjustments ({@code amount}): items total + shipping - discount must not
 * be negative.
 *
 * @param discount a discount in whole rupiah, not negative
 * @param shipping a shipping fee in whole rupiah, not negative
 * @since 0.1.0
 */
public record InvoiceAmount(@Nullable Long discount, @Nullable Long shipping) {

	public InvoiceAmount {
		if (discount != null && discount < 0) {
			throw new IllegalArgumentException("Invoice discount must not be negative, got " + discount);
		}
		if (shipping != null && shipping < 0) {
			throw new IllegalArgumentException("Invoice shipping must not be negative, got " + shipping);
		}
	}

	/**
	 * Create the adjustments.
	 * @param discount the discount, may be {@code null}
	 * @param shipping the shipping fee, may be {@code null}
	 * @return the adjustments
	 */
	public static InvoiceAmount of(@Nullable Long discount, @Nullable Long shipping) {
		return new InvoiceAmount(discount, shipping);
	}

}
