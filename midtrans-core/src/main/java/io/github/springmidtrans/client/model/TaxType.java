package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * How an invoice tax value is read ({@code taxes[].type}).
 *
 * @since 0.1.0
 */
public enum TaxType {

	/** The value is a percentage, {@code 10} meaning 10%. */
	PERCENTAGE("percentage"),

	/** The value is an amount in rupiah. */
	FIXED("fixed"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	TaxType(String wireValue) {
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
	private static final TaxType[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable TaxType fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, TaxType::wireValue, value, UNKNOWN);
	}

}
