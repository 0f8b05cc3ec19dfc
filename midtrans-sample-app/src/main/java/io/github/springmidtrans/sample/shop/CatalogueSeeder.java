package io.github.springmidtrans.sample.shop;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills an empty catalogue with a few products, before the web server takes requests.
 */
@Component
class CatalogueSeeder implements SmartInitializingSingleton {

	private final ProductRepository products;

	private final TransactionTemplate transactions;

	CatalogueSeeder(ProductRepository products, TransactionTemplate transactions) {
		this.products = products;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.transactions.executeWithoutResult((status) -> {
			if (this.products.count() > 0) {
				return;
			}
			this.products.save(new Product("KOPI-250", "Toraja coffee beans, 250 g",
					"Medium roast from Tana Toraja, whole beans.", 85_000));
			this.products
				.save(new Product("TEH-100", "Java tea, 100 g", "Black tea from the Puncak highlands.", 45_000));
			this.products
				.save(new Product("BATIK-01", "Batik scarf", "Hand-drawn batik tulis from Pekalongan.", 350_000));
			this.products.save(new Product("SAMBAL-3", "Sambal trio", "Three jars: bajak, matah and ijo.", 120_000));
		});
	}

}
