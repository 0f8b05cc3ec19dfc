package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Virtual account provider of an invoice ({@code virtual_accounts[].bank}).
 *
 * @since 0.1.0
 */
public enum InvoiceVaBank {

	/** BCA virtual account; a custom number has 11 digits. */
	BCA_VA("bca_va"),

	/** Mandiri Bill Payment; 1 to 12 digits. */
	MANDIRI_BILL("mandiri_bill"),

	/** BNI virtual account; 1 to 8 digits. */
	BNI_VA("bni_va"),

	/** BRI virtual account; 1 to 13 digits. */
	BRI_VA("bri_va"),

	/** CIMB Niaga virtual account; 1 to 16 digits. */
	CIMB_VA("cimb_va"),

	/** Permata virtual account; 10 digits. */
	PERMATA_VA("permata_va"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	InvoiceVaBank(String wireValue) {
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
	private static final InvoiceVaBank[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable InvoiceVaBank fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, InvoiceVaBank::wireValue, value, UNKNOWN);
	}

}
