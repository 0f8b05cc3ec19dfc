package io.github.springmidtrans.payment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.springmidtrans.internal.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.hibernate.query.SelectionQuery;
import org.jspecify.annotations.Nullable;

/**
 * Queries on {@link MidtransPayment}. Built on a plain {@link EntityManager}, so it never
 * switches off the application's own Spring Data repositories. Every method must run
 * inside a transaction; periodic queries page by id (keyset), never by offset.
 *
 * @since 0.1.0
 */
class MidtransPaymentRepository {

	private static final List<PaymentStatus> AWAITING = List.of(PaymentStatus.INITIATED, PaymentStatus.PENDING,
			PaymentStatus.AUTHORIZE);

	private static final String DUE_PAYMENT = "new io.github.springmidtrans.payment.DuePayment(p.id, p.orderId,"
			+ " p.status, p.createdAt, p.snap, p.paymentType)";

	private final EntityManager entityManager;

	/**
	 * Create a repository.
	 * @param entityManager a shared, transaction-bound entity manager
	 */
	MidtransPaymentRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Find a payment, with its items in the same statement.
	 * @param orderId the order id
	 * @return the payment, if any
	 */
	Optional<MidtransPayment> findByOrderId(String orderId) {
		return this.entityManager
			.createQuery("select p from MidtransPayment p left join fetch p.items where p.orderId = :orderId",
					MidtransPayment.class)
			.setParameter("orderId", orderId)
			.getResultStream()
			.filter((payment) -> payment.getOrderId().equals(orderId))
			.findFirst();
	}

	/**
	 * Find a payment and lock its row until the transaction ends, so that concurrent
	 * updates (a notification and a status check) apply one after the other.
	 * @param orderId the order id
	 * @return the locked payment, if any
	 */
	Optional<MidtransPayment> lockByOrderId(String orderId) {
		return lock(orderId, false);
	}

	/**
	 * {@link #lockByOrderId} in one statement, for work that applies an answer and hands
	 * out no payment: the items are left unread (they would cost a second statement, and
	 * no answer changes them), so the payment must not leave the transaction.
	 * @param orderId the order id
	 * @return the locked payment, if any, its items not loaded
	 */
	Optional<MidtransPayment> lockWithoutItems(String orderId) {
		return lock(orderId, true);
	}

	private Optional<MidtransPayment> lock(String orderId, boolean withoutItems) {
		// The same statement tells whether an invoice has this order id, so that a
		// settlement's event says whether the invoice listener has anything to look up.
		TypedQuery<Object[]> query = this.entityManager
			.createQuery("select p, p.version, (select i.id from MidtransInvoice i where i.orderId = p.orderId)"
					+ " from MidtransPayment p where p.orderId = :orderId", Object[].class)
			.setParameter("orderId", orderId);
		if (withoutItems) {
			// The eager items become lazy for this read. Not through the query hint:
			// Hibernate applies it but also logs it as unrecognised, once per read.
			query.unwrap(SelectionQuery.class).enableFetchProfile(MidtransPayment.WITHOUT_ITEMS);
		}
		return LockedRows
			.first(this.entityManager, query, MidtransPayment.class, MidtransPayment::getVersion,
					(payment, columns) -> payment.invoiceWithOrderId(columns[2] != null))
			// MySQL and MariaDB ignore trailing spaces even under a binary collation.
			.filter((payment) -> payment.getOrderId().equals(orderId));
	}

	/**
	 * Store a new payment.
	 * @param payment the payment
	 * @return the same payment, now managed
	 */
	MidtransPayment add(MidtransPayment payment) {
		this.entityManager.persist(payment);
		return payment;
	}

	/**
	 * One page of payments still waiting for the customer or for Midtrans whose next
	 * check is due: initiated, pending and authorized, ordered by id.
	 * @param dueBy only payments whose next check is at or before this time
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page, with what a check decides on: one statement, whatever the page
	 * holds
	 */
	List<DuePayment> findDueForCheck(Instant dueBy, long afterId, int limit) {
		return this.entityManager
			.createQuery("select " + DUE_PAYMENT + " from MidtransPayment p where p.status in :statuses"
					+ " and p.nextCheckAt <= :dueBy and p.id > :afterId order by p.id", DuePayment.class)
			.setParameter("statuses", AWAITING)
			.setParameter("dueBy", dueBy)
			.setParameter("afterId", afterId)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * One page of pending payments past their expiry time, ordered by id.
	 * @param now the current time
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page, with what an expiry decides on: one statement, whatever the page
	 * holds
	 */
	List<DuePayment> findExpiredPending(Instant now, long afterId, int limit) {
		return this.entityManager
			.createQuery("select " + DUE_PAYMENT + " from MidtransPayment p where p.status = :status"
					+ " and p.expiryTime < :now and p.id > :afterId order by p.id", DuePayment.class)
			.setParameter("status", PaymentStatus.PENDING)
			.setParameter("now", now)
			.setParameter("afterId", afterId)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * One page of payments, newest first, for listings.
	 * @param status only payments in this status, or {@code null} for all
	 * @param beforeId only payments with a smaller id: the last id of the previous page
	 * ({@code Long.MAX_VALUE} for the first)
	 * @param limit page size
	 * @return the page
	 */
	List<MidtransPayment> findRecent(@Nullable PaymentStatus status, long beforeId, int limit) {
		String filter = (status != null) ? " and p.status = :status" : "";
		TypedQuery<MidtransPayment> query = this.entityManager.createQuery(
				"select p from MidtransPayment p where p.id < :beforeId" + filter + " order by p.id desc",
				MidtransPayment.class);
		if (status != null) {
			query.setParameter("status", status);
		}
		return query.setParameter("beforeId", beforeId).setMaxResults(limit).getResultList();
	}

}
