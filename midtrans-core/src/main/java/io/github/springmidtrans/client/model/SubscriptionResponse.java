package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A subscription as Midtrans describes it: the answer of create and get. Times are read
 * from Midtrans' ISO-8601 form (zone-less means Asia/Jakarta, {@code Z} means UTC).
 * Anything not modelled is in {@link #raw()}. Its {@link #toString()} never shows the
 * token.
 *
 * @param id Midtrans' subscription id
 * @param name the subscription name
 * @param amount the amount per charge
 * @param currency the currency, {@code IDR}
 * @param createdAt when it was created
 * @param schedule the charge schedule and its progress
 * @param retrySchedule the retry schedule
 * @param status {@code active} or {@code inactive}
 * @param token the payment token charged
 * @param paymentType {@code credit_card} or {@code gopay}
 * @param metadata metadata sent at creation
 * @param customerDetails the customer
 * @param transactionIds ids of the transactions charged so far (get only)
 * @param gopay the linked GoPay account
 * @param raw the complete body
 * @since 0.1.0
 */
public record SubscriptionResponse(@Nullable String id, @Nullable String name, @Nullable BigDecimal amount,
		@Nullable String currency, @Nullable OffsetDateTime createdAt, @Nullable Schedule schedule,
		@Nullable RetrySchedule retrySchedule, @Nullable SubscriptionStatus status, @Nullable String token,
		@Nullable SubscriptionPaymentType paymentType, Map<String, Object> metadata,
		@Nullable CustomerDetails customerDetails, @JsonAlias("transaction_id") List<String> transactionIds,
		@Nullable SubscriptionGopay gopay, @JsonIgnore @JacksonInject(value = "midtrans.raw",
				useInput = OptBoolean.FALSE, optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public SubscriptionResponse {
		metadata = (metadata != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(metadata)) : Map.of();
		transactionIds = (transactionIds != null) ? List.copyOf(transactionIds) : List.of();
	}

	/**
	 * Whether Midtrans still charges this subscription.
	 * @return {@code true} when {@code active}
	 */
	@JsonIgnore
	public boolean isActive() {
		return this.status == SubscriptionStatus.ACTIVE;
	}

	@Override
	public String toString() {
		return "SubscriptionResponse[id=" + this.id + ", name=" + this.name + ", status=" + this.status
				+ ", paymentType=" + this.paymentType + ", amount=" + this.amount + ", token="
				+ ((this.token != null) ? "(hidden)" : null) + ", schedule=" + this.schedule + "]";
	}

	/**
	 * The charge schedule and how far it has run.
	 *
	 * @param interval units between charges
	 * @param intervalUnit the unit
	 * @param maxInterval how many charges in total, {@code null} for no limit
	 * @param currentInterval how many charges have run
	 * @param startTime the first charge
	 * @param previousExecutionAt the last charge, {@code null} before the first
	 * @param nextExecutionAt the next charge
	 */
	public record Schedule(@Nullable Integer interval, @Nullable IntervalUnit intervalUnit,
			@Nullable Integer maxInterval, @Nullable Integer currentInterval, @Nullable OffsetDateTime startTime,
			@Nullable OffsetDateTime previousExecutionAt, @Nullable OffsetDateTime nextExecutionAt) {

	}

	/**
	 * The retry schedule of failed charges.
	 *
	 * @param interval units between retries
	 * @param intervalUnit the unit
	 * @param maxInterval how many retries
	 */
	public record RetrySchedule(@Nullable Integer interval, @Nullable IntervalUnit intervalUnit,
			@Nullable Integer maxInterval) {

	}

}
