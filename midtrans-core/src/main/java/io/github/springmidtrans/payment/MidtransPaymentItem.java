package io.github.springmidtrans.payment;

import java.math.BigDecimal;

import io.github.springmidtrans.client.model.ItemDetail;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One order line of a payment, as sent with the charge.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransPaymentItem")
@Table(name = "midtrans_payment_item")
public class MidtransPaymentItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "payment_id", nullable = false)
	private @Nullable MidtransPayment payment;

	@Column(name = "item_id", length = 50)
	private @Nullable String itemId;

	@Column(name = "name", nullable = false, length = 255)
	private String name;

	@Column(name = "price", nullable = false, precision = 19, scale = 2)
	private BigDecimal price;

	@Column(name = "quantity", nullable = false)
	private int quantity;

	@Column(name = "brand", length = 255)
	private @Nullable String brand;

	@Column(name = "category", length = 255)
	private @Nullable String category;

	@Column(name = "merchant_name", length = 255)
	private @Nullable String merchantName;

	/** For JPA only. */
	protected MidtransPaymentItem() {
		this.name = "";
		this.price = BigDecimal.ZERO;
	}

	MidtransPaymentItem(MidtransPayment payment, ItemDetail item) {
		this.payment = payment;
		this.itemId = item.id();
		this.name = item.name();
		this.price = BigDecimal.valueOf(item.price());
		this.quantity = item.quantity();
		this.brand = item.brand();
		this.category = item.category();
		this.merchantName = item.merchantName();
	}

	/**
	 * Database id.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The merchant's item id.
	 * @return the id or {@code null}
	 */
	public @Nullable String getItemId() {
		return this.itemId;
	}

	/**
	 * The item name.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * Unit price; negative for a discount line.
	 * @return the price
	 */
	public BigDecimal getPrice() {
		return this.price;
	}

	/**
	 * Quantity.
	 * @return the quantity
	 */
	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * Brand.
	 * @return the brand or {@code null}
	 */
	public @Nullable String getBrand() {
		return this.brand;
	}

	/**
	 * Category.
	 * @return the category or {@code null}
	 */
	public @Nullable String getCategory() {
		return this.category;
	}

	/**
	 * Selling merchant (marketplaces).
	 * @return the merchant or {@code null}
	 */
	public @Nullable String getMerchantName() {
		return this.merchantName;
	}

}
