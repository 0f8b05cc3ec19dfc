package io.github.springmidtrans.client.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A Core API charge ({@code POST /v2/charge}). Build one with a factory per payment
 * method, then add what the order needs:
 *
 * <pre>{@code
 * ChargeRequest request = ChargeRequest.bankTransfer("ORDER-1", 150_000, Bank.BCA)
 *     .customer(CustomerDetails.of("Budi", "Utomo", "budi@example.com", "08111222333"))
 *     .item(ItemDetail.of("SKU-1", "Coffee beans", 150_000, 1))
 *     .build();
 * }</pre>
 *
 * The record checks what Midtrans would reject anyway: the order id's characters and
 * length, a positive whole-rupiah amount, items that add up to it, and method options
 * that match the payment type.
 *
 * @param paymentType the payment method
 * @param transactionDetails order id and amount
 * @param itemDetails the order lines; required for Akulaku and usually Kredivo
 * @param customerDetails the customer; required for Akulaku and Kredivo
 * @param creditCard card options
 * @param bankTransfer virtual account options
 * @param echannel Mandiri bill options
 * @param gopay GoPay options
 * @param shopeepay ShopeePay options
 * @param qris QRIS options
 * @param cstore convenience store options
 * @param customExpiry when an unpaid transaction expires
 * @param customField1 free text echoed in status answers and notifications, at most 255
 * characters
 * @param customField2 second custom field
 * @param customField3 third custom field
 * @param metadata free-form data echoed in status answers and notifications
 * @param sellerDetails marketplace sellers (Kredivo)
 * @since 0.1.0
 */
public record ChargeRequest(PaymentType paymentType, TransactionDetails transactionDetails,
		List<ItemDetail> itemDetails, @Nullable CustomerDetails customerDetails, @Nullable CreditCardOptions creditCard,
		@Nullable BankTransferOptions bankTransfer, @Nullable EchannelOptions echannel, @Nullable GopayOptions gopay,
		@Nullable ShopeepayOptions shopeepay, @Nullable QrisOptions qris, @Nullable CstoreOptions cstore,
		@Nullable CustomExpiry customExpiry, @Nullable String customField1, @Nullable String customField2,
		@Nullable String customField3, Map<String, Object> metadata, List<SellerDetail> sellerDetails) {

	private static final int MAX_CUSTOM_FIELD = 255;

	public ChargeRequest {
		Objects.requireNonNull(paymentType, "paymentType");
		Objects.requireNonNull(transactionDetails, "transactionDetails");
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		metadata = (metadata != null) ? Map.copyOf(metadata) : Map.of();
		sellerDetails = (sellerDetails != null) ? List.copyOf(sellerDetails) : List.of();
		String orderId = transactionDetails.orderId();
		if (paymentType == PaymentType.UNKNOWN) {
			throw new IllegalArgumentException("Payment type of order '" + orderId + "' must be a known type");
		}
		if (!itemDetails.isEmpty()) {
			long sum = 0;
			for (ItemDetail item : itemDetails) {
				sum = Math.addExact(sum, item.total());
			}
			if (sum != transactionDetails.grossAmount()) {
				throw new IllegalArgumentException("Items of order '" + orderId + "' add up to " + sum
						+ " but the gross amount is " + transactionDetails.grossAmount());
			}
		}
		checkOptions(paymentType, PaymentType.CREDIT_CARD, creditCard, "credit_card", orderId);
		checkOptions(paymentType, PaymentType.BANK_TRANSFER, bankTransfer, "bank_transfer", orderId);
		checkOptions(paymentType, PaymentType.ECHANNEL, echannel, "echannel", orderId);
		checkOptions(paymentType, PaymentType.GOPAY, gopay, "gopay", orderId);
		checkOptions(paymentType, PaymentType.SHOPEEPAY, shopeepay, "shopeepay", orderId);
		checkOptions(paymentType, PaymentType.QRIS, qris, "qris", orderId);
		checkOptions(paymentType, PaymentType.CSTORE, cstore, "cstore", orderId);
		require(paymentType != PaymentType.CREDIT_CARD || creditCard != null, orderId,
				"a card charge needs credit_card options with a token");
		require(paymentType != PaymentType.BANK_TRANSFER || bankTransfer != null, orderId,
				"a bank transfer needs bank_transfer options with a bank");
		require(paymentType != PaymentType.ECHANNEL || echannel != null, orderId,
				"a Mandiri bill needs echannel options");
		require(paymentType != PaymentType.CSTORE || cstore != null, orderId, "a store payment needs cstore options");
		require(paymentType != PaymentType.AKULAKU || (!itemDetails.isEmpty() && customerDetails != null), orderId,
				"Akulaku needs item details and customer details");
		require(paymentType != PaymentType.KREDIVO || customerDetails != null, orderId,
				"Kredivo needs customer details");
		require(paymentType != PaymentType.CREDIT_CARD || customExpiry == null, orderId,
				"custom expiry is not allowed for cards");
		checkCustomField(customField1, orderId);
		checkCustomField(customField2, orderId);
		checkCustomField(customField3, orderId);
	}

	/**
	 * The order id of this charge.
	 * @return {@code transaction_details.order_id}
	 */
	public String orderId() {
		return this.transactionDetails.orderId();
	}

	/**
	 * Start a charge of any payment type; prefer the factories per method.
	 * @param paymentType the payment method
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder builder(PaymentType paymentType, String orderId, long grossAmount) {
		return new Builder(paymentType, orderId, grossAmount);
	}

	/**
	 * Virtual account at BCA, BNI, BRI, Permata or CIMB.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @param bank the bank
	 * @return a builder
	 */
	public static Builder bankTransfer(String orderId, long grossAmount, Bank bank) {
		return builder(PaymentType.BANK_TRANSFER, orderId, grossAmount).bankTransfer(BankTransferOptions.of(bank));
	}

	/**
	 * Mandiri Bill Payment.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @param billInfo1 label shown by the bank
	 * @param billInfo2 value shown by the bank
	 * @return a builder
	 */
	public static Builder echannel(String orderId, long grossAmount, String billInfo1, String billInfo2) {
		return builder(PaymentType.ECHANNEL, orderId, grossAmount).echannel(EchannelOptions.of(billInfo1, billInfo2));
	}

	/**
	 * GoPay QR and deeplink.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder gopay(String orderId, long grossAmount) {
		return builder(PaymentType.GOPAY, orderId, grossAmount);
	}

	/**
	 * ShopeePay deeplink.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @param callbackUrl where the app returns the customer, may be {@code null}
	 * @return a builder
	 */
	public static Builder shopeepay(String orderId, long grossAmount, @Nullable String callbackUrl) {
		return builder(PaymentType.SHOPEEPAY, orderId, grossAmount).shopeepay(new ShopeepayOptions(callbackUrl));
	}

	/**
	 * QRIS.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder qris(String orderId, long grossAmount) {
		return builder(PaymentType.QRIS, orderId, grossAmount);
	}

	/**
	 * Convenience store payment code.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @param store Indomaret or Alfamart
	 * @return a builder
	 */
	public static Builder cstore(String orderId, long grossAmount, Store store) {
		return builder(PaymentType.CSTORE, orderId, grossAmount).cstore(CstoreOptions.of(store));
	}

	/**
	 * Card payment with a token from card tokenization, 3DS on.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @param tokenId the card token
	 * @return a builder
	 */
	public static Builder creditCard(String orderId, long grossAmount, String tokenId) {
		return builder(PaymentType.CREDIT_CARD, orderId, grossAmount).creditCard(CreditCardOptions.token(tokenId));
	}

	/**
	 * Akulaku PayLater; needs items and customer details.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder akulaku(String orderId, long grossAmount) {
		return builder(PaymentType.AKULAKU, orderId, grossAmount);
	}

	/**
	 * Kredivo; needs customer details.
	 * @param orderId the order id
	 * @param grossAmount the amount in whole rupiah
	 * @return a builder
	 */
	public static Builder kredivo(String orderId, long grossAmount) {
		return builder(PaymentType.KREDIVO, orderId, grossAmount);
	}

	private static void checkOptions(PaymentType actual, PaymentType owner, @Nullable Object options, String name,
			String orderId) {
		require(options == null || actual == owner, orderId,
				name + " options do not fit payment type " + actual.wireValue());
	}

	private static void require(boolean condition, String orderId, String problem) {
		if (!condition) {
			throw new IllegalArgumentException("Charge of order '" + orderId + "' is invalid: " + problem);
		}
	}

	private static void checkCustomField(@Nullable String value, String orderId) {
		require(value == null || value.length() <= MAX_CUSTOM_FIELD, orderId,
				"custom fields are at most " + MAX_CUSTOM_FIELD + " characters");
	}

	/**
	 * Builds a {@link ChargeRequest}; {@link #build()} checks it.
	 */
	public static final class Builder {

		private final PaymentType paymentType;

		private final String orderId;

		private final long grossAmount;

		private final List<ItemDetail> items = new ArrayList<>();

		private @Nullable CustomerDetails customer;

		private @Nullable CreditCardOptions creditCard;

		private @Nullable BankTransferOptions bankTransfer;

		private @Nullable EchannelOptions echannel;

		private @Nullable GopayOptions gopay;

		private @Nullable ShopeepayOptions shopeepay;

		private @Nullable QrisOptions qris;

		private @Nullable CstoreOptions cstore;

		private @Nullable CustomExpiry customExpiry;

		private @Nullable String customField1;

		private @Nullable String customField2;

		private @Nullable String customField3;

		private final Map<String, Object> metadata = new LinkedHashMap<>();

		private final List<SellerDetail> sellers = new ArrayList<>();

		private Builder(PaymentType paymentType, String orderId, long grossAmount) {
			this.paymentType = paymentType;
			this.orderId = orderId;
			this.grossAmount = grossAmount;
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
		 * Add order lines.
		 * @param items the lines
		 * @return this builder
		 */
		public Builder items(List<ItemDetail> items) {
			items.forEach(this::item);
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
		 * Set card options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder creditCard(CreditCardOptions options) {
			this.creditCard = options;
			return this;
		}

		/**
		 * Set virtual account options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder bankTransfer(BankTransferOptions options) {
			this.bankTransfer = options;
			return this;
		}

		/**
		 * Set Mandiri bill options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder echannel(EchannelOptions options) {
			this.echannel = options;
			return this;
		}

		/**
		 * Set GoPay options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder gopay(GopayOptions options) {
			this.gopay = options;
			return this;
		}

		/**
		 * Set ShopeePay options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder shopeepay(ShopeepayOptions options) {
			this.shopeepay = options;
			return this;
		}

		/**
		 * Set QRIS options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder qris(QrisOptions options) {
			this.qris = options;
			return this;
		}

		/**
		 * Set convenience store options.
		 * @param options the options
		 * @return this builder
		 */
		public Builder cstore(CstoreOptions options) {
			this.cstore = options;
			return this;
		}

		/**
		 * Set when an unpaid transaction expires.
		 * @param expiry the expiry
		 * @return this builder
		 */
		public Builder customExpiry(CustomExpiry expiry) {
			this.customExpiry = expiry;
			return this;
		}

		/**
		 * Set the custom fields echoed back by Midtrans.
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
		 * Add a metadata entry echoed back by Midtrans.
		 * @param key the key
		 * @param value a JSON-compatible value
		 * @return this builder
		 */
		public Builder metadata(String key, Object value) {
			this.metadata.put(key, value);
			return this;
		}

		/**
		 * Add a marketplace seller.
		 * @param seller the seller
		 * @return this builder
		 */
		public Builder seller(SellerDetail seller) {
			this.sellers.add(Objects.requireNonNull(seller, "seller"));
			return this;
		}

		/**
		 * Check and build the request.
		 * @return the request
		 * @throws IllegalArgumentException when Midtrans would reject it
		 */
		public ChargeRequest build() {
			return new ChargeRequest(this.paymentType, new TransactionDetails(this.orderId, this.grossAmount),
					this.items, this.customer, this.creditCard, this.bankTransfer, this.echannel, this.gopay,
					this.shopeepay, this.qris, this.cstore, this.customExpiry, this.customField1, this.customField2,
					this.customField3, this.metadata, this.sellers);
		}

	}

}
