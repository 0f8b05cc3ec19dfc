package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * One line of an order ({@code item_details[]}). The sum of {@code price * quantity} over
 * all items must equal the gross amount; a negative price models a discount.
 *
 * @param id the item id, at most 50 characters
 * @param price the unit price in whole rupiah, may be negative
 * @param quantity the quantity, at least 1
 * @param name the name shown to the customer, at most 50 characters (required)
 * @param brand the brand
 * @param category the category
 * @param merchantName the merchant selling the item (marketplaces)
 * @param url a link to the item
 * @since 0.1.0
 */
public record ItemDetail(@Nullable String id, long price, int quantity, String name, @Nullable String brand,
		@Nullable String category, @Nullable String merchantName, @Nullable String url) {

	public ItemDetail {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Item name is required");
		}
		if (quantity < 1) {
			throw new IllegalArgumentException("Quantity of item '" + name + "' must be at least 1, got " + quantity);
		}
	}

	/**
	 * Create an item with the required fields.
	 * @param id the item id
	 * @param name the name
	 * @param price the unit price in whole rupiah
	 * @param quantity the quantity
	 * @return the item
	 */
	public static ItemDetail of(@Nullable String id, String name, long price, int quantity) {
		return new ItemDetail(id, price, quantity, name, null, null, null, null);
	}

	/**
	 * Line total.
	 * @return {@code price * quantity}
	 */
	public long total() {
		return Math.multiplyExact(this.price, this.quantity);
	}

}
