package io.github.springmidtrans.sample.shop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The catalogue.
 */
public interface ProductRepository extends ListCrudRepository<Product, Long> {

	/**
	 * Every product, cheapest first.
	 * @return the products
	 */
	List<Product> findAllByOrderByPriceAsc();

	/**
	 * The product with this stock-keeping unit.
	 * @param sku the stock-keeping unit
	 * @return the product, if any
	 */
	Optional<Product> findBySku(String sku);

}
