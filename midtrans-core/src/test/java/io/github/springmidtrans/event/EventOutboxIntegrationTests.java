package io.github.springmidtrans.event;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.internal.ShortTransactions;
import io.github.springmidtrans.invoice.InvoicesOverdueEvent;
import io.github.springmidtrans.payment.PaymentFlag;
import io.github.springmidtrans.payment.PaymentSettledEvent;
import io.github.springmidtrans.payment.PaymentStatus;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@link MidtransEventOutbox} on a real database: events are recorded with the
 * transition, delivered after commit, delivered again after a listener failure or a crash
 * with the same id, and cleaned up after their retention. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EventOutboxIntegrationTests {

	private static final Instant START = Instant.parse("2026-12-06T10:00:00Z");

	private DatabaseFixture database;

	private final MutableClock clock = new MutableClock();

	private final List<Object> received = new CopyOnWriteArrayList<>();

	private final AtomicInteger failuresToThrow = new AtomicInteger();

	private final ApplicationEventPublisher listeners = (event) -> {
		this.received.add(event);
		if (this.failuresToThrow.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
			throw new IllegalStateException("warehouse down");
		}
	};

	private MidtransEventOutbox outbox;

	private ShortTransactions<Object> transactions;

	abstract Database database();

	@BeforeAll
	void startDatabase() {
		this.database = DatabaseFixture.start(database());
	}

	@AfterAll
	void stopDatabase() {
		this.database.close();
	}

	@BeforeEach
	void reset() {
		if (this.outbox != null) {
			this.outbox.close();
		}
		this.database.clear();
		this.received.clear();
		this.failuresToThrow.set(0);
		this.clock.now = START;
		this.outbox = newOutbox();
		this.transactions = new ShortTransactions<>(this.database.transactionManager(), this.outbox.publisher(),
				"Test");
	}

	DatabaseFixture fixture() {
		return this.database;
	}

	MidtransEventOutbox outbox() {
		return this.outbox;
	}

	/**
	 * Record payment events each in a transaction of its own, delivered after commit and
	 * marked complete together, as during a job.
	 * @param count how many
	 */
	void publishInOneBatch(int count) {
		this.transactions.batchingEventCompletions(() -> {
			for (int i = 0; i < count; i++) {
				String orderId = "Order-" + i;
				this.transactions.run((raised) -> raised.add(settled(orderId)));
			}
			return null;
		});
	}

	private MidtransEventOutbox newOutbox() {
		return new MidtransEventOutbox(this.database.entityManager(), this.database.transactionManager(),
				this.listeners, this.clock, EventOutboxOptions.defaults());
	}

	@Test
	void eventIsRecordedWithItsTransitionAndCompletedOnceDelivered() {
		PaymentSettledEvent event = settled("Order-1");
		this.transactions.run((raised) -> {
			transition("Order-1");
			raised.add(event);
			return null;
		});
		assertThat(this.received).containsExactly(event);
		MidtransEventPublication publication = this.outbox.findByEventId(event.eventId()).orElseThrow();
		assertThat(publication.getCompletedAt()).isEqualTo(START);
		assertThat(publication.getEventType()).isEqualTo(PaymentSettledEvent.class.getName());
		assertThat(publication.getAttempts()).isZero();
		assertThat(this.outbox.countIncomplete()).isZero();
	}

	@Test
	void rolledBackTransitionRecordsAndDeliversNothing() {
		assertThatIllegalStateException().isThrownBy(() -> this.transactions.run((raised) -> {
			transition("Order-2");
			raised.add(settled("Order-2"));
			throw new IllegalStateException("rolled back");
		}));
		assertThat(this.received).isEmpty();
		assertThat(count("midtrans_event_publication")).isZero();
		assertThat(count("midtrans_shedlock")).isZero();
	}

	@Test
	void eventsOfAnOuterTransactionWaitForItsCommit() {
		PaymentSettledEvent event = settled("Order-3");
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
			this.transactions.run((raised) -> raised.add(event));
			assertThat(this.received).isEmpty();
		});
		assertThat(this.received).containsExactly(event);
		assertThat(this.outbox.findByEventId(event.eventId()).orElseThrow().getCompletedAt()).isNotNull();
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
			this.transactions.run((raised) -> raised.add(settled("Order-4")));
			status.setRollbackOnly();
		});
		assertThat(this.received).containsExactly(event);
		assertThat(count("midtrans_event_publication")).isOne();
	}

	@Test
	void eventAListenerFailedIsDeliveredAgainWithTheSameId() {
		this.failuresToThrow.set(2);
		PaymentSettledEvent event = settled("Order-5");
		this.transactions.run((raised) -> raised.add(event));
		assertThat(this.received).containsExactly(event);
		MidtransEventPublication failed = this.outbox.findByEventId(event.eventId()).orElseThrow();
		assertThat(failed.getCompletedAt()).isNull();
		assertThat(failed.getAttempts()).isOne();
		assertThat(failed.getLastError()).contains("warehouse down");
		assertThat(failed.getNextAttemptAt()).isBetween(START.plusSeconds(60), START.plusSeconds(67));
		this.outbox.redeliver();
		this.clock.now = START.plusSeconds(59);
		assertThat(this.outbox.redeliver().delivered()).isZero();
		assertThat(this.received).hasSize(1);

		this.clock.now = START.plusSeconds(68);
		assertThat(this.outbox.redeliver()).isEqualTo(new EventRedeliveryResult(0, 1, 0));
		MidtransEventPublication again = this.outbox.findByEventId(event.eventId()).orElseThrow();
		assertThat(again.getAttempts()).isEqualTo(2);
		// Exponential back-off: two minutes after the second failure.
		assertThat(again.getNextAttemptAt()).isBetween(this.clock.now.plusSeconds(120),
				this.clock.now.plusSeconds(133));

		this.clock.now = this.clock.now.plusSeconds(140);
		assertThat(this.outbox.redeliver()).isEqualTo(new EventRedeliveryResult(1, 0, 0));
		assertThat(this.received).hasSize(3).allSatisfy((delivered) -> assertThat(delivered).isEqualTo(event));
		assertThat(this.received.get(2)).isNotSameAs(event);
		assertThat(this.outbox.findByEventId(event.eventId()).orElseThrow().getCompletedAt()).isEqualTo(this.clock.now);
		assertThat(this.outbox.redeliver().delivered()).isZero();
	}

	@Test
	void deliveriesOfABatchingRunAreMarkedCompleteTogetherWhenItEnds() {
		PaymentSettledEvent first = settled("Order-B1");
		PaymentSettledEvent second = settled("Order-B2");
		Integer incompleteDuringTheRun = this.transactions.batchingEventCompletions(() -> {
			this.transactions.run((raised) -> raised.add(first));
			this.transactions.run((raised) -> raised.add(second));
			return incompleteRows();
		});
		assertThat(this.received).containsExactly(first, second);
		// Delivered at once, marked complete in one statement as the run ended.
		assertThat(incompleteDuringTheRun).isEqualTo(2);
		assertThat(incompleteRows()).isZero();
		assertThat(this.outbox.findByEventId(first.eventId()).orElseThrow().getCompletedAt()).isEqualTo(START);
	}

	@Test
	void deliveriesOutsideAJobAreMarkedCompleteTogetherAfterTheWait() {
		this.outbox.completionWait(Duration.ofHours(1));
		PaymentSettledEvent first = settled("Order-B5");
		PaymentSettledEvent second = settled("Order-B6");
		this.transactions.run((raised) -> raised.add(first));
		this.transactions.run((raised) -> raised.add(second));
		assertThat(this.received).containsExactly(first, second);
		// Delivered at once; their completion waits for others.
		assertThat(incompleteRows()).isEqualTo(2);
		// Then the outbox's own thread records what waits, with no further delivery.
		this.outbox.completionWait(Duration.ofMillis(200));
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> incompleteRows() == 0);
		assertThat(this.received).hasSize(2);
	}

	@Test
	void aHundredCompletedDeliveriesAreRecordedWithoutWaiting() {
		this.outbox.completionWait(Duration.ofHours(1));
		for (int i = 0; i < 99; i++) {
			String orderId = "Order-H" + i;
			this.transactions.run((raised) -> raised.add(settled(orderId)));
		}
		assertThat(incompleteRows()).isEqualTo(99);
		this.transactions.run((raised) -> raised.add(settled("Order-H99")));
		assertThat(incompleteRows()).isZero();
	}

	@Test
	void closingTheOutboxRecordsTheCompletionsThatWait() {
		this.outbox.completionWait(Duration.ofHours(1));
		PaymentSettledEvent event = settled("Order-B7");
		this.transactions.run((raised) -> raised.add(event));
		assertThat(incompleteRows()).isOne();

		this.outbox.close();

		assertThat(incompleteRows()).isZero();
		// A delivery after close is recorded at once.
		this.transactions.run((raised) -> raised.add(settled("Order-B8")));
		assertThat(incompleteRows()).isZero();
	}

	@Test
	void withoutARetryDelayEachCompletionIsRecordedAtOnce() {
		MidtransEventOutbox outbox = new MidtransEventOutbox(this.database.entityManager(),
				this.database.transactionManager(), this.listeners, this.clock,
				new EventOutboxOptions(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(7)));
		ShortTransactions<Object> transactions = new ShortTransactions<>(this.database.transactionManager(),
				outbox.publisher(), "Test");

		transactions.run((raised) -> raised.add(settled("Order-B9")));

		// Another instance would deliver it again at once: nothing may wait.
		assertThat(incompleteRows()).isZero();
		outbox.close();
	}

	@Test
	void readingTheOutboxDuringABatchingRunRecordsTheCompletedDeliveriesFirst() {
		PaymentSettledEvent event = settled("Order-B3");
		this.transactions.batchingEventCompletions(() -> {
			this.transactions.run((raised) -> raised.add(event));
			assertThat(this.outbox.countIncomplete()).isZero();
			return null;
		});
		assertThat(incompleteRows()).isZero();
	}

	@Test
	void deliveryWhoseCompletionACrashKeptInItsBatchIsDeliveredAgainAfterRestart() {
		PaymentSettledEvent event = settled("Order-B4");
		this.transactions.batchingEventCompletions(() -> {
			this.transactions.run((raised) -> raised.add(event));
			// The JVM dies here: the batch holding the completion is never recorded.
			this.clock.now = START.plusSeconds(5);
			MidtransEventOutbox restarted = newOutbox();
			assertThat(restarted.redeliver()).isEqualTo(new EventRedeliveryResult(1, 0, 0));
			return null;
		});
		// At least once: delivered again with the same id.
		assertThat(this.received).hasSize(2).allSatisfy((delivered) -> assertThat(delivered).isEqualTo(event));
		assertThat(incompleteRows()).isZero();
	}

	@Test
	void eventWhoseDeliveryACrashInterruptedIsDeliveredAfterRestart() {
		// The transition and its event commit; the JVM dies before the delivery runs.
		PaymentSettledEvent event = settled("Order-6");
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
			transition("Order-6");
			((io.github.springmidtrans.internal.EventRecorder) this.outbox.publisher()).record(List.of(event));
		});
		assertThat(this.received).isEmpty();

		this.clock.now = START.plusSeconds(5);
		MidtransEventOutbox restarted = newOutbox();
		// Not due yet for the periodic redelivery, but recorded before this instance
		// started: the first run delivers it.
		assertThat(restarted.redeliver()).isEqualTo(new EventRedeliveryResult(1, 0, 0));
		assertThat(this.received).containsExactly(event);
		assertThat(restarted.countIncomplete()).isZero();
	}

	@Test
	void freshEventsAreLeftToTheDeliveryAfterTheirCommit() {
		this.outbox.redeliver();
		this.clock.now = START.plusSeconds(1);
		new TransactionTemplate(this.database.transactionManager()).executeWithoutResult(
				(status) -> ((io.github.springmidtrans.internal.EventRecorder) this.outbox.publisher())
					.record(List.of(settled("O-7"))));
		assertThat(this.outbox.redeliver().delivered()).isZero();
		this.clock.now = START.plusSeconds(62);
		assertThat(this.outbox.redeliver().delivered()).isOne();
	}

	@Test
	void deliveredEventsAreDeletedAfterTheirRetention() {
		this.transactions.run((raised) -> raised.add(settled("Order-8")));
		this.failuresToThrow.set(1);
		this.transactions.run((raised) -> raised.add(settled("Order-9")));
		this.clock.now = START.plus(Duration.ofDays(7)).minusSeconds(1);
		// A clean restart: the stopped instance recorded its completions.
		this.outbox.close();
		this.outbox = newOutbox();
		this.failuresToThrow.set(1000);
		assertThat(this.outbox.redeliver().deleted()).isZero();
		this.clock.now = START.plus(Duration.ofDays(7)).plusSeconds(1);
		assertThat(this.outbox.redeliver().deleted()).isOne();
		// The failing one stays, however old.
		assertThat(count("midtrans_event_publication")).isOne();
		assertThat(this.outbox.countIncomplete()).isOne();
	}

	@Test
	void completionRecordedAgainKeepsTheFirstCompletionTime() {
		PaymentSettledEvent event = settled("Order-B5");
		this.transactions.batchingEventCompletions(() -> {
			this.transactions.run((raised) -> raised.add(event));
			// Another instance delivers it again and records its completion first.
			this.clock.now = START.plusSeconds(5);
			MidtransEventOutbox other = newOutbox();
			assertThat(other.redeliver()).isEqualTo(new EventRedeliveryResult(1, 0, 0));
			other.close();
			this.clock.now = START.plusSeconds(9);
			return null;
		});
		MidtransEventPublication publication = this.outbox.findByEventId(event.eventId()).orElseThrow();
		assertThat(publication.getCompletedAt()).isEqualTo(START.plusSeconds(5));
	}

	@Test
	void everyPublicationPastItsRetentionIsDeletedWhateverTheirNumber() {
		Instant completed = START.minus(Duration.ofDays(8));
		this.database.jdbc()
			.batchUpdate(
					"insert into midtrans_event_publication (event_id, event_type, payload, created_at,"
							+ " completed_at, attempts, next_attempt_at) values (?, 'Old', '{}', ?, ?, 0, ?)",
					oldPublications(2_345, completed));
		this.failuresToThrow.set(1);
		this.transactions.run((raised) -> raised.add(settled("Order-10")));
		this.clock.now = START.plusSeconds(1);

		assertThat(this.outbox.redeliver().deleted()).isEqualTo(2_345);
		assertThat(count("midtrans_event_publication")).isOne();
		assertThat(this.outbox.countIncomplete()).isOne();
	}

	private static List<Object[]> oldPublications(int count, Instant completed) {
		Timestamp at = Timestamp.from(completed);
		List<Object[]> rows = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			rows.add(new Object[] { UUID.randomUUID().toString(), at, at, at });
		}
		return rows;
	}

	@Test
	void directPublicationRecordsAMidtransEventAndPassesOthersThrough() {
		InvoicesOverdueEvent event = new InvoicesOverdueEvent(3, START);
		this.outbox.publisher().publishEvent(event);
		this.outbox.publisher().publishEvent("not ours");
		assertThat(this.received).containsExactly(event, "not ours");
		assertThat(count("midtrans_event_publication")).isOne();
		assertThat(this.outbox.countIncomplete()).isZero();
	}

	@Test
	void failedDeliveryDoesNotReopenACompletionAnotherInstanceIsCommitting() throws Exception {
		CountDownLatch updated = new CountDownLatch(1);
		ExecutorService otherInstance = Executors.newSingleThreadExecutor();
		List<Future<?>> committing = new CopyOnWriteArrayList<>();
		ApplicationEventPublisher failing = (event) -> {
			String eventId = ((MidtransEvent) event).eventId().toString();
			// Another instance delivered the same event and is committing its completion
			// while this delivery fails.
			committing.add(otherInstance.submit(
					() -> new TransactionTemplate(this.database.transactionManager()).executeWithoutResult((status) -> {
						this.database.entityManager()
							.createNativeQuery(
									"update midtrans_event_publication set completed_at = created_at where event_id = ?1")
							.setParameter(1, eventId)
							.executeUpdate();
						updated.countDown();
						sleep(500);
					})));
			try {
				assertThat(updated.await(10, TimeUnit.SECONDS)).isTrue();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("warehouse down");
		};
		MidtransEventOutbox outbox = new MidtransEventOutbox(this.database.entityManager(),
				this.database.transactionManager(), failing, this.clock, EventOutboxOptions.defaults());
		ShortTransactions<Object> transactions = new ShortTransactions<>(this.database.transactionManager(),
				outbox.publisher(), "Test");
		try {
			transactions.run((raised) -> raised.add(settled("Order-R1")));
			committing.get(0).get(10, TimeUnit.SECONDS);

			// The other instance's completion stands: the event is not delivered again.
			assertThat(incompleteRows()).isZero();
			assertThat(outbox.countIncomplete()).isZero();
		}
		finally {
			otherInstance.shutdownNow();
			outbox.close();
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Test
	void settledEventRecordedBeforeItSaidWhetherItMayPayAnInvoiceIsDeliveredNotSaying() {
		this.failuresToThrow.set(1);
		PaymentSettledEvent event = new PaymentSettledEvent("Order-9", "tx-Order-9", PaymentStatus.PENDING,
				PaymentStatus.SETTLEMENT, new BigDecimal("150000.00"), "gopay", START, UUID.randomUUID(), false);
		this.transactions.run((raised) -> raised.add(event));
		// The payload as an earlier version wrote it, without the field.
		int edited = this.database.jdbc()
			.update("update midtrans_event_publication set payload = replace(payload, ',\"mayPayInvoice\":false', '')");
		assertThat(edited).isOne();
		this.clock.now = START.plusSeconds(120);

		assertThat(this.outbox.redeliver().delivered()).isOne();

		assertThat(this.received).hasSize(2).last().isInstanceOfSatisfying(PaymentSettledEvent.class, (again) -> {
			assertThat(again.eventId()).isEqualTo(event.eventId());
			// Not known: the invoice listener looks, as it did for such events.
			assertThat(again.mayPayInvoice()).isNull();
		});
	}

	@Test
	void everyEventTypeIsDeliveredAgainEqualToTheFirstDelivery() throws Exception {
		List<MidtransEvent> events = new ArrayList<>();
		for (Class<?> type : eventTypes()) {
			events.add(sample(type));
		}
		// Payments, invoices, subscriptions and pay accounts.
		assertThat(events).hasSizeGreaterThanOrEqualTo(25);
		int size = events.size();
		this.failuresToThrow.set(size);
		this.transactions.run((raised) -> raised.addAll(events));
		this.clock.now = START.plusSeconds(120);
		assertThat(this.outbox.redeliver().delivered()).isEqualTo(size);
		assertThat(this.received.subList(size, 2 * size)).containsExactlyElementsOf(events);
	}

	private static List<Class<?>> eventTypes() throws Exception {
		List<Class<?>> types = new ArrayList<>();
		for (org.springframework.core.io.Resource resource : new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/github/springmidtrans/*/*Event.class")) {
			String path = resource.getURL().getPath();
			String name = path.substring(path.indexOf("io/github/springmidtrans/"), path.length() - 6)
				.replace('/', '.');
			Class<?> type = Class.forName(name);
			if (type.isRecord()) {
				// Every event of the starter is delivered at least once: none may bypass
				// the outbox by not being a MidtransEvent.
				assertThat(MidtransEvent.class).as(name).isAssignableFrom(type);
				types.add(type);
			}
		}
		return types;
	}

	private static MidtransEvent sample(Class<?> type) throws Exception {
		RecordComponent[] components = type.getRecordComponents();
		Class<?>[] parameterTypes = new Class<?>[components.length];
		Object[] values = new Object[components.length];
		for (int i = 0; i < components.length; i++) {
			Class<?> component = components[i].getType();
			parameterTypes[i] = component;
			values[i] = sampleValue(component, components[i].getName());
		}
		Constructor<?> canonical = type.getDeclaredConstructor(parameterTypes);
		return (MidtransEvent) canonical.newInstance(values);
	}

	private static Object sampleValue(Class<?> type, String name) {
		if (type == String.class) {
			return name + "-Ünïcode \"quoted\"";
		}
		if (type == BigDecimal.class) {
			return new BigDecimal("150000.00");
		}
		if (type == Instant.class) {
			return Instant.parse("2026-12-06T10:15:30.123456Z");
		}
		if (type == UUID.class) {
			return UUID.randomUUID();
		}
		if (type == boolean.class || type == Boolean.class) {
			return true;
		}
		if (type == int.class) {
			return 7;
		}
		if (type == long.class) {
			return 7L;
		}
		if (type == PaymentStatus.class) {
			return PaymentStatus.SETTLEMENT;
		}
		if (type == PaymentFlag.class) {
			return PaymentFlag.values()[0];
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[type.getEnumConstants().length - 1];
		}
		throw new IllegalArgumentException("No sample for " + type + " " + name);
	}

	private static PaymentSettledEvent settled(String orderId) {
		return new PaymentSettledEvent(orderId, "tx-" + orderId, PaymentStatus.PENDING, PaymentStatus.SETTLEMENT,
				new BigDecimal("150000.00"), "gopay", START);
	}

	/** Stands for a transition: a row written in the same transaction as the event. */
	private void transition(String name) {
		this.database.entityManager()
			.createNativeQuery("insert into midtrans_shedlock (name, locked_by) values (?, 'test')")
			.setParameter(1, name)
			.executeUpdate();
	}

	private int incompleteRows() {
		Integer count = this.database.jdbc()
			.queryForObject("select count(*) from midtrans_event_publication where completed_at is null",
					Integer.class);
		return (count != null) ? count : 0;
	}

	private int count(String table) {
		Integer count = this.database.jdbc().queryForObject("select count(*) from " + table, Integer.class);
		return (count != null) ? count : 0;
	}

	private static final class MutableClock extends Clock {

		private volatile Instant now = START;

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
