package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * State of an invoice or quotation ({@code status}).
 *
 * @since 0.1.0
 */
public enum InvoiceStatus {

	/** Not published yet. */
	DRAFT("draft"),

	/** Published, awaiting payment. */
	PENDING("pending"),

	/** A published quotation. */
	PUBLISHED("published"),

	/** An accepted quotation. */
	ACCEPTED("accepted"),

	/** Every means of payment has expired. */
	EXPIRED("expired"),

	/** Past the due date but still payable. */
	OVERDUE("overdue"),

	/** Paid; stays paid even if the payment is later refunded. */
	PAID("paid"),

	/** Voided by the merchant. */
	VOIDED("voided"),

	/** A quotation voided as rejected by the client. */
	REJECTED("rejected"),

	/** Cancelled; Midtrans writes both {@code cancelled} and {@code canceled}. */
	CANCELLED("cancelled"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	InvoiceStatus(String wireValue) {
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
	private static final InvoiceStatus[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable InvoiceStatus fromWireValue(@Nullable String value) {
		String normalized = (value != null && value.trim().equalsIgnoreCase("canceled")) ? "cancelled" : value;
		return WireEnums.lookup(VALUES, InvoiceStatus::wireValue, normalized, UNKNOWN);
	}

}
