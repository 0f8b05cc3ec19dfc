package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.github.springmidtrans.internal.LockedRows;
import jakarta.persistence.EntityManager;

/**
 * Queries on {@link MidtransRefund}; every method must run inside a transaction.
 *
 * @since 0.1.0
 */
class MidtransRefundRepository {

	private final EntityManager entityManager;

	/**
	 * Create a repository.
	 * @param entityManager a shared, transaction-bound entity manager
	 */
	MidtransRefundRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Find a refund by its key.
	 * @param refundKey the refund key
	 * @return the refund, if any
	 */
	Optional<MidtransRefund> findByRefundKey(String refundKey) {
		return this.entityManager
			.createQuery("select r from MidtransRefund r where r.refundKey = :key", MidtransRefund.class)
			.setParameter("key", refundKey)
			.getResultStream()
			.findFirst();
	}

	/**
	 * Find a refund by its key and lock its row.
	 * @param refundKey the refund key
	 * @return the locked refund, if any
	 */
	Optional<MidtransRefund> lockByRefundKey(String refundKey) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select r, r.version from MidtransRefund r where r.refundKey = :key", Object[].class)
					.setParameter("key", refundKey),
				MidtransRefund.class, MidtransRefund::getVersion);
	}

	/**
	 * The refunds of a payment, oldest first.
	 * @param orderId the payment's order id
	 * @return the refunds
	 */
	List<MidtransRefund> findByOrderId(String orderId) {
		return this.entityManager
			.createQuery("select r from MidtransRefund r where r.orderId = :orderId order by r.id",
					MidtransRefund.class)
			.setParameter("orderId", orderId)
			.getResultList();
	}

	/**
	 * Sum of refunds of a payment that are requested or succeeded: what may not be
	 * refunded again.
	 * @param orderId the payment's order id
	 * @return the sum, zero when none
	 */
	BigDecimal sumCommitted(String orderId) {
		BigDecimal sum = this.entityManager
			.createQuery("select coalesce(sum(r.amount), 0) from MidtransRefund r where r.orderId = :orderId"
					+ " and r.state <> :failed", BigDecimal.class)
			.setParameter("orderId", orderId)
			.setParameter("failed", RefundState.FAILED)
			.getSingleResult();
		return (sum != null) ? sum : BigDecimal.ZERO;
	}

	/**
	 * One page of refunds still waiting for Midtrans' confirmation, ordered by id.
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page
	 */
	List<MidtransRefund> findRequested(long afterId, int limit) {
		return this.entityManager
			.createQuery("select r from MidtransRefund r where r.state = :state and r.id > :afterId order by r.id",
					MidtransRefund.class)
			.setParameter("state", RefundState.REQUESTED)
			.setParameter("afterId", afterId)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * Store a new refund.
	 * @param refund the refund
	 * @return the same refund, now managed
	 */
	MidtransRefund add(MidtransRefund refund) {
		this.entityManager.persist(refund);
		return refund;
	}

}
