package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Bank of a virtual account, card acquirer or issuer.
 *
 * @since 0.1.0
 */
public enum Bank {

	/** Bank Central Asia. */
	BCA("bca"),

	/** Bank Negara Indonesia. */
	BNI("bni"),

	/** Bank Rakyat Indonesia. */
	BRI("bri"),

	/** Bank Permata. */
	PERMATA("permata"),

	/** CIMB Niaga. */
	CIMB("cimb"),

	/** Bank Mandiri. */
	MANDIRI("mandiri"),

	/** Maybank. */
	MAYBANK("maybank"),

	/** Bank Mega. */
	MEGA("mega"),

	/** Bank Danamon. */
	DANAMON("danamon"),

	/** Bank Syariah Indonesia. */
	BSI("bsi"),

	/** SeaBank. */
	SEABANK("seabank"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	Bank(String wireValue) {
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
	private static final Bank[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable Bank fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, Bank::wireValue, value, UNKNOWN);
	}

}
