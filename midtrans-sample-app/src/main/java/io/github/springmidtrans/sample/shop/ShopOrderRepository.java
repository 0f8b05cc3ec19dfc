package io.github.springmidtrans.sample.shop;

import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

/**
 * The shop's orders.
 */
public interface ShopOrderRepository extends ListCrudRepository<ShopOrder, Long> {

	/**
	 * The order with this number.
	 * @param orderNumber the order number (the Midtrans order id)
	 * @return the order, if any
	 */
	Optional<ShopOrder> findByOrderNumber(String orderNumber);

	/**
	 * The latest orders.
	 * @return up to 20 orders, newest first
	 */
	List<ShopOrder> findTop20ByOrderByIdDesc();

}
