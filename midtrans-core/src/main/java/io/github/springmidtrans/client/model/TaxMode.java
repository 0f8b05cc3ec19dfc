package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Whether invoice taxes come on top of the prices or are included in them
 * ({@code tax_mode}).
 *
 * @since 0.1.0
 */
public enum TaxMode {

	/** Taxes are added to the prices. */
	EXCLUSIVE("exclusive"),

	/** Prices include the taxes; {@code taxes} are then required. */
	INCLUSIVE("inclusive"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	TaxMode(String wireValue) {
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
	private static final TaxMode[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable TaxMode fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, TaxMode::wireValue, value, UNKNOWN);
	}

}
