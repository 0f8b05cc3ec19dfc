package io.github.springmidtrans.autoconfigure.shop;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An application's own entity named like ours: it must coexist with MidtransPayment.
 */
@Entity
@Table(name = "shop_payment")
public class Payment {

	@Id
	private Long id;

	public Long getId() {
		return this.id;
	}

}
