package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * One line of an invoice ({@code item_details[]}). Unlike a Core API {@link ItemDetail},
 * an invoice line has a description instead of a name and may carry a discount
 * percentage.
 *
 * @param itemId the merchant's item id, at most 30 characters
 * @param description what is billed (required), at most 150 characters
 * @param quantity the quantity, at least 1
 * @param price the unit price in whole rupiah
 * @param discountPercentage a discount on this line, 0 to 100
 * @since 0.1.0
 */
public record InvoiceItem(@Nullable String itemId, String description, int quantity, long price,
		@Nullable Integer discountPercentage) {

	public InvoiceItem {
		if (description == null || description.isBlank()) {
			throw new IllegalArgumentException("Invoice item description is required");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException(
					"Quantity of invoice item '" + description + "' must be at least 1, got " + quantity);
		}
		if (discountPercentage != null && (discountPercentage < 0 || discountPercentage > 100)) {
			throw new IllegalArgumentException("Discount of invoice item '" + description
					+ "' must be 0 to 100 percent, got " + discountPercentage);
		}
	}

	/**
	 * Create a line without discount.
	 * @param itemId the item id, may be {@code null}
	 * @param description what is billed
	 * @param quantity the quantity
	 * @param price the unit price in whole rupiah
	 * @return the line
	 */
	public static InvoiceItem of(@Nullable String itemId, String description, int quantity, long price) {
		return new InvoiceItem(itemId, description, quantity, price, null);
	}

	/**
	 * Copy with a discount.
	 * @param percentage 0 to 100
	 * @return a new line
	 */
	public InvoiceItem withDiscountPercentage(int percentage) {
		return new InvoiceItem(this.itemId, this.description, this.quantity, this.price, percentage);
	}

	/**
	 * Line total before discount.
	 * @return {@code price * quantity}
	 */
	public long total() {
		return Math.multiplyExact(this.price, this.quantity);
	}

}
