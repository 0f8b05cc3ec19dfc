package io.github.springmidtrans.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.github.springmidtrans.internal.LockedRows;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

/**
 * Queries on {@link MidtransSubscription}. Built on a plain {@link EntityManager}, so it
 * never switches off the application's own Spring Data repositories. Every method must
 * run inside a transaction; periodic queries page by id (keyset), never by offset.
 *
 * @since 0.1.0
 */
public class MidtransSubscriptionRepository {

	private static final List<SubscriptionStatus> LIVE = List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.INACTIVE,
			SubscriptionStatus.DISABLED);

	private final EntityManager entityManager;

	/**
	 * Create a repository.
	 * @param entityManager a shared, transaction-bound entity manager
	 */
	public MidtransSubscriptionRepository(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/**
	 * Find a subscription by Midtrans' id.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription, if any
	 */
	public Optional<MidtransSubscription> findBySubscriptionId(String subscriptionId) {
		return this.entityManager
			.createQuery("select s from MidtransSubscription s where s.subscriptionId = :id",
					MidtransSubscription.class)
			.setParameter("id", subscriptionId)
			.getResultStream()
			.findFirst();
	}

	/**
	 * Find a subscription by Midtrans' id and lock its row until the transaction ends.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the locked subscription, if any
	 */
	public Optional<MidtransSubscription> lockBySubscriptionId(String subscriptionId) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select s, s.version from MidtransSubscription s where s.subscriptionId = :id",
							Object[].class)
					.setParameter("id", subscriptionId),
				MidtransSubscription.class, MidtransSubscription::getVersion);
	}

	/**
	 * Find a subscription by its idempotency key and lock its row.
	 * @param idempotencyKey the key
	 * @return the locked subscription, if any
	 */
	public Optional<MidtransSubscription> lockByIdempotencyKey(String idempotencyKey) {
		return LockedRows.first(this.entityManager,
				this.entityManager
					.createQuery("select s, s.version from MidtransSubscription s where s.idempotencyKey = :key",
							Object[].class)
					.setParameter("key", idempotencyKey),
				MidtransSubscription.class, MidtransSubscription::getVersion);
	}

	/**
	 * Subscriptions with one of these names, for matching renewal order ids.
	 * @param names candidate names
	 * @return the subscriptions, ordered by id
	 */
	public List<MidtransSubscription> findByNames(Collection<String> names) {
		if (names.isEmpty()) {
			return List.of();
		}
		return this.entityManager
			.createQuery("select s from MidtransSubscription s where s.name in :names and s.subscriptionId is not null"
					+ " order by s.id", MidtransSubscription.class)
			.setParameter("names", names)
			.getResultList();
	}

	/**
	 * Store a new subscription.
	 * @param subscription the subscription
	 * @return the same subscription, now managed
	 */
	public MidtransSubscription add(MidtransSubscription subscription) {
		this.entityManager.persist(subscription);
		return subscription;
	}

	/**
	 * One page of subscriptions Midtrans may still change (active, inactive, disabled)
	 * whose next check is due, ordered by id; served by the index on
	 * {@code (status, next_check_at, id)}.
	 * @param dueBy only subscriptions whose next check is at or before this time
	 * @param afterId the last id of the previous page ({@code 0} for the first)
	 * @param limit page size
	 * @return the page
	 */
	public List<MidtransSubscription> findDueForSync(Instant dueBy, long afterId, int limit) {
		return this.entityManager
			.createQuery(
					"select s from MidtransSubscription s where s.status in :statuses"
							+ " and s.nextCheckAt <= :dueBy and s.id > :afterId order by s.id",
					MidtransSubscription.class)
			.setParameter("statuses", LIVE)
			.setParameter("dueBy", dueBy)
			.setParameter("afterId", afterId)
			.setMaxResults(limit)
			.getResultList();
	}

	/**
	 * One page of subscriptions, newest first, for listings.
	 * @param status only subscriptions in this status, or {@code null} for all
	 * @param beforeId only subscriptions with a smaller id: the last id of the previous
	 * page ({@code Long.MAX_VALUE} for the first)
	 * @param limit page size
	 * @return the page
	 */
	public List<MidtransSubscription> findRecent(@Nullable SubscriptionStatus status, long beforeId, int limit) {
		String filter = (status != null) ? " and s.status = :status" : "";
		TypedQuery<MidtransSubscription> query = this.entityManager.createQuery(
				"select s from MidtransSubscription s where s.id < :beforeId" + filter + " order by s.id desc",
				MidtransSubscription.class);
		if (status != null) {
			query.setParameter("status", status);
		}
		return query.setParameter("beforeId", beforeId).setMaxResults(limit).getResultList();
	}

}
