package io.github.springmidtrans.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.EntityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes notification audit rows ({@code midtrans_notification}) received longer ago
 * than a retention, so that the table does not grow forever. Rows go in batches, each in
 * a short transaction of its own, oldest first: a large backlog never holds one long
 * transaction or lock. Payments, refunds and their states are not touched; only the
 * record of what was posted to the notification endpoint.
 *
 * @since 0.1.0
 */
public final class NotificationAuditRetention {

	private static final Logger logger = LoggerFactory.getLogger(NotificationAuditRetention.class);

	private static final int BATCH = 1000;

	private final EntityManager entityManager;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration retention;

	/**
	 * Create the retention.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager its transaction manager
	 * @param clock the clock
	 * @param retention how long a notification is kept after it was received
	 */
	public NotificationAuditRetention(EntityManager entityManager, PlatformTransactionManager transactionManager,
			Clock clock, Duration retention) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("The notification audit retention must be positive, not " + retention);
		}
		this.entityManager = entityManager;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.retention = retention;
	}

	/**
	 * Delete the notifications received before now minus the retention.
	 * @return how many were deleted
	 */
	public int purge() {
		Instant receivedBefore = this.clock.instant().minus(this.retention);
		int deleted = 0;
		while (true) {
			int batch = Objects.requireNonNull(this.transactions.execute((status) -> {
				List<Long> ids = this.entityManager
					.createQuery("select n.id from MidtransNotification n where n.receivedAt < :before order by n.id",
							Long.class)
					.setParameter("before", receivedBefore)
					.setMaxResults(BATCH)
					.getResultList();
				if (ids.isEmpty()) {
					return 0;
				}
				return this.entityManager.createQuery("delete from MidtransNotification n where n.id in :ids")
					.setParameter("ids", ids)
					.executeUpdate();
			}));
			deleted += batch;
			if (batch < BATCH) {
				break;
			}
		}
		if (deleted > 0) {
			logger.info("Deleted {} notification audit rows received before {}", deleted, receivedBefore);
		}
		return deleted;
	}

}
