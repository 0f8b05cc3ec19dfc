package io.github.springmidtrans.sample.shop;

import java.util.Collection;
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
	 * The orders with these numbers.
	 * @param orderNumbers the order numbers
	 * @return the orders, newest first
	 */
	List<ShopOrder> findByOrderNumberInOrderByIdDesc(Collection<String> orderNumbers);

}
