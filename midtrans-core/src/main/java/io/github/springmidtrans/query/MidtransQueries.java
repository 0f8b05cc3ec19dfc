package io.github.springmidtrans.query;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paged, filtered listings of what the starter stores: payments, refunds, invoices and
 * subscriptions, with Spring Data's {@link Page} and {@link Pageable}. It reads through
 * the application's entity manager and declares no Spring Data repositories, so the
 * application's own repositories are left as they are. Records come back detached: read
 * what a listing shows (their lazily loaded items are not fetched).
 * <p>
 * Sort by {@code id}, {@code createdAt}, {@code updatedAt}, {@code status} (refunds:
 * {@code state}) or {@code orderId}; without a sort the newest come first.
 *
 * @since 0.1.0
 */
public final class MidtransQueries {

	private final EntityManager entityManager;

	private final TransactionTemplate reads;

	/**
	 * Create the queries.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 */
	public MidtransQueries(EntityManager entityManager, PlatformTransactionManager transactionManager) {
		this.entityManager = entityManager;
		this.reads = new TransactionTemplate(transactionManager);
		this.reads.setReadOnly(true);
	}

	/**
	 * One page of payments.
	 * @param filter what to keep
	 * @param pageable which page, and its order
	 * @return the page
	 */
	public Page<MidtransPayment> payments(QueryFilter<PaymentStatus> filter, Pageable pageable) {
		return page(MidtransPayment.class, "status", filter, true, true, pageable);
	}

	/**
	 * One page of refunds; refunds have no customer e-mail or payment method of their
	 * own.
	 * @param filter what to keep (by state)
	 * @param pageable which page, and its order
	 * @return the page
	 * @throws IllegalArgumentException when the filter names a customer e-mail or a
	 * payment method
	 */
	public Page<MidtransRefund> refunds(QueryFilter<RefundState> filter, Pageable pageable) {
		return page(MidtransRefund.class, "state", filter, true, false, pageable);
	}

	/**
	 * One page of invoices.
	 * @param filter what to keep
	 * @param pageable which page, and its order
	 * @return the page
	 */
	public Page<MidtransInvoice> invoices(QueryFilter<InvoiceStatus> filter, Pageable pageable) {
		return page(MidtransInvoice.class, "status", filter, true, true, pageable);
	}

	/**
	 * One page of subscriptions; a subscription has no order id of its own (each renewal
	 * has one).
	 * @param filter what to keep
	 * @param pageable which page, and its order
	 * @return the page
	 * @throws IllegalArgumentException when the filter names an order id
	 */
	public Page<MidtransSubscription> subscriptions(QueryFilter<SubscriptionStatus> filter, Pageable pageable) {
		return page(MidtransSubscription.class, "status", filter, false, true, pageable);
	}

	private <T> Page<T> page(Class<T> type, String statusAttribute, QueryFilter<?> filter, boolean hasOrderId,
			boolean hasEmail, Pageable pageable) {
		if (filter.orderId() != null && !hasOrderId) {
			throw new IllegalArgumentException(type.getSimpleName() + " has no order id to filter by");
		}
		if (filter.customerEmail() != null && !hasEmail) {
			throw new IllegalArgumentException(type.getSimpleName() + " has no customer e-mail to filter by");
		}
		if (filter.paymentType() != null && type == MidtransRefund.class) {
			throw new IllegalArgumentException(type.getSimpleName() + " has no payment method to filter by");
		}
		Sort sort = pageable.getSort().isSorted() ? pageable.getSort() : Sort.by(Sort.Direction.DESC, "id");
		Set<String> sortable = new LinkedHashSet<>(List.of("id", "createdAt", "updatedAt", statusAttribute));
		if (hasOrderId) {
			sortable.add("orderId");
		}
		for (Sort.Order order : sort) {
			if (!sortable.contains(order.getProperty())) {
				throw new IllegalArgumentException("Cannot sort " + type.getSimpleName() + " by '" + order.getProperty()
						+ "'; sort by " + String.join(", ", sortable));
			}
		}
		return Objects.requireNonNull(this.reads.execute((transaction) -> {
			CriteriaBuilder builder = this.entityManager.getCriteriaBuilder();
			CriteriaQuery<T> select = builder.createQuery(type);
			Root<T> root = select.from(type);
			select.where(predicates(builder, root, statusAttribute, filter));
			List<Order> orders = new ArrayList<>();
			for (Sort.Order order : sort) {
				orders.add(order.isAscending() ? builder.asc(root.get(order.getProperty()))
						: builder.desc(root.get(order.getProperty())));
			}
			select.orderBy(orders);
			var query = this.entityManager.createQuery(select);
			if (pageable.isPaged()) {
				query.setFirstResult(Math.toIntExact(pageable.getOffset())).setMaxResults(pageable.getPageSize());
			}
			List<T> content = query.getResultList();
			long total;
			if (pageable.isUnpaged() || pageable.getOffset() == 0 && content.size() < pageable.getPageSize()) {
				total = content.size();
			}
			else {
				CriteriaQuery<Long> count = builder.createQuery(Long.class);
				Root<T> counted = count.from(type);
				count.select(builder.count(counted)).where(predicates(builder, counted, statusAttribute, filter));
				total = this.entityManager.createQuery(count).getSingleResult();
			}
			return new PageImpl<>(content, pageable, total);
		}));
	}

	private static Predicate[] predicates(CriteriaBuilder builder, Root<?> root, String statusAttribute,
			QueryFilter<?> filter) {
		List<Predicate> predicates = new ArrayList<>();
		if (filter.status() != null) {
			predicates.add(builder.equal(root.get(statusAttribute), filter.status()));
		}
		if (filter.createdFrom() != null) {
			predicates.add(builder.greaterThanOrEqualTo(root.get("createdAt"), filter.createdFrom()));
		}
		if (filter.createdBefore() != null) {
			predicates.add(builder.lessThan(root.get("createdAt"), filter.createdBefore()));
		}
		if (filter.orderId() != null) {
			predicates.add(builder.equal(root.get("orderId"), filter.orderId()));
		}
		if (filter.customerEmail() != null) {
			predicates.add(builder.equal(builder.lower(root.get("customerEmail")),
					filter.customerEmail().toLowerCase(Locale.ROOT)));
		}
		if (filter.paymentType() != null) {
			predicates.add(builder.equal(root.get("paymentType"), filter.paymentType()));
		}
		return predicates.toArray(Predicate[]::new);
	}

}
