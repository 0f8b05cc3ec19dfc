package io.github.springmidtrans.client.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Snap checkout session ({@code POST /snap/v1/transactions}): the order, and which
 * payment methods the hosted page offers.
 *
 * <pre>{@code
 * SnapRequest request = SnapRequest.builder("ORDER-1", 150_000)
 *     .item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
 *     .customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
 *     .enabledPayments("bca_va", "echannel", "qris", "credit_card")
 *     .finishUrl("https://shop.example.com/checkout/finish")
 *     .pageExpiry(SnapPageExpiry.of(30, ExpiryUnit.MINUTE))
 *     .build();
 * }</pre>
 *
 * The record checks what Midtrans would reject: items that do not add up to the gross
 * amount, custom fields over 255 characters, blank payment method names.
 *
 * @param transactionDetails order id and amount
 * @param itemDetails the order lines; they must add up to the gross amount
 * @param customerDetails the customer, shown on the page and prefilled
 * @param enabledPayments payment methods offered, such as {@code bca_va},
 * {@code echannel}, {@code gopay}, {@code other_qris}, {@code credit_card},
 * {@code indomaret}; empty offers every method active on the merchant account
 * @param creditCard card options
 * @param bcaVa BCA virtual account options
 * @param bniVa BNI virtual account options
 * @param briVa BRI virtual account options
 * @param permataVa Permata virtual account options
 * @param cimbVa CIMB virtual account options
 * @param echannel Mandiri Bill labels
 * @param gopay GoPay options (callback to the shop's app)
 * @param shopeepay ShopeePay options
 * @param cstore Alfamart receipt lines
 * @param callbacks where the customer's browser goes after paying
 * @param expiry how long the chosen payment stays payable
 * @param pageExpiry how long the page can be opened
 * @param customField1 free text echoed in notifications, at most 255 characters
 * @param customField2 second custom field
 * @param customField3 third custom field
 * @param metadata free-form data echoed in status answers and notifications
 * @param userId the shop's id of the customer whose GoPay account Snap links and pays
 * from (GoPay tokenization, with {@link GopayOptions#snapTokenization}); at most 255
 * characters, never shown to the customer's browser: prefer a salted hash over an email
 * or a row id
 * @since 0.1.0
 */
public record SnapRequest(TransactionDetails transactionDetails, List<ItemDetail> itemDetails,
		@Nullable CustomerDetails customerDetails, List<String> enabledPayments, @Nullable SnapCreditCard creditCard,
		@Nullable SnapVirtualAccount bcaVa, @Nullable SnapVirtualAccount bniVa, @Nullable SnapVirtualAccount briVa,
		@Nullable SnapVirtualAccount permataVa, @Nullable SnapVirtualAccount cimbVa, @Nullable EchannelOptions echannel,
		@Nullable GopayOptions gopay, @Nullable ShopeepayOptions shopeepay, @Nullable SnapCstore cstore,
		@Nullable Callbacks callbacks, @Nullable SnapExpiry expiry, @Nullable SnapPageExpiry pageExpiry,
		@Nullable String customField1, @Nullable String customField2, @Nullable String customField3,
		Map<String, Object> metadata, @Nullable String userId) {

	private static final int MAX_CUSTOM_FIELD = 255;

	private static final int MAX_USER_ID = 255;

	public SnapRequest {
		Objects.requireNonNull(transactionDetails, "transactionDetails");
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		enabledPayments = (enabledPayments != null) ? List.copyOf(enabledPayments) : List.of();
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		String orderId = transactionDetails.orderId();
		if (!itemDetails.isEmpty()) {
			long sum = 0;
			for (ItemDetail item : itemDetails) {
				sum = Math.addExact(sum, item.total());
			}
			check(sum == transactionDetails.grossAmount(), orderId,
					"items add up to " + sum + " but the gross amount is " + transactionDetails.grossAmount());
		}
		for (String method : enabledPayments) {
			check(method != null && !method.isBlank(), orderId, "enabled_payments holds a blank method");
		}
		for (String field : new String[] { customField1, customField2, customField3 }) {
			check(field == null || field.length() <= MAX_CUSTOM_FIELD, orderId,
					"custom fields are at most " + MAX_CUSTOM_FIELD + " characters");
		}
		check(userId == null || (!userId.isBlank() && userId.length() <= MAX_USER_ID), orderId,
				"user_id is 1 to " + MAX_USER_ID + " characters");
	}

	/**
	 * The order id of this checkout.
	 * @return {@code transaction_details.order_id}
	 */
	public String orderId() {
		return this.transactionDetails.orderId();
	}

	/**
	 * The amount of this checkout.
	 * @return {@code transaction_details.gross_amount}, whole rupiah
	 */
	public long grossAmount() {
		return this.transactionDetails.grossAmount();
	}

	/**
	 * The URL the customer is sent to after paying, if set.
	 * @return {@code callbacks.finish} or {@code null}
	 */
	public @Nullable String finishUrl() {
		return (this.callbacks != null) ? this.callbacks.finish() : null;
	}

	/**
	 * Start a checkout.
	 * @param orderId the order id, 1 to 50 characters of {@code A-Z a-z 0-9 - _ ~ .}
	 * @param grossAmount the amount in whole rupiah, positive
	 * @return a builder
	 */
	public static Builder builder(String orderId, long grossAmount) {
		return new Builder(new TransactionDetails(orderId, grossAmount));
	}

	/**
	 * A builder holding this request, to change some of it.
	 * @return a builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder(this.transactionDetails);
		builder.items.addAll(this.itemDetails);
		builder.customer = this.customerDetails;
		builder.enabledPayments.addAll(this.enabledPayments);
		builder.creditCard = this.creditCard;
		builder.bcaVa = this.bcaVa;
		builder.bniVa = this.bniVa;
		builder.briVa = this.briVa;
		builder.permataVa = this.permataVa;
		builder.cimbVa = this.cimbVa;
		builder.echannel = this.echannel;
		builder.gopay = this.gopay;
		builder.shopeepay = this.shopeepay;
		builder.cstore = this.cstore;
		builder.callbacks = this.callbacks;
		builder.expiry = this.expiry;
		builder.pageExpiry = this.pageExpiry;
		builder.customField1 = this.customField1;
		builder.customField2 = this.customField2;
		builder.customField3 = this.customField3;
		builder.metadata.putAll(this.metadata);
		builder.userId = this.userId;
		return builder;
	}

	private static void check(boolean condition, String orderId, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("Snap checkout of order '" + orderId + "' is invalid: " + problem);
		}
	}

	/**
	 * Builds a {@link SnapRequest}; {@link #build()} checks it.
	 *
	 * @since 0.1.0
	 */
	public static final class Builder {

		private final TransactionDetails transactionDetails;

		private final List<ItemDetail> items = new ArrayList<>();

		private @Nullable CustomerDetails customer;

		private final List<String> enabledPayments = new ArrayList<>();

		private @Nullable SnapCreditCard creditCard;

		private @Nullable SnapVirtualAccount bcaVa;

		private @Nullable SnapVirtualAccount bniVa;

		private @Nullable SnapVirtualAccount briVa;

		private @Nullable SnapVirtualAccount permataVa;

		private @Nullable SnapVirtualAccount cimbVa;

		private @Nullable EchannelOptions echannel;

		private @Nullable GopayOptions gopay;

		private @Nullable ShopeepayOptions shopeepay;

		private @Nullable SnapCstore cstore;

		private @Nullable Callbacks callbacks;

		private @Nullable SnapExpiry expiry;

		private @Nullable SnapPageExpiry pageExpiry;

		private @Nullable String customField1;

		private @Nullable String customField2;

		private @Nullable String customField3;

		private final Map<String, Object> metadata = new LinkedHashMap<>();

		private @Nullable String userId;

		private Builder(TransactionDetails transactionDetails) {
			this.transactionDetails = transactionDetails;
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
		 * @return this builder
		 */
		public Builder customer(@Nullable CustomerDetails customer) {
			this.customer = customer;
			return this;
		}

		/**
		 * Offer only these payment methods (added to any set before).
		 * @param methods such as {@code "bca_va"}, {@code "echannel"},
		 * {@code "other_qris"}
		 * @return this builder
		 */
		public Builder enabledPayments(String... methods) {
			this.enabledPayments.addAll(Arrays.asList(methods));
			return this;
		}

		/**
		 * Offer only these payment methods (added to any set before).
		 * @param methods such as {@code "bca_va"}
		 * @return this builder
		 */
		public Builder enabledPayments(List<String> methods) {
			this.enabledPayments.addAll(methods);
			return this;
		}

		/**
		 * Set the card options.
		 * @param creditCard the options
		 * @return this builder
		 */
		public Builder creditCard(@Nullable SnapCreditCard creditCard) {
			this.creditCard = creditCard;
			return this;
		}

		/**
		 * Set the options of one bank's virtual account.
		 * @param bank BCA, BNI, BRI, Permata or CIMB
		 * @param options the options
		 * @return this builder
		 * @throws IllegalArgumentException for a bank Snap has no options for
		 */
		public Builder virtualAccount(Bank bank, SnapVirtualAccount options) {
			switch (bank) {
				case BCA -> this.bcaVa = options;
				case BNI -> this.bniVa = options;
				case BRI -> this.briVa = options;
				case PERMATA -> this.permataVa = options;
				case CIMB -> this.cimbVa = options;
				default -> throw new IllegalArgumentException("Snap has no virtual account options for " + bank);
			}
			return this;
		}

		/**
		 * Set the Mandiri Bill labels.
		 * @param echannel the labels
		 * @return this builder
		 */
		public Builder echannel(@Nullable EchannelOptions echannel) {
			this.echannel = echannel;
			return this;
		}

		/**
		 * Set the GoPay options.
		 * @param gopay the options
		 * @return this builder
		 */
		public Builder gopay(@Nullable GopayOptions gopay) {
			this.gopay = gopay;
			return this;
		}

		/**
		 * Set the ShopeePay options.
		 * @param shopeepay the options
		 * @return this builder
		 */
		public Builder shopeepay(@Nullable ShopeepayOptions shopeepay) {
			this.shopeepay = shopeepay;
			return this;
		}

		/**
		 * Set the Alfamart receipt lines.
		 * @param cstore the lines
		 * @return this builder
		 */
		public Builder cstore(@Nullable SnapCstore cstore) {
			this.cstore = cstore;
			return this;
		}

		/**
		 * Set where the customer's browser goes after paying; Midtrans adds
		 * {@code order_id}, {@code status_code} and {@code transaction_status}.
		 * @param finishUrl the URL, at most 255 characters
		 * @return this builder
		 */
		public Builder finishUrl(@Nullable String finishUrl) {
			this.callbacks = (finishUrl != null) ? Callbacks.finish(finishUrl) : null;
			return this;
		}

		/**
		 * Set how long the chosen payment stays payable.
		 * @param expiry the expiry
		 * @return this builder
		 */
		public Builder expiry(@Nullable SnapExpiry expiry) {
			this.expiry = expiry;
			return this;
		}

		/**
		 * Set how long the page can be opened.
		 * @param pageExpiry the page expiry
		 * @return this builder
		 */
		public Builder pageExpiry(@Nullable SnapPageExpiry pageExpiry) {
			this.pageExpiry = pageExpiry;
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
		 * Add a metadata entry.
		 * @param key the key
		 * @param value a JSON-compatible value
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.metadata.put(key, value);
			return this;
		}

		/**
		 * The customer whose GoPay account Snap links and pays from ({@code user_id}):
		 * with {@link GopayOptions#snapTokenization} Snap offers to link the account
		 * once, and later checkouts with the same id pay from it with a PIN. Read the
		 * linked account with {@code client.snap().gopayAccount(userId)}.
		 * @param userId the shop's id of the customer, at most 255 characters; keep it
		 * out of the browser and prefer a salted hash over an email or a row id
		 * @return this builder
		 */
		public Builder userId(@Nullable String userId) {
			this.userId = userId;
			return this;
		}

		/**
		 * Build and check the request.
		 * @return the request
		 * @throws IllegalArgumentException when Midtrans would reject it
		 */
		public SnapRequest build() {
			return new SnapRequest(this.transactionDetails, this.items, this.customer, this.enabledPayments,
					this.creditCard, this.bcaVa, this.bniVa, this.briVa, this.permataVa, this.cimbVa, this.echannel,
					this.gopay, this.shopeepay, this.cstore, this.callbacks, this.expiry, this.pageExpiry,
					this.customField1, this.customField2, this.customField3, this.metadata, this.userId);
		}

	}

}
