package io.github.springmidtrans.subscription;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;

import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionRetrySchedule;
import io.github.springmidtrans.client.model.SubscriptionUpdateRequest;
import io.github.springmidtrans.internal.Columns;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * A subscription: recorded with its idempotency key before Midtrans is asked to create
 * it, then kept in step with Midtrans. Status changes only through intention-revealing
 * methods that consult {@link SubscriptionStatus}' table; concurrent writers are
 * serialised by a row lock and checked by {@code @Version}.
 *
 * <p>
 * <strong>The token is a secret.</strong> It is the card's {@code saved_token_id} or the
 * GoPay payment option token, and Midtrans requires it again on every update, so it is
 * stored in {@code midtrans_subscription.token}. Protect that column like any credential
 * (database access, backups); it never appears in {@link #toString()}, logs or events.
 *
 * @since 0.1.0
 */
@Entity(name = "MidtransSubscription")
@Table(name = "midtrans_subscription")
public class MidtransSubscription {

	private static final int MAX_ERROR = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private @Nullable Long id;

	@Column(name = "midtrans_subscription_id", unique = true, length = 64)
	private @Nullable String subscriptionId;

	@Column(name = "idempotency_key", nullable = false, unique = true, length = 46, updatable = false)
	private String idempotencyKey;

	@Column(name = "name", nullable = false, length = 40)
	private String name;

	@Column(name = "amount", nullable = false, precision = 19, scale = 2)
	private BigDecimal amount;

	@Column(name = "currency", nullable = false, length = 3)
	private String currency;

	@Column(name = "payment_type", nullable = false, length = 32)
	private String paymentType;

	@Column(name = "token", nullable = false, length = 255)
	private String token;

	@Column(name = "schedule_interval", nullable = false)
	private int scheduleInterval;

	@Column(name = "schedule_interval_unit", nullable = false, length = 16)
	private String scheduleIntervalUnit;

	@Column(name = "schedule_max_interval")
	private @Nullable Integer scheduleMaxInterval;

	@Column(name = "schedule_current_interval")
	private @Nullable Integer scheduleCurrentInterval;

	@Column(name = "start_time")
	private @Nullable Instant startTime;

	@Column(name = "previous_execution_at")
	private @Nullable Instant previousExecutionAt;

	@Column(name = "next_execution_at")
	private @Nullable Instant nextExecutionAt;

	@Column(name = "retry_interval")
	private @Nullable Integer retryInterval;

	@Column(name = "retry_interval_unit", length = 16)
	private @Nullable String retryIntervalUnit;

	@Column(name = "retry_max_interval")
	private @Nullable Integer retryMaxInterval;

	@Convert(converter = SubscriptionStatusConverter.class)
	@Column(name = "status", nullable = false, length = 16)
	private SubscriptionStatus status;

	@Column(name = "customer_first_name", length = 255)
	private @Nullable String customerFirstName;

	@Column(name = "customer_last_name", length = 255)
	private @Nullable String customerLastName;

	@Column(name = "customer_email", length = 255)
	private @Nullable String customerEmail;

	@Column(name = "customer_phone", length = 255)
	private @Nullable String customerPhone;

	@Column(name = "gopay_account_id", length = 64)
	private @Nullable String gopayAccountId;

	@Column(name = "metadata", length = 1000)
	private @Nullable String metadata;

	@Column(name = "attempts", nullable = false)
	private int attempts;

	@Column(name = "last_error", length = MAX_ERROR)
	private @Nullable String lastError;

	@Column(name = "next_check_at")
	private @Nullable Instant nextCheckAt;

	@Version
	@Column(name = "version", nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false, updatable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	/** For JPA only. */
	protected MidtransSubscription() {
		this.idempotencyKey = "";
		this.name = "";
		this.amount = BigDecimal.ZERO;
		this.currency = "IDR";
		this.paymentType = "";
		this.token = "";
		this.scheduleIntervalUnit = "";
		this.status = SubscriptionStatus.INITIATED;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	MidtransSubscription(SubscriptionRequest request, @Nullable String metadataJson, String idempotencyKey,
			Instant now) {
		this.idempotencyKey = idempotencyKey;
		this.name = request.name();
		this.amount = BigDecimal.valueOf(request.amount());
		this.currency = request.currency();
		this.paymentType = request.paymentType().wireValue();
		this.token = request.token();
		this.scheduleInterval = request.schedule().interval();
		this.scheduleIntervalUnit = request.schedule().intervalUnit().wireValue();
		this.scheduleMaxInterval = request.schedule().maxInterval();
		this.startTime = instant(request.schedule().startTime());
		SubscriptionRetrySchedule retry = request.retrySchedule();
		if (retry != null) {
			this.retryInterval = retry.interval();
			this.retryIntervalUnit = retry.intervalUnit().wireValue();
			this.retryMaxInterval = retry.maxInterval();
		}
		CustomerDetails customer = request.customerDetails();
		if (customer != null) {
			this.customerFirstName = customer.firstName();
			this.customerLastName = customer.lastName();
			this.customerEmail = customer.email();
			this.customerPhone = customer.phone();
		}
		this.gopayAccountId = (request.gopay() != null) ? request.gopay().accountId() : null;
		this.metadata = metadataJson;
		this.status = SubscriptionStatus.INITIATED;
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Apply what Midtrans says about this subscription (the answer of create or get): the
	 * schedule's progress, and the status when the table allows the move. Midtrans'
	 * {@code inactive} for a subscription this application disabled or cancelled changes
	 * nothing.
	 * @param answer Midtrans' view
	 * @param now the time
	 * @param nextCheck when the periodic sync should look again
	 * @return what changed
	 */
	public SubscriptionChange apply(SubscriptionResponse answer, Instant now, Instant nextCheck) {
		if (this.subscriptionId == null && answer.id() != null) {
			this.subscriptionId = answer.id();
		}
		SubscriptionResponse.Schedule schedule = answer.schedule();
		if (schedule != null) {
			this.scheduleCurrentInterval = pick(this.scheduleCurrentInterval, schedule.currentInterval());
			this.scheduleMaxInterval = pick(this.scheduleMaxInterval, schedule.maxInterval());
			this.startTime = pick(this.startTime, instant(schedule.startTime()));
			this.previousExecutionAt = pick(this.previousExecutionAt, instant(schedule.previousExecutionAt()));
			this.nextExecutionAt = pick(this.nextExecutionAt, instant(schedule.nextExecutionAt()));
		}
		SubscriptionStatus previous = this.status;
		SubscriptionStatus next = SubscriptionStatus.of(answer.status());
		this.nextCheckAt = (previous.isFinal()) ? null : nextCheck;
		touch(now);
		if (next == null) {
			return SubscriptionChange.unknown(previous);
		}
		boolean stoppedHere = (previous == SubscriptionStatus.DISABLED || previous == SubscriptionStatus.CANCELLED)
				&& next == SubscriptionStatus.INACTIVE;
		if (next == previous || stoppedHere) {
			return SubscriptionChange.unchanged(previous);
		}
		SubscriptionChange change = move(next, now);
		if (change.applied() && next.isFinal()) {
			this.nextCheckAt = null;
		}
		if (change.applied()) {
			this.lastError = null;
		}
		return change;
	}

	/**
	 * Record that Midtrans disabled the subscription.
	 * @param now the time
	 * @return what changed
	 */
	public SubscriptionChange markDisabled(Instant now) {
		return move(SubscriptionStatus.DISABLED, now);
	}

	/**
	 * Record that Midtrans enabled the subscription again.
	 * @param now the time
	 * @return what changed
	 */
	public SubscriptionChange markEnabled(Instant now) {
		return move(SubscriptionStatus.ACTIVE, now);
	}

	/**
	 * Record that Midtrans cancelled the subscription; nothing moves it afterwards.
	 * @param now the time
	 * @return what changed
	 */
	public SubscriptionChange markCancelled(Instant now) {
		SubscriptionChange change = move(SubscriptionStatus.CANCELLED, now);
		if (change.applied()) {
			this.nextCheckAt = null;
		}
		return change;
	}

	/**
	 * Record that Midtrans refused to create the subscription.
	 * @param reason Midtrans' explanation, safe to store
	 * @param now the time
	 * @return what changed; stale unless the subscription was still initiated
	 */
	public SubscriptionChange markFailed(String reason, Instant now) {
		SubscriptionChange change = move(SubscriptionStatus.FAILED, now);
		if (change.applied()) {
			this.lastError = Columns.fit(reason, MAX_ERROR);
		}
		return change;
	}

	/**
	 * Record the terms Midtrans accepted in an update.
	 * @param update the update Midtrans accepted
	 * @param now the time
	 */
	public void applyUpdate(SubscriptionUpdateRequest update, Instant now) {
		this.name = update.name();
		this.amount = BigDecimal.valueOf(update.amount());
		this.token = update.token();
		if (update.schedule() != null && update.schedule().interval() != null) {
			this.scheduleInterval = update.schedule().interval();
		}
		if (update.retrySchedule() != null) {
			this.retryInterval = update.retrySchedule().interval();
			this.retryIntervalUnit = update.retrySchedule().intervalUnit().wireValue();
			this.retryMaxInterval = update.retrySchedule().maxInterval();
		}
		if (update.gopay() != null && update.gopay().accountId() != null) {
			this.gopayAccountId = update.gopay().accountId();
		}
		touch(now);
	}

	/**
	 * Record a failed attempt to reach Midtrans; the status stays.
	 * @param error what failed, safe to store
	 * @param nextCheck when the periodic sync should look again
	 * @param now the time
	 */
	public void recordAttemptFailure(String error, @Nullable Instant nextCheck, Instant now) {
		this.attempts++;
		this.lastError = Columns.fit(error, MAX_ERROR);
		if (this.nextCheckAt != null) {
			this.nextCheckAt = nextCheck;
		}
		touch(now);
	}

	private SubscriptionChange move(SubscriptionStatus next, Instant now) {
		SubscriptionStatus previous = this.status;
		if (previous == next) {
			return SubscriptionChange.unchanged(previous);
		}
		if (!previous.canMoveTo(next)) {
			return SubscriptionChange.stale(previous, next);
		}
		this.status = next;
		touch(now);
		return SubscriptionChange.applied(previous, next);
	}

	private void touch(Instant now) {
		this.updatedAt = now;
	}

	private static <T> @Nullable T pick(@Nullable T current, @Nullable T candidate) {
		return (candidate != null) ? candidate : current;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * Database id.
	 * @return the id, {@code null} before the first flush
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * Midtrans' subscription id, once Midtrans answered the creation.
	 * @return the id or {@code null}
	 */
	public @Nullable String getSubscriptionId() {
		return this.subscriptionId;
	}

	/**
	 * The {@code Idempotency-Key} sent with every creation attempt; unique, it identifies
	 * the intent.
	 * @return the key
	 */
	public String getIdempotencyKey() {
		return this.idempotencyKey;
	}

	/**
	 * The name; Midtrans starts each renewal charge's order id with it.
	 * @return the name
	 */
	public String getName() {
		return this.name;
	}

	/**
	 * The amount per charge.
	 * @return the amount
	 */
	public BigDecimal getAmount() {
		return this.amount;
	}

	/**
	 * The currency, {@code IDR}.
	 * @return the currency
	 */
	public String getCurrency() {
		return this.currency;
	}

	/**
	 * {@code credit_card} or {@code gopay}.
	 * @return the payment type
	 */
	public String getPaymentType() {
		return this.paymentType;
	}

	/**
	 * The charging token: a secret. Needed to update the subscription; never log it.
	 * @return the token
	 */
	public String getToken() {
		return this.token;
	}

	/**
	 * Units between charges.
	 * @return the interval
	 */
	public int getScheduleInterval() {
		return this.scheduleInterval;
	}

	/**
	 * The interval unit: {@code day}, {@code week} or {@code month}.
	 * @return the unit
	 */
	public String getScheduleIntervalUnit() {
		return this.scheduleIntervalUnit;
	}

	/**
	 * How many charges in total.
	 * @return the count, {@code null} for no limit
	 */
	public @Nullable Integer getScheduleMaxInterval() {
		return this.scheduleMaxInterval;
	}

	/**
	 * How many charges have run, as Midtrans last reported.
	 * @return the count or {@code null}
	 */
	public @Nullable Integer getScheduleCurrentInterval() {
		return this.scheduleCurrentInterval;
	}

	/**
	 * The first charge.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getStartTime() {
		return this.startTime;
	}

	/**
	 * The last charge, as Midtrans last reported.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getPreviousExecutionAt() {
		return this.previousExecutionAt;
	}

	/**
	 * The next charge, as Midtrans last reported.
	 * @return the time or {@code null}
	 */
	public @Nullable Instant getNextExecutionAt() {
		return this.nextExecutionAt;
	}

	/**
	 * Retry interval of failed charges.
	 * @return the interval or {@code null} for Midtrans' default
	 */
	public @Nullable Integer getRetryInterval() {
		return this.retryInterval;
	}

	/**
	 * Retry interval unit.
	 * @return the unit or {@code null}
	 */
	public @Nullable String getRetryIntervalUnit() {
		return this.retryIntervalUnit;
	}

	/**
	 * Maximum retries of a failed charge.
	 * @return the count or {@code null}
	 */
	public @Nullable Integer getRetryMaxInterval() {
		return this.retryMaxInterval;
	}

	/**
	 * The local status.
	 * @return the status
	 */
	public SubscriptionStatus getStatus() {
		return this.status;
	}

	/**
	 * Customer first name.
	 * @return the name or {@code null}
	 */
	public @Nullable String getCustomerFirstName() {
		return this.customerFirstName;
	}

	/**
	 * Customer last name.
	 * @return the name or {@code null}
	 */
	public @Nullable String getCustomerLastName() {
		return this.customerLastName;
	}

	/**
	 * Customer email.
	 * @return the email or {@code null}
	 */
	public @Nullable String getCustomerEmail() {
		return this.customerEmail;
	}

	/**
	 * Customer phone.
	 * @return the phone or {@code null}
	 */
	public @Nullable String getCustomerPhone() {
		return this.customerPhone;
	}

	/**
	 * The linked GoPay account of a GoPay subscription.
	 * @return the account id or {@code null}
	 */
	public @Nullable String getGopayAccountId() {
		return this.gopayAccountId;
	}

	/**
	 * Metadata sent with the creation, as JSON.
	 * @return the JSON or {@code null}
	 */
	public @Nullable String getMetadata() {
		return this.metadata;
	}

	/**
	 * Number of failed attempts to reach Midtrans.
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
	 * When the periodic sync should read this subscription next.
	 * @return the time, {@code null} when never (initiated, cancelled, failed)
	 */
	public @Nullable Instant getNextCheckAt() {
		return this.nextCheckAt;
	}

	/**
	 * Optimistic lock version.
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	/**
	 * When the row was created.
	 * @return the time
	 */
	public Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * When the row last changed.
	 * @return the time
	 */
	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public boolean equals(Object other) {
		return this == other || (other instanceof MidtransSubscription subscription && this.id != null
				&& Objects.equals(this.id, subscription.id));
	}

	@Override
	public int hashCode() {
		return MidtransSubscription.class.hashCode();
	}

	@Override
	public String toString() {
		return "MidtransSubscription[subscriptionId=" + this.subscriptionId + ", name=" + this.name + ", status="
				+ this.status + ", amount=" + this.amount + ", paymentType=" + this.paymentType + "]";
	}

}
