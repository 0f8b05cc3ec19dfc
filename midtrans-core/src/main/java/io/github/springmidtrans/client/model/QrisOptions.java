package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * QRIS options ({@code qris}).
 *
 * @param acquirer {@code gopay} or {@code airpay shopee}; Midtrans picks when absent
 * @since 0.1.0
 */
public record QrisOptions(@Nullable String acquirer) {

	/** The GoPay acquirer. */
	public static final String GOPAY = "gopay";

	/** The ShopeePay acquirer, as Midtrans spells it. */
	public static final String SHOPEEPAY = "airpay shopee";

}
