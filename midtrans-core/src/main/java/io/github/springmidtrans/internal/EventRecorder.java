package io.github.springmidtrans.internal;

import java.util.List;

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

}
