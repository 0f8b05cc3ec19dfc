package io.github.springmidtrans.sample.shop;

import java.util.List;

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

}
