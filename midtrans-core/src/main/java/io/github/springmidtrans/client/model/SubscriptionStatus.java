package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * State of a subscription ({@code status}).
 *
 * @since 0.1.0
 */
public enum SubscriptionStatus {

	/** Charging on schedule. */
	ACTIVE("active"),

	/** No longer charging: disabled, finished or dead after failed retries. */
	INACTIVE("inactive"),

	/** Disabled; reported by some integrations instead of {@code inactive}. */
	DISABLED("disabled"),

	/** Cancelled; {@code canceled} is read as this too. */
	CANCELLED("cancelled"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	SubscriptionStatus(String wireValue) {
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
	private static final SubscriptionStatus[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable SubscriptionStatus fromWireValue(@Nullable String value) {
		String normalized = (value != null && value.trim().equalsIgnoreCase("canceled")) ? "cancelled" : value;
		return WireEnums.lookup(VALUES, SubscriptionStatus::wireValue, normalized, UNKNOWN);
	}

}
