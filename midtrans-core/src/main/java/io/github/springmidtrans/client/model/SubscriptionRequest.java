package io.github.springmidtrans.client.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonFormat;
import org.jspecify.annotations.Nullable;

/**
 * A recurring charge ({@code POST /v1/subscriptions}). Build one per payment method:
 *
 * <pre>{@code
 * SubscriptionRequest request = SubscriptionRequest
 *     .creditCard("MONTHLY-PLAN", 14_000, savedTokenId, SubscriptionSchedule.every(1, IntervalUnit.MONTH))
 *     .customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
 *     .build();
 * }</pre>
 *
 * The record checks what Midtrans would reject: the name's characters and length, a
 * positive whole-rupiah amount, {@code IDR}, a token, and a GoPay account for GoPay. Its
 * {@link #toString()} never shows the token.
 *
 * @param name names the subscription and prefixes the order id of every charge: 1 to 40
 * characters of {@code A-Z a-z 0-9 - _ ~ .}
 * @param amount the amount of each charge in whole rupiah; sent as a string, as Midtrans
 * requires
 * @param currency {@code IDR}, the only currency Midtrans supports
 * @param paymentType {@code credit_card} or {@code gopay}
 * @param token the card's {@code saved_token_id}, or the GoPay payment option token
 * @param schedule when to charge
 * @param retrySchedule how to retry a failed charge; {@code null} for Midtrans' default
 * @param metadata free-form data kept with the subscription, under 1 KB
 * @param customerDetails the customer (names, email and phone are used)
 * @param gopay the linked GoPay account; required for {@code gopay}
 * @since 0.1.0
 */
public record SubscriptionRequest(String name, @JsonFormat(shape = JsonFormat.Shape.STRING) long amount,
		String currency, SubscriptionPaymentType paymentType, String token, SubscriptionSchedule schedule,
		@Nullable SubscriptionRetrySchedule retrySchedule, Map<String, Object> metadata,
		@Nullable CustomerDetails customerDetails, @Nullable SubscriptionGopay gopay) {

	/** The only currency the Subscriptions API accepts. */
	public static final String IDR = "IDR";

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_~.]{1,40}");

	public SubscriptionRequest {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"Subscription name must be 1 to 40 characters of A-Z a-z 0-9 - _ ~ . but was '" + name + "'");
		}
		Objects.requireNonNull(paymentType, "paymentType");
		Objects.requireNonNull(schedule, "schedule");
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		check(amount > 0, name, "amount must be positive, got " + amount);
		check(IDR.equals(currency), name, "currency must be IDR, got " + currency);
		check(paymentType != SubscriptionPaymentType.UNKNOWN, name, "payment_type must be credit_card or gopay");
		check(token != null && !token.isBlank(), name, "a token is required");
		check(paymentType != SubscriptionPaymentType.GOPAY
				|| (gopay != null && gopay.accountId() != null && !gopay.accountId().isBlank()), name,
				"a gopay subscription needs gopay.account_id");
		check(paymentType == SubscriptionPaymentType.GOPAY || gopay == null, name,
				"gopay details do not fit payment type " + paymentType.wireValue());
	}

	/**
	 * Start a card subscription.
	 * @param name the subscription name
	 * @param amount the amount per charge in whole rupiah
	 * @param savedTokenId the card's {@code saved_token_id} from a one-click charge
	 * @param schedule when to charge
	 * @return a builder
	 */
	public static Builder creditCard(String name, long amount, String savedTokenId, SubscriptionSchedule schedule) {
		return new Builder(name, amount, SubscriptionPaymentType.CREDIT_CARD, savedTokenId, schedule);
	}

	/**
	 * Start a GoPay subscription.
	 * @param name the subscription name
	 * @param amount the amount per charge in whole rupiah
	 * @param paymentOptionToken the {@code payment_options[].token} of the linked account
	 * @param accountId the linked pay account id
	 * @param schedule when to charge
	 * @return a builder
	 */
	public static Builder gopay(String name, long amount, String paymentOptionToken, String accountId,
			SubscriptionSchedule schedule) {
		return new Builder(name, amount, SubscriptionPaymentType.GOPAY, paymentOptionToken, schedule)
			.gopay(SubscriptionGopay.of(accountId));
	}

	private static void check(boolean condition, String name, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("Subscription '" + name + "' is invalid: " + problem);
		}
	}

	@Override
	public String toString() {
		return "SubscriptionRequest[name=" + this.name + ", amount=" + this.amount + ", currency=" + this.currency
				+ ", paymentType=" + this.paymentType + ", token=(hidden), schedule=" + this.schedule
				+ ", retrySchedule=" + this.retrySchedule + ", gopay=" + this.gopay + "]";
	}

	/**
	 * Builds a {@link SubscriptionRequest}; {@link #build()} checks it.
	 */
	public static final class Builder {

		private final String name;

		private final long amount;

		private final SubscriptionPaymentType paymentType;

		private final String token;

		private final SubscriptionSchedule schedule;

		private @Nullable SubscriptionRetrySchedule retrySchedule;

		private final Map<String, Object> metadata = new LinkedHashMap<>();

		private @Nullable CustomerDetails customer;

		private @Nullable SubscriptionGopay gopay;

		private Builder(String name, long amount, SubscriptionPaymentType paymentType, String token,
				SubscriptionSchedule schedule) {
			this.name = name;
			this.amount = amount;
			this.paymentType = paymentType;
			this.token = token;
			this.schedule = schedule;
		}

		/**
		 * Set how failed charges are retried.
		 * @param retrySchedule the retry schedule
		 * @return this builder
		 */
		public Builder retrySchedule(SubscriptionRetrySchedule retrySchedule) {
			this.retrySchedule = retrySchedule;
			return this;
		}

		/**
		 * Add a metadata entry.
		 * @param key the key
		 * @param value the value
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.metadata.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
			return this;
		}

		/**
		 * Set the customer.
		 * @param customer the customer
		 * @return this builder
		 */
		public Builder customer(CustomerDetails customer) {
			this.customer = customer;
			return this;
		}

		/**
		 * Set the linked GoPay account.
		 * @param gopay the account
		 * @return this builder
		 */
		public Builder gopay(SubscriptionGopay gopay) {
			this.gopay = gopay;
			return this;
		}

		/**
		 * Build and check the request.
		 * @return the request
		 * @throws IllegalArgumentException when Midtrans would reject it
		 */
		public SubscriptionRequest build() {
			return new SubscriptionRequest(this.name, this.amount, IDR, this.paymentType, this.token, this.schedule,
					this.retrySchedule, this.metadata, this.customer, this.gopay);
		}

	}

}
