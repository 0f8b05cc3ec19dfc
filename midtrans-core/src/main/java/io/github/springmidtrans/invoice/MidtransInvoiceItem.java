package io.github.springmidtrans.invoice;

import java.math.BigDecimal;

import io.github.springmidtrans.client.model.InvoiceItem;
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
 * One line of an invoice, as sent to Midtrans.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransInvoiceItem")
@Table(name = "midtrans_invoice_item")
public class MidtransInvoiceItem {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "invoice_id", nullable = false)
	private @Nullable MidtransInvoice invoice;

	@Column(name = "item_id", length = 50)
	private @Nullable String itemId;

	@Column(name = "description", nullable = false, length = 255)
	private String description;

	@Column(name = "quantity", nullable = false)
	private int quantity;

	@Column(name = "price", nullable = false, precision = 19, scale = 2)
	private BigDecimal price;

	@Column(name = "discount_percentage")
	private @Nullable Integer discountPercentage;

	/** For JPA only. */
	protected MidtransInvoiceItem() {
		this.description = "";
		this.price = BigDecimal.ZERO;
	}

	MidtransInvoiceItem(MidtransInvoice invoice, InvoiceItem item) {
		this.invoice = invoice;
		this.itemId = item.itemId();
		this.description = item.description();
		this.quantity = item.quantity();
		this.price = BigDecimal.valueOf(item.price());
		this.discountPercentage = item.discountPercentage();
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
	 * What is billed.
	 * @return the description
	 */
	public String getDescription() {
		return this.description;
	}

	/**
	 * The quantity.
	 * @return the quantity
	 */
	public int getQuantity() {
		return this.quantity;
	}

	/**
	 * The unit price.
	 * @return the price in rupiah
	 */
	public BigDecimal getPrice() {
		return this.price;
	}

	/**
	 * The line discount.
	 * @return percent, or {@code null}
	 */
	public @Nullable Integer getDiscountPercentage() {
		return this.discountPercentage;
	}

	@Override
	public String toString() {
		return "MidtransInvoiceItem[description=" + this.description + ", quantity=" + this.quantity + ", price="
				+ this.price + "]";
	}

}
