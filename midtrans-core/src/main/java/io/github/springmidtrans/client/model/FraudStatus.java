package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Verdict of Midtrans fraud detection ({@code fraud_status}); absent for low-risk
 * methods.
 *
 * @since 0.1.0
 */
public enum FraudStatus {

	/** Passed fraud detection. */
	ACCEPT("accept"),

	/** Needs the merchant to approve or deny. */
	CHALLENGE("challenge"),

	/** Rejected by fraud detection. */
	DENY("deny"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	FraudStatus(String wireValue) {
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
	private static final FraudStatus[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable FraudStatus fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, FraudStatus::wireValue, value, UNKNOWN);
	}

}
