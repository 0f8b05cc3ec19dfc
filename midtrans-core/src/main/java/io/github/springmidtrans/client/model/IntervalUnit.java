package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Unit of a subscription schedule ({@code day}, {@code week}, {@code month}) or retry
 * schedule ({@code minute}, {@code hour}, {@code day}).
 *
 * @since 0.1.0
 */
public enum IntervalUnit {

	/** Minutes (retry schedules only). */
	MINUTE("minute"),

	/** Hours (retry schedules only). */
	HOUR("hour"),

	/** Days. */
	DAY("day"),

	/** Weeks (charge schedules only). */
	WEEK("week"),

	/** Months (charge schedules only). */
	MONTH("month"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	IntervalUnit(String wireValue) {
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
	private static final IntervalUnit[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable IntervalUnit fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, IntervalUnit::wireValue, value, UNKNOWN);
	}

}
