package io.github.springmidtrans.client.model;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A payment link and the payments made through it ({@code GET
 * /v1/payment-links/{order_id}}). Each payment attempt has its own order id (the link's
 * plus a suffix): map notifications back to the link through {@link #purchases()}.
 * Anything not modelled is in {@link #raw()}.
 *
 * @param id Midtrans' internal id of the link
 * @param orderId the link's order id
 * @param paymentLinkId the URL slug
 * @param paymentLinkUrl the payment page
 * @param paymentLinkType fixed or dynamic amount
 * @param merchantId the merchant id
 * @param grossAmount the amount of a fixed amount link
 * @param enabledPayments the payment methods offered
 * @param usage how many payments used the link
 * @param usageLimit how many payments it accepts
 * @param expiryStart when the expiry countdown started
 * @param expiryDuration the expiry duration
 * @param expiryUnit the expiry unit (Midtrans writes it in plural)
 * @param itemDetails the order lines
 * @param customerDetails the customer
 * @param purchases the payment attempts
 * @param raw the complete body
 * @since 0.1.0
 */
public record PaymentLinkDetails(@Nullable String id, @Nullable String orderId, @Nullable String paymentLinkId,
		@Nullable String paymentLinkUrl, @Nullable PaymentLinkType paymentLinkType, @Nullable String merchantId,
		@Nullable BigDecimal grossAmount, List<String> enabledPayments, @Nullable Integer usage,
		@Nullable Integer usageLimit, @Nullable OffsetDateTime expiryStart, @Nullable Integer expiryDuration,
		@Nullable LinkExpiryUnit expiryUnit, List<Item> itemDetails, @Nullable Customer customerDetails,
		List<Purchase> purchases, @JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	public PaymentLinkDetails {
		enabledPayments = (enabledPayments != null) ? List.copyOf(enabledPayments) : List.of();
		itemDetails = (itemDetails != null) ? List.copyOf(itemDetails) : List.of();
		purchases = (purchases != null) ? List.copyOf(purchases) : List.of();
	}

	@Override
	public String toString() {
		return "PaymentLinkDetails[orderId=" + this.orderId + ", paymentLinkId=" + this.paymentLinkId
				+ ", paymentLinkType=" + this.paymentLinkType + ", grossAmount=" + this.grossAmount + ", usage="
				+ this.usage + ", usageLimit=" + this.usageLimit + ", purchases=" + this.purchases.size() + "]";
	}

	/**
	 * An order line as stored with the link.
	 *
	 * @param id Midtrans' internal id of the line
	 * @param itemId the merchant's item id
	 * @param name the name
	 * @param price the unit price
	 * @param quantity the quantity
	 * @param brand the brand
	 * @param category the category
	 * @param merchantName the merchant selling the item
	 */
	public record Item(@Nullable String id, @Nullable String itemId, @Nullable String name, @Nullable BigDecimal price,
			@Nullable Integer quantity, @Nullable String brand, @Nullable String category,
			@Nullable String merchantName) {

	}

	/**
	 * The customer as stored with the link.
	 *
	 * @param firstName first name
	 * @param lastName last name
	 * @param email email address
	 * @param phone phone number
	 * @param notes the message shown to the customer
	 */
	public record Customer(@Nullable String firstName, @Nullable String lastName, @Nullable String email,
			@Nullable String phone, @Nullable String notes) {

	}

	/**
	 * One payment attempt through the link. Its state arrives in upper case
	 * ({@code EXPIRE}, {@code SETTLEMENT}) and is read case-insensitively.
	 *
	 * @param id Midtrans' id of the attempt
	 * @param orderId the attempt's own order id, as in its payment notification
	 * @param paymentStatus the transaction state
	 * @param paymentMethod the method used, such as {@code BANK_TRANSFER}
	 */
	public record Purchase(@Nullable String id, @Nullable String orderId, @Nullable TransactionStatus paymentStatus,
			@Nullable String paymentMethod) {

	}

}
