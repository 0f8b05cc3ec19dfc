package io.github.springmidtrans.notification;

import java.time.Instant;

import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

/**
 * Audit row of one notification received, valid or not, with what became of it.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransNotification")
@Table(name = "midtrans_notification")
public class MidtransNotification {

	static final int MAX_PAYLOAD = 65_536;

	static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "order_id", length = 255)
	private @Nullable String orderId;

	@Column(name = "transaction_id", length = 255)
	private @Nullable String transactionId;

	@Column(name = "transaction_status", length = 64)
	private @Nullable String transactionStatus;

	@Column(name = "status_code", length = 64)
	private @Nullable String statusCode;

	@Column(name = "gross_amount", length = 64)
	private @Nullable String grossAmount;

	@Column(name = "payload", length = MAX_PAYLOAD)
	private @Nullable String payload;

	@Convert(converter = NotificationOutcomeConverter.class)
	@Column(name = "outcome", length = 32)
	private @Nullable NotificationOutcome outcome;

	@Column(name = "error", length = MAX_ERROR)
	private @Nullable String error;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Column(name = "processed_at")
	private @Nullable Instant processedAt;

	@Column(name = "processing_millis")
	private @Nullable Long processingMillis;

	/**
	 * Text from a notification body, fit for its column on every database: PostgreSQL
	 * refuses U+0000 in text, so it becomes U+FFFD.
	 */
	static @Nullable String storable(@Nullable String text, int max) {
		return Columns.fit((text != null) ? text.replace('\u0000', '\uFFFD') : null, max);
	}

	/** For JPA only. */
	protected MidtransNotification() {
		this.receivedAt = Instant.EPOCH;
	}

	MidtransNotification(@Nullable String payload, Instant receivedAt) {
		this.payload = storable(payload, MAX_PAYLOAD);
		this.receivedAt = receivedAt;
	}

	void identify(@Nullable String orderId, @Nullable String transactionId, @Nullable String transactionStatus,
			@Nullable String statusCode, @Nullable String grossAmount) {
		this.orderId = storable(orderId, 255);
		this.transactionId = storable(transactionId, 255);
		this.transactionStatus = storable(transactionStatus, 64);
		this.statusCode = storable(statusCode, 64);
		this.grossAmount = storable(grossAmount, 64);
	}

	/**
	 * Database id.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The notification's order id, as sent.
	 * @return the order id or {@code null}
	 */
	public @Nullable String getOrderId() {
		return this.orderId;
	}

	/**
	 * The notification's transaction id, as sent.
	 * @return the id or {@code null}
	 */
	public @Nullable String getTransactionId() {
		return this.transactionId;
	}

	/**
	 * The notification's transaction status, as sent.
	 * @return the status or {@code null}
	 */
	public @Nullable String getTransactionStatus() {
		return this.transactionStatus;
	}

	/**
	 * The notification's status code, as sent.
	 * @return the code or {@code null}
	 */
	public @Nullable String getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The notification's gross amount, as sent.
	 * @return the amount text or {@code null}
	 */
	public @Nullable String getGrossAmount() {
		return this.grossAmount;
	}

	/**
	 * The body as received (cut at 64 KiB).
	 * @return the body or {@code null}
	 */
	public @Nullable String getPayload() {
		return this.payload;
	}

	/**
	 * What became of it.
	 * @return the outcome, {@code null} while being processed
	 */
	public @Nullable NotificationOutcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Why it was not applied, when it was not.
	 * @return the reason or {@code null}
	 */
	public @Nullable String getError() {
		return this.error;
	}

	/**
	 * When it arrived.
	 * @return the time
	 */
	public Instant getReceivedAt() {
		return this.receivedAt;
	}

	/**
	 * When processing ended.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getProcessedAt() {
		return this.processedAt;
	}

	/**
	 * How long processing took.
	 * @return milliseconds, or {@code null} while being processed
	 */
	public @Nullable Long getProcessingMillis() {
		return this.processingMillis;
	}

}
