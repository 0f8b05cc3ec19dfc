package io.github.springmidtrans.client.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A payment link ({@code POST /v1/payment-links}):
 *
 * <pre>{@code
 * PaymentLinkRequest request = PaymentLinkRequest.fixedAmount("concert-ticket-05", 190_000)
 *     .item(ItemDetail.of("TICKET-A", "Ticket", 95_000, 2))
 *     .usageLimit(1)
 *     .expiry(LinkExpiry.after(2, LinkExpiryUnit.DAY))
 *     .build();
 * }</pre>
 *
 * The record checks what Midtrans would reject: for a fixed amount a positive gross
 * amount that the items add up to, for a dynamic amount its bounds, a usage limit of 1 to
 * 1,000,000, custom fields of at most 255 characters.
 *
 * @param transactionDetails order id, amount and link slug
 * @param usageLimit how many payments the link accepts (a pending payment holds one use
 * until it expires)
 * @param expiry when the link expires
 * @param enabledPayments payment methods offered, such as {@code credit_card} or
 * {@code bca_va}; empty offers all
 * @param itemDetails the order lines (Core-shaped)
 * @param customerDetails the customer
 * @param customerRequired whether the customer must enter their details
 * @param title the title shown on the payment page
 * @param paymentLinkType fixed (the default) or dynamic amount
 * @param dynamicAmount bounds of a dynamic amount
 * @param customField1 free text echoed in notifications, at most 255 characters
 * @param customField2 second custom field
 * @param customField3 third custom field
 * @param callbacks where the customer is sent after paying
 * @since 0.1.0
 */
public record PaymentLinkRequest(PaymentLinkTransactionDetails transactionDetails, @Nullable Integer usageLimit,
		@Nullable LinkExpiry expiry, List<String> enabledPayments, List<ItemDetail> itemDetails,
		@Nullable PaymentLinkCustomer customerDetails, @Nullable Boolean customerRequired, @Nullable String title,
		@Nullable PaymentLinkType paymentLinkType, @Nullable DynamicAmount dynamicAmount, @Nullable String customField1,
		@Nullable String customField2, @Nullable String customField3, @Nullable Callbacks callbacks) {

	private static final int MAX_USAGE_LIMIT = 1_000_000;

	private static final int MAX_CUSTOM_FIELD = 255;

	public PaymentLinkRequest {
		Objects.requireNonNull(transactionDetails, "transactionDetails");
		enabledPayments = (enabledPayments != null) ? List.copyOf(enabledPayments) : List.of();
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		String orderId = transactionDetails.orderId();
		check(paymentLinkType != PaymentLinkType.UNKNOWN, orderId,
				"payment_link_type must be FIXED_AMOUNT or DYNAMIC_AMOUNT");
		check(usageLimit == null || (usageLimit >= 1 && usageLimit <= MAX_USAGE_LIMIT), orderId,
				"usage_limit must be 1 to " + MAX_USAGE_LIMIT + ", got " + usageLimit);
		if (paymentLinkType == PaymentLinkType.DYNAMIC_AMOUNT) {
			check(dynamicAmount != null, orderId, "a dynamic amount link needs dynamic_amount");
		}
		else {
			check(dynamicAmount == null, orderId, "dynamic_amount needs payment_link_type DYNAMIC_AMOUNT");
			Long gross = transactionDetails.grossAmount();
			check(gross != null, orderId, "a fixed amount link needs a gross amount");
			if (!itemDetails.isEmpty()) {
				long sum = 0;
				for (ItemDetail item : itemDetails) {
					sum = Math.addExact(sum, item.total());
				}
				check(sum == gross, orderId, "items add up to " + sum + " but the gross amount is " + gross);
			}
		}
		check(customField1 == null || customField1.length() <= MAX_CUSTOM_FIELD, orderId,
				"custom fields are at most " + MAX_CUSTOM_FIELD + " characters");
		check(customField2 == null || customField2.length() <= MAX_CUSTOM_FIELD, orderId,
				"custom fields are at most " + MAX_CUSTOM_FIELD + " characters");
		check(customField3 == null || customField3.length() <= MAX_CUSTOM_FIELD, orderId,
				"custom fields are at most " + MAX_CUSTOM_FIELD + " characters");
	}

	/**
	 * The order id of this link.
	 * @return {@code transaction_details.order_id}
	 */
	public String orderId() {
		return this.transactionDetails.orderId();
	}

	/**
	 * Start a link that charges a fixed amount.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder fixedAmount(String orderId, long grossAmount) {
		return new Builder(orderId, grossAmount, PaymentLinkType.FIXED_AMOUNT, null);
	}

	/**
	 * Start a link where the customer enters the amount.
	 * @param orderId the order id
	 * @param bounds the allowed amounts
	 * @return a builder
	 */
	public static Builder dynamicAmount(String orderId, DynamicAmount bounds) {
		return new Builder(orderId, null, PaymentLinkType.DYNAMIC_AMOUNT, Objects.requireNonNull(bounds, "bounds"));
	}

	private static void check(boolean condition, String orderId, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("Payment link of order '" + orderId + "' is invalid: " + problem);
		}
	}

	/**
	 * Builds a {@link PaymentLinkRequest}; {@link #build()} checks it.
	 */
	public static final class Builder {

		private final String orderId;

		private final @Nullable Long grossAmount;

		private final PaymentLinkType type;

		private final @Nullable DynamicAmount dynamicAmount;

		private @Nullable String paymentLinkId;

		private @Nullable Integer usageLimit;

		private @Nullable LinkExpiry expiry;

		private final List<String> enabledPayments = new ArrayList<>();

		private final List<ItemDetail> items = new ArrayList<>();

		private @Nullable PaymentLinkCustomer customer;

		private @Nullable Boolean customerRequired;

		private @Nullable String title;

		private @Nullable String customField1;

		private @Nullable String customField2;

		private @Nullable String customField3;

		private @Nullable Callbacks callbacks;

		private Builder(String orderId, @Nullable Long grossAmount, PaymentLinkType type,
				@Nullable DynamicAmount dynamicAmount) {
			this.orderId = orderId;
			this.grossAmount = grossAmount;
			this.type = type;
			this.dynamicAmount = dynamicAmount;
		}

		/**
		 * Set the URL slug.
		 * @param paymentLinkId 1 to 50 characters of {@code a-z 0-9 -}
		 * @return this builder
		 */
		public Builder paymentLinkId(String paymentLinkId) {
			this.paymentLinkId = paymentLinkId;
			return this;
		}

		/**
		 * Set how many payments the link accepts.
		 * @param usageLimit 1 to 1,000,000
		 * @return this builder
		 */
		public Builder usageLimit(int usageLimit) {
			this.usageLimit = usageLimit;
			return this;
		}

		/**
		 * Set when the link expires.
		 * @param expiry the expiry
		 * @return this builder
		 */
		public Builder expiry(LinkExpiry expiry) {
			this.expiry = expiry;
			return this;
		}

		/**
		 * Offer only these payment methods.
		 * @param methods such as {@code "credit_card"}, {@code "bca_va"}
		 * @return this builder
		 */
		public Builder enabledPayments(String... methods) {
			this.enabledPayments.addAll(Arrays.asList(methods));
			return this;
		}

		/**
		 * Add an order line.
		 * @param item the line
		 * @return this builder
		 */
		public Builder item(ItemDetail item) {
			this.items.add(Objects.requireNonNull(item, "item"));
			return this;
		}

		/**
		 * Set the customer.
		 * @param customer the customer
		 * @param required whether the customer must enter their details
		 * @return this builder
		 */
		public Builder customer(@Nullable PaymentLinkCustomer customer, boolean required) {
			this.customer = customer;
			this.customerRequired = required;
			return this;
		}

		/**
		 * Set the page title.
		 * @param title the title
		 * @return this builder
		 */
		public Builder title(String title) {
			this.title = title;
			return this;
		}

		/**
		 * Set the custom fields echoed in notifications.
		 * @param field1 first field, may be {@code null}
		 * @param field2 second field, may be {@code null}
		 * @param field3 third field, may be {@code null}
		 * @return this builder
		 */
		public Builder customFields(@Nullable String field1, @Nullable String field2, @Nullable String field3) {
			this.customField1 = field1;
			this.customField2 = field2;
			this.customField3 = field3;
			return this;
		}

		/**
		 * Set where the customer goes after paying.
		 * @param finishUrl the URL
		 * @return this builder
		 */
		public Builder finishUrl(String finishUrl) {
			this.callbacks = Callbacks.finish(finishUrl);
			return this;
		}

		/**
		 * Build and check the request.
		 * @return the request
		 * @throws IllegalArgumentException when Midtrans would reject it
		 */
		public PaymentLinkRequest build() {
			return new PaymentLinkRequest(
					new PaymentLinkTransactionDetails(this.orderId, this.grossAmount, this.paymentLinkId),
					this.usageLimit, this.expiry, this.enabledPayments, this.items, this.customer,
					this.customerRequired, this.title, this.type, this.dynamicAmount, this.customField1,
					this.customField2, this.customField3, this.callbacks);
		}

	}

}
