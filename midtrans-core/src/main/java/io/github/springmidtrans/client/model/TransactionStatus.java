package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * State of a transaction ({@code transaction_status}) as Midtrans reports it.
 *
 * @since 0.1.0
 */
public enum TransactionStatus {

	/** Created, waiting for the customer (or for 3DS). */
	PENDING("pending"),

	/** Card or GoPay pre-authorisation: funds reserved, capture later. */
	AUTHORIZE("authorize"),

	/** Card charged, settles automatically. */
	CAPTURE("capture"),

	/** Funds settled to the merchant. */
	SETTLEMENT("settlement"),

	/** Rejected by the provider or fraud detection. */
	DENY("deny"),

	/** Cancelled by the merchant or by Midtrans. */
	CANCEL("cancel"),

	/** Not paid in time. */
	EXPIRE("expire"),

	/** Unexpected processing error. */
	FAILURE("failure"),

	/** Fully refunded. */
	REFUND("refund"),

	/** Partly refunded, {@code refund_amount} is cumulative. */
	PARTIAL_REFUND("partial_refund"),

	/** Charged back. */
	CHARGEBACK("chargeback"),

	/** Partly charged back. */
	PARTIAL_CHARGEBACK("partial_chargeback"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	TransactionStatus(String wireValue) {
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
	private static final TransactionStatus[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable TransactionStatus fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, TransactionStatus::wireValue, value, UNKNOWN);
	}

}
