package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * The linked GoPay account a subscription charges ({@code gopay}); required when the
 * payment type is {@code gopay}.
 *
 * @param accountId the pay account id from GoPay account linking
 * @since 0.1.0
 */
public record SubscriptionGopay(@Nullable String accountId) {

	/**
	 * Refer to a linked account.
	 * @param accountId the pay account id
	 * @return the GoPay details
	 */
	public static SubscriptionGopay of(String accountId) {
		return new SubscriptionGopay(accountId);
	}

}
