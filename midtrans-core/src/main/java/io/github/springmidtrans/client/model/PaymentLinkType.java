package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Whether a payment link charges a fixed amount or lets the customer choose
 * ({@code payment_link_type}).
 *
 * @since 0.1.0
 */
public enum PaymentLinkType {

	/** The gross amount (the default). */
	FIXED_AMOUNT("FIXED_AMOUNT"),

	/** An amount the customer enters within {@code dynamic_amount}. */
	DYNAMIC_AMOUNT("DYNAMIC_AMOUNT"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	PaymentLinkType(String wireValue) {
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
	private static final PaymentLinkType[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable PaymentLinkType fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, PaymentLinkType::wireValue, value, UNKNOWN);
	}

}
