package io.github.springmidtrans.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transaction boundary of every service that records money: work runs in a short
 * transaction, and the events it raised are published once that transaction has
 * completed, so listeners see committed data and their own writes start a transaction of
 * their own. When the work joined a caller's transaction, the events wait for that
 * transaction's commit; when it joined another service's short transaction, they are
 * delivered after that one's commit, once its resources are released, so that a
 * listener's writes never land in a finished transaction. Nothing is published after a
 * rollback. When the publisher is an {@link EventRecorder} (the event outbox), the events
 * are recorded in the work's transaction and their delivery runs after commit. Not API.
 *
 * @param <E> the type of events the work raises
 */
public final class ShortTransactions<E> {

	private static final int RECORD_ATTEMPTS = 6;

	/**
	 * The deliveries waiting for the commit of the outermost short transaction running on
	 * this thread, if any.
	 */
	private static final ThreadLocal<@Nullable List<Runnable>> AFTER_COMMIT = new ThreadLocal<>();

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher publisher;

	private final String owner;

	private final @Nullable EventRecorder recorder;

	/**
	 * Create a boundary.
	 * @param transactionManager the transaction manager
	 * @param publisher where events go
	 * @param owner the service's name, for messages
	 */
	public ShortTransactions(PlatformTransactionManager transactionManager, ApplicationEventPublisher publisher,
			String owner) {
		this.transactions = new TransactionTemplate(transactionManager);
		this.publisher = publisher;
		this.owner = owner;
		this.recorder = (publisher instanceof EventRecorder eventRecorder) ? eventRecorder : null;
	}

	/**
	 * Run work in a short transaction, then publish the events it added to its list.
	 * @param <T> the result type
	 * @param work the work, given a list to add events to
	 * @return the work's result
	 */
	public <T> T run(Function<List<E>, T> work) {
		boolean joinsOuterTransaction = TransactionSynchronizationManager.isActualTransactionActive();
		List<Runnable> enclosing = AFTER_COMMIT.get();
		List<Runnable> afterCommit = new ArrayList<>(1);
		boolean outermost = enclosing == null && !joinsOuterTransaction;
		if (outermost) {
			AFTER_COMMIT.set(afterCommit);
		}
		T result;
		try {
			result = this.transactions.execute((status) -> {
				List<E> raised = new ArrayList<>();
				T done = work.apply(raised);
				if (!raised.isEmpty()) {
					afterCommit.add(delivery(raised));
				}
				return done;
			});
		}
		finally {
			if (outermost) {
				AFTER_COMMIT.remove();
			}
		}
		if (enclosing != null && joinsOuterTransaction) {
			// Work of another service's short transaction: its events wait for that
			// transaction's commit, and are delivered once it has released its resources.
			enclosing.addAll(afterCommit);
		}
		else {
			afterCommit.forEach((delivery) -> afterCommit(delivery, joinsOuterTransaction));
		}
		return result;
	}

	/**
	 * What delivers the events once their transaction committed. With the outbox, the
	 * events are recorded now, in the transaction of the transition that raised them:
	 * both commit, or neither.
	 */
	private Runnable delivery(List<E> raised) {
		EventRecorder recorder = this.recorder;
		if (recorder != null) {
			return recorder.record(raised);
		}
		List<E> events = List.copyOf(raised);
		return () -> events.forEach(this.publisher::publishEvent);
	}

	/**
	 * Run the work that records a new intent under its unique key (an order id), or finds
	 * the one already recorded. When another caller records the same key at the same
	 * moment, one insert wins and the other fails: on the unique key once the winner
	 * commits (PostgreSQL, H2), or earlier as a deadlock victim (MySQL and MariaDB lock
	 * the gap both callers read). Running the work again then waits for the winner's row
	 * lock and finds its row, as a repeated call would. Refusals of the request itself
	 * ({@link IllegalStateException}, {@link IllegalArgumentException}) are not retried.
	 * @param <T> the result type
	 * @param work the work, given a list to add events to
	 * @return the work's result
	 */
	public <T> T runRecording(Function<List<E>, T> work) {
		RuntimeException failure = null;
		for (int attempt = 0; attempt < RECORD_ATTEMPTS; attempt++) {
			try {
				return run(work);
			}
			catch (IllegalStateException | IllegalArgumentException ex) {
				throw ex;
			}
			catch (RuntimeException ex) {
				failure = ex;
				pauseBeforeRecordingAgain(attempt);
			}
		}
		throw Objects.requireNonNull(failure);
	}

	private static void pauseBeforeRecordingAgain(int attempt) {
		// Several deadlock victims retrying in step would take the same gap locks again.
		long millis = ThreadLocalRandom.current().nextLong(5, 20L << Math.min(attempt, 4));
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Run work (a periodic job) during which the completed deliveries of the events it
	 * raises are recorded in batches, when the events go through the outbox; otherwise
	 * just run it.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public <T> T batchingEventCompletions(Supplier<T> work) {
		EventRecorder recorder = this.recorder;
		return (recorder != null) ? recorder.batchingCompletions(work) : work.get();
	}

	/**
	 * Refuse to call Midtrans from inside a database transaction: the intent would not be
	 * committed before the call, and the transaction would be held open across it.
	 * @param method the service method about to call Midtrans
	 * @param recorded what must be recorded first, such as "payment"
	 * @throws IllegalStateException when a transaction is active
	 */
	public void requireNone(String method, String recorded) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(this.owner + "." + method + " calls Midtrans and must not run inside a"
					+ " database transaction: call it after your transaction commits (for example from a"
					+ " @TransactionalEventListener), so that the " + recorded
					+ " is recorded before Midtrans is called");
		}
	}

	private static void afterCommit(Runnable delivery, boolean afterOuterCommit) {
		if (!afterOuterCommit || !TransactionSynchronizationManager.isSynchronizationActive()) {
			delivery.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				delivery.run();
			}

		});
	}

}
