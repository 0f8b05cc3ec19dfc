package io.github.springmidtrans.sample.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.notification.MidtransNotification;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.query.MidtransQueries;
import io.github.springmidtrans.query.QueryFilter;
import io.github.springmidtrans.subscription.MidtransSubscription;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Read-only lists over the starter's tables for the admin pages, paged and filtered:
 * payments (by status and method), invoices and subscriptions through the starter's
 * {@link MidtransQueries}, notifications through a query of its own. Every change goes
 * through the starter's services, never through these queries.
 */
@Component
@Transactional(readOnly = true)
class AdminQueries {

	static final int PAGE_SIZE = 20;

	private final EntityManager entityManager;

	private final MidtransQueries listings;

	AdminQueries(EntityManager entityManager, MidtransQueries listings) {
		this.entityManager = entityManager;
		this.listings = listings;
	}

	Paged<MidtransPayment> payments(@Nullable PaymentStatus status, @Nullable String paymentType, int page) {
		QueryFilter<PaymentStatus> filter = QueryFilter.<PaymentStatus>any().status(status).paymentType(paymentType);
		return paged(this.listings.payments(filter, PageRequest.of(Math.max(0, page), PAGE_SIZE)));
	}

	long flaggedPayments() {
		return this.entityManager
			.createQuery("select count(p) from MidtransPayment p where p.flag is not null", Long.class)
			.getSingleResult();
	}

	List<String> paymentTypes() {
		return this.entityManager
			.createQuery("select distinct p.paymentType from MidtransPayment p where p.paymentType is not null"
					+ " order by p.paymentType", String.class)
			.getResultList();
	}

	Paged<MidtransNotification> notifications(@Nullable String orderId, int page) {
		Map<String, Object> parameters = new LinkedHashMap<>();
		String where = "";
		if (orderId != null) {
			where = " where n.orderId = :orderId";
			parameters.put("orderId", orderId);
		}
		return paged("select n from MidtransNotification n" + where + " order by n.id desc",
				"select count(n) from MidtransNotification n" + where, MidtransNotification.class, parameters, page);
	}

	Paged<MidtransInvoice> invoices(int page) {
		return paged(this.listings.invoices(QueryFilter.any(), PageRequest.of(Math.max(0, page), PAGE_SIZE)));
	}

	Optional<MidtransInvoice> invoice(String orderId) {
		return this.entityManager
			.createQuery("select i from MidtransInvoice i where i.orderId = :orderId", MidtransInvoice.class)
			.setParameter("orderId", orderId)
			.getResultStream()
			.findFirst();
	}

	Paged<MidtransSubscription> subscriptions(int page) {
		return paged(this.listings.subscriptions(QueryFilter.any(), PageRequest.of(Math.max(0, page), PAGE_SIZE)));
	}

	/**
	 * A page of the starter's listings, newest first.
	 */
	private static <T> Paged<T> paged(Page<T> page) {
		return new Paged<>(page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements());
	}

	private <T> Paged<T> paged(String select, String count, Class<T> type, Map<String, Object> parameters, int page) {
		int current = Math.max(0, page);
		TypedQuery<T> rows = this.entityManager.createQuery(select, type);
		TypedQuery<Long> total = this.entityManager.createQuery(count, Long.class);
		parameters.forEach((name, value) -> {
			rows.setParameter(name, value);
			total.setParameter(name, value);
		});
		List<T> result = rows.setFirstResult(current * PAGE_SIZE).setMaxResults(PAGE_SIZE).getResultList();
		return new Paged<>(result, current, PAGE_SIZE, total.getSingleResult());
	}

}
