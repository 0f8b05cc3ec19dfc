package io.github.springmidtrans.test;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every transaction the simulator holds, found by order id or transaction id, and the one
 * place where a transaction is created or changes state: each change is logged and
 * notified to the transaction's notification URLs. Used under the engine's lock only.
 */
final class SimulatorLedger {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private static final Set<String> PAID = Set.of("capture", "settlement", "partial_refund", "refund");

	private final Clock clock;

	private final TransactionBodies bodies;

	private final SimulatorNotifications notifications;

	private final @Nullable String notificationUrl;

	private final Map<String, SimulatedTransaction> byOrderId = new HashMap<>();

	private final Map<String, SimulatedTransaction> byTransactionId = new HashMap<>();

	private final List<SimulatedTransaction> all = new ArrayList<>();

	private long orderSequence;

	SimulatorLedger(Clock clock, TransactionBodies bodies, SimulatorNotifications notifications,
			@Nullable String notificationUrl) {
		this.clock = clock;
		this.bodies = bodies;
		this.notifications = notifications;
		this.notificationUrl = notificationUrl;
	}

	/**
	 * The transaction with this transaction id, else with this order id.
	 */
	@Nullable SimulatedTransaction find(String orderIdOrTransactionId) {
		SimulatedTransaction tx = this.byTransactionId.get(orderIdOrTransactionId);
		return (tx != null) ? tx : this.byOrderId.get(orderIdOrTransactionId);
	}

	/**
	 * Whether an order id is used by a transaction that blocks its reuse.
	 */
	boolean orderIdTaken(String orderId) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		return existing != null && !existing.orderIdReusable();
	}

	/**
	 * Whether an order id belongs to a transaction that was paid (settled, captured or
	 * refunded since).
	 */
	boolean orderIdPaid(String orderId) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		return existing != null && PAID.contains(existing.status);
	}

	/**
	 * Every transaction, oldest first.
	 */
	List<SimulatedTransaction> all() {
		return this.all;
	}

	/**
	 * Keep a new transaction and send its first notification.
	 */
	void register(SimulatedTransaction tx) {
		keep(tx);
		notify(tx);
	}

	/**
	 * Create a transaction made by another API (subscription renewal, invoice or link
	 * payment) in the given state, and notify it like a charge.
	 */
	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			String status, @Nullable String fraudStatus) {
		return recordTransaction(orderId, paymentType, gross, method, Wire.object(), status, fraudStatus);
	}

	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			ObjectNode echoed, String status, @Nullable String fraudStatus) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		if (existing != null && !existing.orderIdReusable()) {
			throw new IllegalStateException(
					"Order id '" + orderId + "' is already used by a transaction that is " + existing.status);
		}
		Instant now = this.clock.instant();
		SimulatedTransaction tx = new SimulatedTransaction(UUID.randomUUID().toString(), orderId, paymentType, gross,
				now, method, Wire.object(), echoed, List.of(), List.of(), false, status, fraudStatus, null);
		if ("settlement".equals(status)) {
			tx.settlementTime = now;
		}
		register(tx);
		return tx;
	}

	private void keep(SimulatedTransaction tx) {
		this.byOrderId.put(tx.orderId, tx);
		this.byTransactionId.put(tx.transactionId, tx);
		this.all.add(tx);
		logger.info("Simulated {} transaction for order '{}' ({}) created as {}", tx.paymentType, tx.orderId,
				tx.transactionId, tx.status);
	}

	/**
	 * Move a transaction to a new state and notify it.
	 */
	void transition(SimulatedTransaction tx, String to, @Nullable String fraudStatus) {
		String from = tx.status;
		tx.status = to;
		tx.fraudStatus = fraudStatus;
		if ("settlement".equals(to)) {
			tx.settlementTime = this.clock.instant();
		}
		logger.info("Simulated order '{}' ({}) moved from {} to {}", tx.orderId, tx.transactionId, from, to);
		notify(tx);
	}

	/**
	 * Send the transaction's status as an HTTP notification to its URLs: the
	 * {@code X-Override-Notification} ones if it was charged with that header, else the
	 * simulator's notification URL and the {@code X-Append-Notification} ones.
	 */
	void notify(SimulatedTransaction tx) {
		List<String> urls = new ArrayList<>();
		if (!tx.overrideUrls.isEmpty()) {
			urls.addAll(tx.overrideUrls);
		}
		else {
			if (this.notificationUrl != null) {
				urls.add(this.notificationUrl);
			}
			urls.addAll(tx.appendUrls);
		}
		if (urls.isEmpty()) {
			return;
		}
		String code = TransactionBodies.notificationCodeOf(tx.status);
		this.notifications.send(urls, tx.orderId, tx.status, code, Wire.write(this.bodies.notification(tx)));
	}

	/**
	 * Expire every pending transaction whose expiry time has come.
	 */
	void expireDue(Instant now) {
		for (SimulatedTransaction tx : List.copyOf(this.all)) {
			if ("pending".equals(tx.status) && tx.expiryTime != null && !now.isBefore(tx.expiryTime)) {
				transition(tx, "expire", tx.fraudStatus);
			}
		}
	}

	/**
	 * An order id not used yet: the prefix, a dash and a numeric suffix.
	 */
	String uniqueOrderId(String prefix) {
		String orderId;
		do {
			this.orderSequence++;
			orderId = prefix + "-" + (this.clock.instant().getEpochSecond() * 1000 + this.orderSequence);
		}
		while (this.byOrderId.containsKey(orderId));
		return orderId;
	}

	TransactionSnapshot snapshotOf(String orderIdOrTransactionId) {
		SimulatedTransaction tx = find(orderIdOrTransactionId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction '" + orderIdOrTransactionId + "'");
		}
		return tx.snapshot();
	}

	void clear() {
		this.byOrderId.clear();
		this.byTransactionId.clear();
		this.all.clear();
	}

}
