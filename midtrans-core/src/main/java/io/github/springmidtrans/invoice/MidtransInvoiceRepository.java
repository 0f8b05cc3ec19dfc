package io.github.springmidtrans.invoice;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.springmidtrans.internal.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

/**
 * Queries on {@link MidtransInvoice}. Built on a plain {@link EntityManager}, so it never
 * switches off the application's own Spring Data repositories. Every method must run
 * inside a transaction.
 *
 * @since 0.1.0
 */
public class MidtransInvoiceRepository {

	private final EntityManager entityManager;

	/**
	 * Create a repository.
	 * @param entityManager a shared, transaction-bound entity manager
	 */
	public MidtransInvoiceRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Find an invoice.
	 * @param orderId the invoice's order id
	 * @return the invoice, if any
	 */
	public Optional<MidtransInvoice> findByOrderId(String orderId) {
		return this.entityManager
			.createQuery("select i from MidtransInvoice i where i.orderId = :orderId", MidtransInvoice.class)
			.setParameter("orderId", orderId)
			.getResultStream()
			.findFirst();
	}

	/**
	 * Find an invoice and lock its row until the transaction ends.
	 * @param orderId the invoice's order id
	 * @return the locked invoice, if any
	 */
	public Optional<MidtransInvoice> lockByOrderId(String orderId) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select i, i.version from MidtransInvoice i where i.orderId = :orderId",
							Object[].class)
					.setParameter("orderId", orderId),
				MidtransInvoice.class, MidtransInvoice::getVersion);
	}

	/**
	 * Find an invoice by Midtrans' id.
	 * @param midtransInvoiceId Midtrans' invoice id
	 * @return the invoice, if any
	 */
	public Optional<MidtransInvoice> findByMidtransInvoiceId(String midtransInvoiceId) {
		return this.entityManager
			.createQuery("select i from MidtransInvoice i where i.midtransInvoiceId = :id", MidtransInvoice.class)
			.setParameter("id", midtransInvoiceId)
			.getResultStream()
			.findFirst();
	}

	/**
	 * Find an invoice by Midtrans' id and lock its row until the transaction ends.
	 * @param midtransInvoiceId Midtrans' invoice id
	 * @return the locked invoice, if any
	 */
	public Optional<MidtransInvoice> lockByMidtransInvoiceId(String midtransInvoiceId) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select i, i.version from MidtransInvoice i where i.midtransInvoiceId = :id",
							Object[].class)
					.setParameter("id", midtransInvoiceId),
				MidtransInvoice.class, MidtransInvoice::getVersion);
	}

	/**
	 * Store a new invoice.
	 * @param invoice the invoice
	 * @return the same invoice, now managed
	 */
	public MidtransInvoice add(MidtransInvoice invoice) {
		this.entityManager.persist(invoice);
		return invoice;
	}

	/**
	 * Move every pending invoice whose due date has passed to
	 * {@link InvoiceStatus#OVERDUE} with one {@code UPDATE} statement: no row is loaded,
	 * and the index on {@code (status, due_date, id)} finds them. The version is
	 * incremented, so an entity loaded earlier cannot overwrite the change. Entities
	 * already in the persistence context are not refreshed.
	 * @param now the time; invoices due strictly before it move
	 * @return the number of invoices moved
	 */
	public int markOverdue(Instant now) {
		return this.entityManager
			.createQuery("update MidtransInvoice i set i.status = :overdue, i.overdueAt = :now, i.updatedAt = :now,"
					+ " i.version = i.version + 1 where i.status = :pending and i.dueDate < :now")
			.setParameter("overdue", InvoiceStatus.OVERDUE)
			.setParameter("pending", InvoiceStatus.PENDING)
			.setParameter("now", now)
			.executeUpdate();
	}

	/**
	 * One page of invoices in a status, ordered by id.
	 * @param status the status
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page
	 */
	public List<MidtransInvoice> findByStatus(InvoiceStatus status, long afterId, int limit) {
		return this.entityManager
			.createQuery("select i from MidtransInvoice i where i.status = :status and i.id > :afterId order by i.id",
					MidtransInvoice.class)
			.setParameter("status", status)
			.setParameter("afterId", afterId)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * One page of invoices, newest first, for listings.
	 * @param status only invoices in this status, or {@code null} for all
	 * @param beforeId only invoices with a smaller id: the last id of the previous page
	 * ({@code Long.MAX_VALUE} for the first)
	 * @param limit page size
	 * @return the page
	 */
	public List<MidtransInvoice> findRecent(@Nullable InvoiceStatus status, long beforeId, int limit) {
		String filter = (status != null) ? " and i.status = :status" : "";
		TypedQuery<MidtransInvoice> query = this.entityManager.createQuery(
				"select i from MidtransInvoice i where i.id < :beforeId" + filter + " order by i.id desc",
				MidtransInvoice.class);
		if (status != null) {
			query.setParameter("status", status);
		}
		return query.setParameter("beforeId", beforeId).setMaxResults(limit).getResultList();
	}

}
