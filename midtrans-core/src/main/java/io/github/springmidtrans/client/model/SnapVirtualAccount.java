package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Options of one bank's virtual account in a Snap checkout ({@code bca_va},
 * {@code bni_va}, {@code bri_va}, {@code permata_va}, {@code cimb_va}): a custom number
 * and the bank-specific extras. Which fields a bank honours and the allowed number
 * lengths differ per bank (BCA 6 to 11 digits, BNI 1 to 8, BRI 1 to 13, CIMB 1 to 12,
 * Permata 10 and only for B2B).
 *
 * @param vaNumber a custom number, digits only
 * @param subCompanyCode BCA only, when BCA issued one
 * @param recipientName Permata only, shown upper-case, at most 20 characters
 * @since 0.1.0
 */
public record SnapVirtualAccount(@Nullable String vaNumber, @Nullable String subCompanyCode,
		@Nullable String recipientName) {

	public SnapVirtualAccount {
		if (vaNumber != null && !vaNumber.matches("[0-9]{1,19}")) {
			throw new IllegalArgumentException("A virtual account number is 1 to 19 digits, got '" + vaNumber + "'");
		}
	}

	/**
	 * A custom virtual account number.
	 * @param vaNumber digits only
	 * @return the options
	 */
	public static SnapVirtualAccount number(String vaNumber) {
		return new SnapVirtualAccount(vaNumber, null, null);
	}

}
