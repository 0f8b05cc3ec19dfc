package io.github.springmidtrans.event;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.springmidtrans.internal.EventRecorder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The transactional outbox of the starter's events: each {@link MidtransEvent} is stored
 * in {@code midtrans_event_publication} in the same transaction as the transition that
 * raised it, delivered to the application's listeners once that transaction committed,
 * and marked completed when every listener returned normally. A delivery that a listener
 * failed, or that a crash interrupted, is repeated by {@link #redeliver()} until it
 * completes, with the same event (the same {@link MidtransEvent#eventId()}): delivery is
 * at least once, so listeners must be idempotent on the event id.
 * <p>
 * Completed deliveries are recorded in batches: one statement for up to 100 of them, or
 * for what completed within a second (at most a quarter of the retry delay), recorded by
 * a thread of the outbox when no further delivery comes, and at {@link #close()}. A crash
 * before a batch is recorded delivers its events again at the next start.
 * <p>
 * The services take {@link #publisher()} in place of the application's event publisher.
 * Only {@link MidtransEvent}s go through the table; anything else is published as is.
 *
 * @since 0.1.0
 */
public final class MidtransEventOutbox {

	private static final Logger logger = LoggerFactory.getLogger(MidtransEventOutbox.class);

	private static final int PAGE_SIZE = 100;

	/** The most completed deliveries recorded in one statement. */
	private static final int COMPLETION_BATCH = 100;

	/** The most delivered publications deleted in one statement after their retention. */
	private static final int DELETE_BATCH = 1000;

	/**
	 * The longest a completed delivery waits for its batch, unless the retry delay is
	 * short.
	 */
	private static final long COMPLETION_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	/** The longest a read of the outbox waits for batches other threads are recording. */
	private static final long RECORDING_WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

	private final EntityManager entityManager;

	private final TransactionTemplate newTransaction;

	private final ApplicationEventPublisher listeners;

	private final Clock clock;

	private final EventOutboxOptions options;

	private final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

	private final Instant startedAt;

	private final Recorder publisher = new Recorder();

	private volatile boolean caughtUp;

	private final Object completions = new Object();

	/** Completed deliveries not recorded yet. Guarded by completions. */
	private List<Long> completedIds = new ArrayList<>();

	/** When the oldest of the completed ids was added. Guarded by completions. */
	private long oldestCompletedNanos;

	/**
	 * When the oldest of the completed ids completed, as recorded. Guarded by
	 * completions.
	 */
	private Instant oldestCompletedAt = Instant.EPOCH;

	/**
	 * How long a completed delivery may wait to be recorded with others: a second, at
	 * most a quarter of the retry delay (so that another instance's redelivery never
	 * finds it still waiting), and none when the retry delay is zero.
	 */
	private long completionWaitNanos;

	/** Records what waits when no more deliveries come. Guarded by completions. */
	private @Nullable ScheduledExecutorService flusher;

	/** Whether a flush of waiting completions is scheduled. Guarded by completions. */
	private boolean flushScheduled;

	/** Batches taken and not recorded yet. Guarded by completions. */
	private int recordings;

	/** Whether {@link #close()} was called. Guarded by completions. */
	private boolean closed;

	/**
	 * Create an outbox.
	 * @param entityManager a shared, transaction-bound entity manager
	 * @param transactionManager the transaction manager
	 * @param listeners where events are delivered: the application context
	 * @param clock the clock
	 * @param options delays and retention
	 */
	public MidtransEventOutbox(EntityManager entityManager, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher listeners, Clock clock, EventOutboxOptions options) {
		this.entityManager = entityManager;
		this.newTransaction = new TransactionTemplate(transactionManager);
		// Completion is recorded after the transition's commit, possibly from its
		// afterCommit callback, where joining would write into a finished transaction.
		this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.listeners = listeners;
		this.clock = clock;
		this.options = options;
		this.startedAt = clock.instant();
		this.completionWaitNanos = Math.min(COMPLETION_WAIT_NANOS, options.retryDelay().toNanos() / 4);
	}

	/**
	 * Change how long a completed delivery may wait for its batch; for tests.
	 * @param wait the wait
	 */
	void completionWait(Duration wait) {
		synchronized (this.completions) {
			this.completionWaitNanos = wait.toNanos();
			if (!this.completedIds.isEmpty()) {
				this.flushScheduled = false;
				scheduleFlush();
			}
		}
	}

	/**
	 * The publisher to give the services: records their events in their transactions.
	 * Called directly, it records a {@link MidtransEvent} in the current transaction and
	 * delivers it after commit (or, without a transaction, records and delivers it at
	 * once), and publishes anything else unchanged.
	 * @return the publisher
	 */
	public ApplicationEventPublisher publisher() {
		return this.publisher;
	}

	/**
	 * Deliver again what is incomplete, then delete delivered events past their
	 * retention. The first run on an instance delivers every incomplete event recorded
	 * before the instance started, due or not (a crash may have interrupted its first
	 * delivery); every run delivers the incomplete events whose next attempt is due.
	 * Events are delivered in the order they were recorded, each outside any transaction;
	 * a failure moves that event's next attempt by the back-off and does not stop the
	 * others. Opens short transactions of its own; never call it inside one.
	 * @return what was done
	 */
	public EventRedeliveryResult redeliver() {
		recordPendingCompletions();
		int[] counts = new int[2];
		if (!this.caughtUp) {
			deliverRecorded("p.createdAt < :at", this.startedAt, counts);
			this.caughtUp = true;
		}
		deliverRecorded("p.nextAttemptAt <= :at", this.clock.instant(), counts);
		int deleted = deleteCompletedBefore(this.clock.instant().minus(this.options.retention()));
		EventRedeliveryResult result = new EventRedeliveryResult(counts[0], counts[1], deleted);
		if (counts[0] + counts[1] > 0) {
			logger.info("Event redelivery: {}", result);
		}
		return result;
	}

	/**
	 * Find the publication of an event.
	 * @param eventId the event's id
	 * @return the publication, until deleted after its retention
	 */
	public Optional<MidtransEventPublication> findByEventId(UUID eventId) {
		recordPendingCompletions();
		return this.newTransaction.execute((status) -> this.entityManager
			.createQuery("select p from MidtransEventPublication p where p.eventId = :eventId",
					MidtransEventPublication.class)
			.setParameter("eventId", eventId.toString())
			.getResultStream()
			.findFirst());
	}

	/**
	 * How many events have not been delivered completely yet.
	 * @return the count
	 */
	public long countIncomplete() {
		recordPendingCompletions();
		Long count = this.newTransaction.execute((status) -> this.entityManager
			.createQuery("select count(p) from MidtransEventPublication p where p.completedAt is null", Long.class)
			.getSingleResult());
		return (count != null) ? count : 0;
	}

	private void deliverRecorded(String condition, Instant at, int[] counts) {
		long after = 0;
		while (true) {
			long from = after;
			List<MidtransEventPublication> page = this.newTransaction.execute((status) -> this.entityManager
				.createQuery("select p from MidtransEventPublication p where p.completedAt is null and p.id > :after"
						+ " and " + condition + " order by p.id", MidtransEventPublication.class)
				.setParameter("after", from)
				.setParameter("at", at)
				.setMaxResults(PAGE_SIZE)
				.getResultList());
			if (page == null || page.isEmpty()) {
				return;
			}
			for (MidtransEventPublication publication : page) {
				Long id = publication.getId();
				if (id == null) {
					continue;
				}
				after = id;
				Object event;
				try {
					event = read(publication);
				}
				catch (RuntimeException ex) {
					logger.warn("Event {} ({}) cannot be read back; it is tried again later: {}",
							publication.getEventId(), publication.getEventType(), ex.getMessage());
					failed(id, ex);
					counts[1]++;
					continue;
				}
				counts[deliver(id, event) ? 0 : 1]++;
			}
			if (page.size() < PAGE_SIZE) {
				return;
			}
		}
	}

	private Object read(MidtransEventPublication publication) {
		Class<?> type;
		try {
			type = ClassUtils.forName(publication.getEventType(), this.classLoader);
		}
		catch (ClassNotFoundException | LinkageError ex) {
			throw new IllegalStateException("Unknown event type " + publication.getEventType(), ex);
		}
		if (!MidtransEvent.class.isAssignableFrom(type)) {
			throw new IllegalStateException(publication.getEventType() + " is not a Midtrans event");
		}
		return this.json.readValue(publication.getPayload(), type);
	}

	/**
	 * Deliver one recorded event to the listeners, and record the outcome.
	 * @return whether every listener returned normally
	 */
	private boolean deliver(long id, Object event) {
		try {
			this.listeners.publishEvent(event);
		}
		catch (RuntimeException ex) {
			// Not lost: the event stays in the table and is delivered again.
			logger.warn("A listener failed on {} {}; it is delivered again later: {}", event.getClass().getSimpleName(),
					eventId(event), ex.toString());
			failed(id, ex);
			return false;
		}
		completed(id);
		return true;
	}

	private void completed(long id) {
		@Nullable Batch batch;
		synchronized (this.completions) {
			if (this.completedIds.isEmpty()) {
				this.oldestCompletedNanos = System.nanoTime();
				this.oldestCompletedAt = this.clock.instant();
			}
			this.completedIds.add(id);
			boolean due = this.closed || this.completedIds.size() >= COMPLETION_BATCH
					|| System.nanoTime() - this.oldestCompletedNanos >= this.completionWaitNanos;
			if (due) {
				batch = takeCompleted();
			}
			else {
				batch = null;
				scheduleFlush();
			}
		}
		recordCompleted(batch);
	}

	/**
	 * Make sure what waits is recorded within the wait when no further delivery comes.
	 * Called holding {@code completions}.
	 */
	private void scheduleFlush() {
		if (this.flushScheduled) {
			return;
		}
		ScheduledExecutorService scheduler = this.flusher;
		if (scheduler == null) {
			scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "midtrans-event-completions");
				thread.setDaemon(true);
				return thread;
			});
			this.flusher = scheduler;
		}
		this.flushScheduled = true;
		scheduler.schedule(this::flushWaiting, this.completionWaitNanos, TimeUnit.NANOSECONDS);
	}

	private void flushWaiting() {
		@Nullable Batch batch;
		synchronized (this.completions) {
			this.flushScheduled = false;
			batch = takeCompleted();
		}
		recordCompleted(batch);
	}

	/**
	 * Record the completed deliveries that wait for their batch, and stop the thread that
	 * records them after a pause; later deliveries are recorded one by one. Called when
	 * the application shuts down, so that a clean stop delivers nothing twice.
	 */
	public void close() {
		ScheduledExecutorService scheduler;
		synchronized (this.completions) {
			this.closed = true;
			scheduler = this.flusher;
			this.flusher = null;
		}
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
		recordPendingCompletions();
	}

	/**
	 * Run work (a job) and record the completed deliveries that still wait for their
	 * batch when it ends, so that the job's events read as delivered once it returned.
	 */
	private <T> T batchingCompletions(Supplier<T> work) {
		try {
			return work.get();
		}
		finally {
			recordPendingCompletions();
		}
	}

	/**
	 * Record every completed delivery that waits, and wait for the batches other threads
	 * are recording, so that what is read next sees them: the outbox is never read while
	 * a delivered event looks incomplete to this instance. Never called inside a
	 * transaction.
	 */
	private void recordPendingCompletions() {
		@Nullable Batch batch;
		synchronized (this.completions) {
			batch = takeCompleted();
		}
		recordCompleted(batch);
		long deadline = System.nanoTime() + RECORDING_WAIT_NANOS;
		synchronized (this.completions) {
			while (this.recordings > 0) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					return;
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.completions, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Take the completed deliveries that wait, to record them. Called holding
	 * {@code completions}; a batch must go to {@link #recordCompleted}.
	 */
	private @Nullable Batch takeCompleted() {
		if (this.completedIds.isEmpty()) {
			return null;
		}
		Batch taken = new Batch(this.completedIds, this.oldestCompletedAt);
		this.completedIds = new ArrayList<>();
		this.recordings++;
		return taken;
	}

	/**
	 * Record a batch of completed deliveries, all as completed when the first of them
	 * did.
	 */
	private void recordCompleted(@Nullable Batch batch) {
		if (batch == null) {
			return;
		}
		List<Long> ids = batch.ids();
		try {
			// The ids are the only condition, so the plan is one primary key look-up per
			// id whatever the table's statistics: a condition on completed_at let
			// PostgreSQL read every incomplete entry of an index, dead ones included.
			// Coalesce keeps the time of a completion recorded before.
			this.newTransaction.executeWithoutResult((status) -> this.entityManager
				.createQuery("update MidtransEventPublication p set p.completedAt = coalesce(p.completedAt, :now)"
						+ " where p.id in :ids")
				.setParameter("now", batch.completedAt())
				.setParameter("ids", ids)
				.executeUpdate());
		}
		catch (RuntimeException ex) {
			// At least once: a delivery not marked complete is simply delivered again.
			logger.warn("{} delivered event publication(s) from {} could not be marked complete; they will be"
					+ " delivered again: {}", ids.size(), ids.get(0), ex.toString());
		}
		finally {
			synchronized (this.completions) {
				this.recordings--;
				this.completions.notifyAll();
			}
		}
	}

	private void failed(long id, RuntimeException failure) {
		try {
			this.newTransaction.executeWithoutResult((status) -> {
				// Locked: a completion another instance is committing is waited for and
				// seen, never overwritten with this failure's state.
				MidtransEventPublication publication = this.entityManager.find(MidtransEventPublication.class, id,
						LockModeType.PESSIMISTIC_WRITE);
				if (publication != null && publication.getCompletedAt() == null) {
					int failures = publication.getAttempts() + 1;
					Duration delay = this.options.delayAfter(failures);
					// Jitter, so that events failing together are not retried in step.
					long jitter = ThreadLocalRandom.current().nextLong(delay.toMillis() / 10 + 1);
					publication.failed(MidtransEventPublication.error(failure),
							this.clock.instant().plus(delay).plusMillis(jitter));
				}
			});
		}
		catch (RuntimeException ex) {
			logger.warn("Failed delivery of event publication {} could not be recorded: {}", id, ex.toString());
		}
	}

	/**
	 * Delete completed publications older than the given time, {@value #DELETE_BATCH} at
	 * a time, oldest first. Reading them in the order of the completion time's index with
	 * a limit keeps the plan on that index even when the table has no statistics, where a
	 * plain range delete read the whole table.
	 */
	private int deleteCompletedBefore(Instant before) {
		int deleted = 0;
		while (true) {
			int[] batch = this.newTransaction.execute((status) -> {
				List<Long> ids = this.entityManager
					.createQuery("select p.id from MidtransEventPublication p where p.completedAt < :before"
							+ " order by p.completedAt", Long.class)
					.setParameter("before", before)
					.setMaxResults(DELETE_BATCH)
					.getResultList();
				if (ids.isEmpty()) {
					return new int[] { 0, 0 };
				}
				int rows = this.entityManager.createQuery("delete from MidtransEventPublication p where p.id in :ids")
					.setParameter("ids", ids)
					.executeUpdate();
				return new int[] { ids.size(), rows };
			});
			if (batch == null) {
				return deleted;
			}
			deleted += batch[1];
			if (batch[0] < DELETE_BATCH) {
				return deleted;
			}
		}
	}

	private static String eventId(Object event) {
		return (event instanceof MidtransEvent midtransEvent) ? midtransEvent.eventId().toString() : "";
	}

	/**
	 * Completed deliveries recorded together.
	 */
	private record Batch(List<Long> ids, Instant completedAt) {
	}

	/**
	 * Stores events in the current transaction; delivers them when asked.
	 */
	private final class Recorder implements ApplicationEventPublisher, EventRecorder {

		@Override
		public Runnable record(List<?> events) {
			Instant now = MidtransEventOutbox.this.clock.instant();
			Instant firstRetry = now.plus(MidtransEventOutbox.this.options.retryDelay());
			List<@Nullable Long> ids = new ArrayList<>(events.size());
			for (Object event : events) {
				if (event instanceof MidtransEvent midtransEvent) {
					MidtransEventPublication publication = new MidtransEventPublication(midtransEvent.eventId(),
							event.getClass().getName(), MidtransEventOutbox.this.json.writeValueAsString(event), now,
							firstRetry);
					MidtransEventOutbox.this.entityManager.persist(publication);
					ids.add(publication.getId());
				}
				else {
					ids.add(null);
				}
			}
			List<?> recorded = List.copyOf(events);
			return () -> {
				for (int i = 0; i < recorded.size(); i++) {
					Long id = ids.get(i);
					if (id != null) {
						deliver(id, recorded.get(i));
					}
					else {
						MidtransEventOutbox.this.listeners.publishEvent(recorded.get(i));
					}
				}
			};
		}

		@Override
		public <T> T batchingCompletions(Supplier<T> work) {
			return MidtransEventOutbox.this.batchingCompletions(work);
		}

		@Override
		public void publishEvent(Object event) {
			if (!(event instanceof MidtransEvent)) {
				MidtransEventOutbox.this.listeners.publishEvent(event);
				return;
			}
			if (TransactionSynchronizationManager.isActualTransactionActive()
					&& TransactionSynchronizationManager.isSynchronizationActive()) {
				Runnable delivery = record(List.of(event));
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

					@Override
					public void afterCommit() {
						delivery.run();
					}

				});
				return;
			}
			Runnable delivery = MidtransEventOutbox.this.newTransaction.execute((status) -> record(List.of(event)));
			if (delivery != null) {
				delivery.run();
			}
		}

	}

}
