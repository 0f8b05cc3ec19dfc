package io.github.springmidtrans.internal;

import java.util.List;
import java.util.function.Supplier;

/**
 * Records events in the transaction of the transition that raised them, and hands back
 * their delivery, which {@link ShortTransactions} runs once that transaction committed.
 * Implemented by the publisher of {@code MidtransEventOutbox}. Not API.
 */
public interface EventRecorder {

	/**
	 * Record events; must run inside the transaction that raised them.
	 * @param events the events, in the order raised
	 * @return their delivery, to run after commit
	 */
	Runnable record(List<?> events);

	/**
	 * Run work (a job) and record the completed deliveries still waiting for their batch
	 * when it ends. A delivery whose completion a crash kept from being recorded is
	 * delivered again, as any interrupted delivery is.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	<T> T batchingCompletions(Supplier<T> work);

}
