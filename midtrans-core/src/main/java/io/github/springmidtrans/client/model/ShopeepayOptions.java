package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * ShopeePay options ({@code shopeepay}).
 *
 * @param callbackUrl where the ShopeePay app returns the customer
 * @since 0.1.0
 */
public record ShopeepayOptions(@Nullable String callbackUrl) {

}
