package io.github.springmidtrans.event;

import java.time.Instant;
import java.util.UUID;

/**
 * An event of the starter: a payment, invoice or subscription transition. Each carries an
 * id fixed when the transition was recorded; a delivery repeated after a listener failure
 * or a crash carries the same id, so a listener that must act once per event remembers
 * the ids it has handled.
 *
 * @since 0.1.0
 */
public interface MidtransEvent {

	/**
	 * The event's id, the same on every delivery of this event.
	 * @return the id
	 */
	UUID eventId();

	/**
	 * When the transition was recorded.
	 * @return the time
	 */
	Instant occurredAt();

}
