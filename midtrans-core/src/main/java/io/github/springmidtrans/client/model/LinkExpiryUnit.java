package io.github.springmidtrans.client.model;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Unit of a payment link expiry ({@code expiry.unit}). Midtrans also accepts and sends
 * plural forms ({@code days}); they are read as the same constants.
 *
 * @since 0.1.0
 */
public enum LinkExpiryUnit {

	/** Minutes. */
	MINUTE("minute"),

	/** Hours. */
	HOUR("hour"),

	/** Days. */
	DAY("day"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	LinkExpiryUnit(String wireValue) {
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
	private static final LinkExpiryUnit[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable LinkExpiryUnit fromWireValue(@Nullable String value) {
		String singular = value;
		if (value != null && value.trim().length() > 1 && value.trim().toLowerCase(Locale.ROOT).endsWith("s")) {
			String trimmed = value.trim();
			singular = trimmed.substring(0, trimmed.length() - 1);
		}
		return WireEnums.lookup(VALUES, LinkExpiryUnit::wireValue, singular, UNKNOWN);
	}

}
