package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Payment method of a subscription ({@code payment_type}): a saved card or a linked GoPay
 * account.
 *
 * @since 0.1.0
 */
public enum SubscriptionPaymentType {

	/** Card, charged through its {@code saved_token_id}. */
	CREDIT_CARD("credit_card"),

	/** Linked GoPay account, charged through its payment option token. */
	GOPAY("gopay"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	SubscriptionPaymentType(String wireValue) {
		this.wireValue = wireValue;
	}

	/**
	 * The value as Midtrans writes it.
	 * @return the wire value
	 */
	@JsonValue
	public String wireValue() {
		return this.wireValue;
	}

	// values() copies its array on every call; a lookup runs for every field read.
	private static final SubscriptionPaymentType[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable SubscriptionPaymentType fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, SubscriptionPaymentType::wireValue, value, UNKNOWN);
	}

}
