package io.github.springmidtrans.sample.shop;

import java.util.function.Supplier;

import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.client.model.CreditCardOptions;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.Store;

/**
 * The payment methods offered at checkout, each with the Core API charge it makes.
 */
public enum PaymentOption {

	/** BCA virtual account. */
	BCA_VA("BCA virtual account", "Bank transfer"),

	/** BNI virtual account. */
	BNI_VA("BNI virtual account", "Bank transfer"),

	/** BRI virtual account. */
	BRI_VA("BRI virtual account", "Bank transfer"),

	/** Permata virtual account. */
	PERMATA_VA("Permata virtual account", "Bank transfer"),

	/** Mandiri Bill Payment (echannel): bill key and biller code. */
	MANDIRI_BILL("Mandiri Bill Payment", "Bank transfer"),

	/** QRIS: any Indonesian e-wallet or banking app scans the code. */
	QRIS("QRIS", "E-wallet"),

	/** GoPay: the Gojek app opens through a deeplink or scans a QR code. */
	GOPAY("GoPay", "E-wallet"),

	/** Pay at an Indomaret counter with a payment code. */
	INDOMARET("Indomaret", "Convenience store"),

	/** Pay at an Alfamart counter with a payment code. */
	ALFAMART("Alfamart", "Convenience store"),

	/** Card payment with 3-D Secure, charged at once. */
	CREDIT_CARD("Credit card (test card)", "Card"),

	/** Card payment with 3-D Secure, authorised now and captured later by the shop. */
	CREDIT_CARD_AUTHORIZE("Credit card, captured later (test card)", "Card");

	private final String label;

	private final String group;

	PaymentOption(String label, String group) {
		this.label = label;
		this.group = group;
	}

	/**
	 * How the option reads on the checkout page.
	 * @return the label
	 */
	public String getLabel() {
		return this.label;
	}

	/**
	 * The group the option is listed under.
	 * @return the group
	 */
	public String getGroup() {
		return this.group;
	}

	/**
	 * Whether the option is a card payment, which needs a card token first.
	 * @return {@code true} for the card options
	 */
	public boolean isCard() {
		return this == CREDIT_CARD || this == CREDIT_CARD_AUTHORIZE;
	}

	/**
	 * Start the charge of an order with this method.
	 * @param orderId the Midtrans order id
	 * @param amount the amount in whole rupiah
	 * @param cardToken gives a card token; asked only for card options
	 * @return the charge builder, for items and customer details
	 */
	ChargeRequest.Builder charge(String orderId, long amount, Supplier<String> cardToken) {
		return switch (this) {
			case BCA_VA -> ChargeRequest.bankTransfer(orderId, amount, Bank.BCA);
			case BNI_VA -> ChargeRequest.bankTransfer(orderId, amount, Bank.BNI);
			case BRI_VA -> ChargeRequest.bankTransfer(orderId, amount, Bank.BRI);
			case PERMATA_VA -> ChargeRequest.bankTransfer(orderId, amount, Bank.PERMATA);
			case MANDIRI_BILL -> ChargeRequest.echannel(orderId, amount, "Sample shop", "Order " + orderId);
			case QRIS -> ChargeRequest.qris(orderId, amount);
			case GOPAY -> ChargeRequest.gopay(orderId, amount);
			case INDOMARET -> ChargeRequest.cstore(orderId, amount, Store.INDOMARET);
			case ALFAMART -> ChargeRequest.cstore(orderId, amount, Store.ALFAMART);
			case CREDIT_CARD -> ChargeRequest.creditCard(orderId, amount, cardToken.get());
			case CREDIT_CARD_AUTHORIZE -> ChargeRequest.builder(PaymentType.CREDIT_CARD, orderId, amount)
				.creditCard(CreditCardOptions.token(cardToken.get()).authorizeOnly());
		};
	}

}
