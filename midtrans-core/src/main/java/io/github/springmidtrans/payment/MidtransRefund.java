package io.github.springmidtrans.payment;

import java.math.BigDecimal;
import java.time.Instant;

import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * One refund of a payment. It is persisted with its refund key before Midtrans is called,
 * and every retry sends the same key, so one intent can never refund twice.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransRefund")
@Table(name = "midtrans_refund")
public class MidtransRefund {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "payment_id", nullable = false, updatable = false)
	private @Nullable MidtransPayment payment;

	@Column(name = "order_id", nullable = false, length = 100, updatable = false)
	private String orderId;

	@Column(name = "refund_key", nullable = false, unique = true, length = 100, updatable = false)
	private String refundKey;

	@Column(name = "amount", nullable = false, precision = 19, scale = 2, updatable = false)
	private BigDecimal amount;

	@Column(name = "reason", length = 255, updatable = false)
	private @Nullable String reason;

	@Column(name = "direct", nullable = false, updatable = false)
	private boolean direct;

	@Convert(converter = RefundStateConverter.class)
	@Column(name = "state", nullable = false, length = 16)
	private RefundState state;

	@Column(name = "status_code", length = 8)
	private @Nullable String statusCode;

	@Column(name = "status_message", length = 255)
	private @Nullable String statusMessage;

	@Column(name = "midtrans_refund_id")
	private @Nullable Long midtransRefundId;

	@Column(name = "response", length = 16000)
	private @Nullable String response;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "last_error", length = 1000)
	private @Nullable String lastError;

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** For JPA only. */
	protected MidtransRefund() {
		this.orderId = "";
		this.refundKey = "";
		this.amount = BigDecimal.ZERO;
		this.state = RefundState.REQUESTED;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MidtransRefund(MidtransPayment payment, String refundKey, BigDecimal amount, @Nullable String reason,
			boolean direct, Instant now) {
		this.payment = payment;
		this.orderId = payment.getOrderId();
		this.refundKey = refundKey;
		this.amount = amount;
		this.reason = reason;
		this.direct = direct;
		this.state = RefundState.REQUESTED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Record Midtrans' approval.
	 * @param statusCode Midtrans' status code
	 * @param statusMessage Midtrans' message
	 * @param midtransRefundId Midtrans' refund id
	 * @param response Midtrans' answer as JSON, for audit
	 * @param now the time
	 * @return {@code true} when this changed the refund, {@code false} if it had already
	 * succeeded
	 */
	boolean markSucceeded(@Nullable String statusCode, @Nullable String statusMessage, @Nullable Long midtransRefundId,
			@Nullable String response, Instant now) {
		if (this.state == RefundState.SUCCEEDED) {
			return false;
		}
		this.state = RefundState.SUCCEEDED;
		this.statusCode = statusCode;
		this.statusMessage = Columns.fit(statusMessage, 255);
		this.midtransRefundId = midtransRefundId;
		this.response = response;
		this.lastError = null;
		this.updatedAt = now;
		return true;
	}

	/**
	 * Record a refusal: nothing was refunded.
	 * @param statusCode Midtrans' status code
	 * @param reason why
	 * @param now the time
	 */
	void markFailed(@Nullable String statusCode, String reason, Instant now) {
		if (this.state != RefundState.REQUESTED) {
			return;
		}
		this.state = RefundState.FAILED;
		this.statusCode = statusCode;
		this.lastError = Columns.fit(reason, 1000);
		this.updatedAt = now;
	}

	/**
	 * Record an attempt whose outcome is unknown; the refund stays requested and is
	 * retried with the same key.
	 * @param error what failed
	 * @param now the time
	 */
	void recordAttemptFailure(String error, Instant now) {
		this.attempts++;
		this.lastError = Columns.fit(error, 1000);
		this.updatedAt = now;
	}

	/**
	 * Database id.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * The refunded payment's order id.
	 * @return the order id
	 */
	public String getOrderId() {
		return this.orderId;
	}

	/**
	 * The key sent to Midtrans on every attempt.
	 * @return the refund key
	 */
	public String getRefundKey() {
		return this.refundKey;
	}

	/**
	 * The amount to refund.
	 * @return the amount
	 */
	public BigDecimal getAmount() {
		return this.amount;
	}

	/**
	 * The reason given.
	 * @return the reason or {@code null}
	 */
	public @Nullable String getReason() {
		return this.reason;
	}

	/**
	 * Whether this is a direct (online) refund.
	 * @return {@code true} for a direct refund
	 */
	public boolean isDirect() {
		return this.direct;
	}

	/**
	 * The refund's progress.
	 * @return the state
	 */
	public RefundState getState() {
		return this.state;
	}

	/**
	 * Midtrans' status code of the last answer.
	 * @return the code or {@code null}
	 */
	public @Nullable String getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Midtrans' message of the approval.
	 * @return the message or {@code null}
	 */
	public @Nullable String getStatusMessage() {
		return this.statusMessage;
	}

	/**
	 * Midtrans' id of the refund.
	 * @return the id or {@code null}
	 */
	public @Nullable Long getMidtransRefundId() {
		return this.midtransRefundId;
	}

	/**
	 * Midtrans' answer to the refund, as JSON.
	 * @return the answer, or {@code null} before it succeeded
	 */
	public @Nullable String getResponse() {
		return this.response;
	}

	/**
	 * Failed attempts whose outcome was unknown.
	 * @return the count
	 */
	public int getAttempts() {
		return this.attempts;
	}

	/**
	 * The last error.
	 * @return the error or {@code null}
	 */
	public @Nullable String getLastError() {
		return this.lastError;
	}

	/**
	 * When it was requested.
	 * @return the time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When it last changed.
	 * @return the time
	 */
	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	/**
	 * Optimistic lock version.
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	@Override
	public String toString() {
		return "MidtransRefund[orderId=" + this.orderId + ", refundKey=" + this.refundKey + ", amount=" + this.amount
				+ ", state=" + this.state + "]";
	}

}
