package io.github.springmidtrans.payment;

import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * Reads a stored payment by its order id inside the caller's own transaction, for the
 * services of other packages (an invoice looking at the payment that paid it). The same
 * look-up as {@link PaymentService#findByOrderId(String)}, which opens a transaction of
 * its own; order ids compare exactly.
 *
 * @since 0.1.0
 */
public final class PaymentLookup {

	private PaymentLookup() {
	}

	/**
	 * Find a payment, with its items.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param orderId the order id
	 * @return the payment, if stored
	 */
	public static Optional<MidtransPayment> byOrderId(EntityManager entityManager, String orderId) {
		return new MidtransPaymentRepository(entityManager).findByOrderId(orderId);
	}

}
