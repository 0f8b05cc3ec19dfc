package io.github.springmidtrans.event;

import java.time.Instant;
import java.util.UUID;

import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * One event recorded in the same transaction as the transition that raised it, until its
 * delivery to the application's listeners completed and the retention passed. Read-only
 * outside this package.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransEventPublication")
@Table(name = "midtrans_event_publication")
public class MidtransEventPublication {

	static final int MAX_PAYLOAD = 65_536;

	static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "event_id", length = 36, nullable = false, updatable = false)
	private String eventId;

	@Column(name = "event_type", length = 255, nullable = false, updatable = false)
	private String eventType;

	@Column(name = "payload", length = MAX_PAYLOAD, nullable = false, updatable = false)
	private String payload;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "completed_at")
	private @Nullable Instant completedAt;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "last_error", length = MAX_ERROR)
	private @Nullable String lastError;

	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	/** For JPA only. */
	protected MidtransEventPublication() {
		this.eventId = "";
		this.eventType = "";
		this.payload = "";
		this.createdAt = Instant.EPOCH;
		this.nextAttemptAt = Instant.EPOCH;
	}

	MidtransEventPublication(UUID eventId, String eventType, String payload, Instant createdAt, Instant nextAttemptAt) {
		this.eventId = eventId.toString();
		this.eventType = eventType;
		this.payload = payload;
		this.createdAt = createdAt;
		this.nextAttemptAt = nextAttemptAt;
	}

	void failed(@Nullable String error, Instant nextAttemptAt) {
		this.attempts++;
		this.lastError = error;
		this.nextAttemptAt = nextAttemptAt;
	}

	static @Nullable String error(Throwable failure) {
		String message = failure.getClass().getName() + ": " + failure.getMessage();
		return Columns.fit(message, MAX_ERROR);
	}

	/**
	 * The row's id, in the order publications were recorded.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The event's id.
	 * @return the event id
	 */
	public UUID getEventId() {
		return UUID.fromString(this.eventId);
	}

	/**
	 * The event's class name.
	 * @return the type
	 */
	public String getEventType() {
		return this.eventType;
	}

	/**
	 * The event as JSON.
	 * @return the payload
	 */
	public String getPayload() {
		return this.payload;
	}

	/**
	 * When the event was recorded, with its transition.
	 * @return the time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When a delivery completed: every listener returned normally.
	 * @return the time, or {@code null} while incomplete
	 */
	public @Nullable Instant getCompletedAt() {
		return this.completedAt;
	}

	/**
	 * How many deliveries failed.
	 * @return the failed attempts
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * What the last failed delivery threw.
	 * @return the error, or {@code null}
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

	/**
	 * From when the periodic redelivery delivers the event again, if still incomplete.
	 * @return the time
	 */
	public Instant getNextAttemptAt() {
		return this.nextAttemptAt;
	}

	@Override
	public String toString() {
		return "MidtransEventPublication[id=" + this.id + ", eventId=" + this.eventId + ", eventType=" + this.eventType
				+ ", completedAt=" + this.completedAt + ", attempts=" + this.attempts + "]";
	}

}
