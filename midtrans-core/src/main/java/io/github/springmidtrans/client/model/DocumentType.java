package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Kind of document the Invoicing API creates ({@code document_type}).
 *
 * @since 0.1.0
 */
public enum DocumentType {

	/** An invoice (the default). */
	INVOICE("invoice"),

	/** A quotation; needs a quotation date and validity date. */
	QUOTATION("quotation"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	DocumentType(String wireValue) {
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
	private static final DocumentType[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable DocumentType fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, DocumentType::wireValue, value, UNKNOWN);
	}

}
