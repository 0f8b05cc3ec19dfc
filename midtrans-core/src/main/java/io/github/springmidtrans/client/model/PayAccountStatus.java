package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * State of a linked GoPay account ({@code account_status}).
 *
 * @since 0.1.0
 */
public enum PayAccountStatus {

	/** Created; the customer has not finished linking yet. */
	PENDING("PENDING"),

	/** The customer did not finish linking in time. */
	EXPIRED("EXPIRED"),

	/** Linked: the account can be charged. */
	ENABLED("ENABLED"),

	/** Unbound by the merchant or the customer. */
	DISABLED("DISABLED"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("UNKNOWN");

	private final String wireValue;

	PayAccountStatus(String wireValue) {
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
	private static final PayAccountStatus[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable PayAccountStatus fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, PayAccountStatus::wireValue, value, UNKNOWN);
	}

}
