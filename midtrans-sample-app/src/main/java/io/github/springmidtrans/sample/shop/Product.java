package io.github.springmidtrans.sample.shop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Something the shop sells, at a price in whole rupiah.
 */
@Entity
@Table(name = "shop_product")
public class Product {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(nullable = false, unique = true, length = 50)
	private String sku;

	@Column(nullable = false, length = 100)
	private String name;

	@Column(nullable = false, length = 500)
	private String description;

	@Column(nullable = false)
	private long price;

	protected Product() {
		this.sku = "";
		this.name = "";
		this.description = "";
	}

	Product(String sku, String name, String description, long price) {
		if (price <= 0) {
			throw new IllegalArgumentException("Price of " + sku + " must be positive");
		}
		this.sku = sku;
		this.name = name;
		this.description = description;
		this.price = price;
	}

	public @Nullable Long getId() {
		return this.id;
	}

	public String getSku() {
		return this.sku;
	}

	public String getName() {
		return this.name;
	}

	public String getDescription() {
		return this.description;
	}

	public long getPrice() {
		return this.price;
	}

}
