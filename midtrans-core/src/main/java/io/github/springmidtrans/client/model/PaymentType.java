package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.github.springmidtrans.client.internal.WireEnums;
import org.jspecify.annotations.Nullable;

/**
 * Payment method of a transaction ({@code payment_type}).
 *
 * @since 0.1.0
 */
public enum PaymentType {

	/** Card payment, with 3DS, installments or pre-authorisation. */
	CREDIT_CARD("credit_card"),

	/** Virtual account of BCA, BNI, BRI, Permata or CIMB. */
	BANK_TRANSFER("bank_transfer"),

	/** Mandiri Bill Payment (bill key and biller code). */
	ECHANNEL("echannel"),

	/** GoPay QR, deeplink or tokenized account. */
	GOPAY("gopay"),

	/** ShopeePay deeplink. */
	SHOPEEPAY("shopeepay"),

	/** QRIS, payable from any QRIS app. */
	QRIS("qris"),

	/** Convenience store: Indomaret or Alfamart. */
	CSTORE("cstore"),

	/** Akulaku PayLater. */
	AKULAKU("akulaku"),

	/** Kredivo. */
	KREDIVO("kredivo"),

	/** OVO (Snap only). */
	OVO("ovo"),

	/** DANA (Snap only). */
	DANA("dana"),

	/** BCA KlikPay (legacy). */
	BCA_KLIKPAY("bca_klikpay"),

	/** KlikBCA (legacy). */
	BCA_KLIKBCA("bca_klikbca"),

	/** BRImo / BRI e-Pay (legacy). */
	BRI_EPAY("bri_epay"),

	/** CIMB Clicks (legacy). */
	CIMB_CLICKS("cimb_clicks"),

	/** Danamon Online Banking (legacy). */
	DANAMON_ONLINE("danamon_online"),

	/** Mandiri Clickpay (legacy). */
	MANDIRI_CLICKPAY("mandiri_clickpay"),

	/** UOB EZPay (legacy). */
	UOB_EZPAY("uob_ezpay"),

	/** A value this version of the library does not know; see the raw answer. */
	UNKNOWN("unknown");

	private final String wireValue;

	PaymentType(String wireValue) {
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
	private static final PaymentType[] VALUES = values();

	/**
	 * Read a wire value, ignoring case; unknown values give {@link #UNKNOWN}.
	 * @param value the wire value
	 * @return the constant, or {@code null} for {@code null}
	 */
	@JsonCreator
	public static @Nullable PaymentType fromWireValue(@Nullable String value) {
		return WireEnums.lookup(VALUES, PaymentType::wireValue, value, UNKNOWN);
	}

}
