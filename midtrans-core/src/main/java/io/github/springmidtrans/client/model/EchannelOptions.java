package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Mandiri Bill Payment options ({@code echannel}).
 *
 * @param billInfo1 label shown by the bank (10 characters shown), required
 * @param billInfo2 value shown by the bank (30 characters shown), required
 * @param billInfo3 optional extra line
 * @param billInfo4 optional extra line
 * @param billInfo5 optional extra line
 * @param billInfo6 optional extra line
 * @param billInfo7 optional extra line
 * @param billInfo8 optional extra line
 * @param billKey custom bill key, 6 to 12 digits
 * @since 0.1.0
 */
public record EchannelOptions(String billInfo1, String billInfo2, @Nullable String billInfo3,
		@Nullable String billInfo4, @Nullable String billInfo5, @Nullable String billInfo6, @Nullable String billInfo7,
		@Nullable String billInfo8, @Nullable String billKey) {

	public EchannelOptions {
		if (billInfo1 == null || billInfo1.isBlank() || billInfo2 == null || billInfo2.isBlank()) {
			throw new IllegalArgumentException("Mandiri bill needs bill_info1 and bill_info2");
		}
		if (billKey != null && !billKey.matches("\\d{6,12}")) {
			throw new IllegalArgumentException("Mandiri bill key must be 6 to 12 digits");
		}
	}

	/**
	 * Mandiri bill with the two required lines.
	 * @param billInfo1 label
	 * @param billInfo2 value
	 * @return the options
	 */
	public static EchannelOptions of(String billInfo1, String billInfo2) {
		return new EchannelOptions(billInfo1, billInfo2, null, null, null, null, null, null, null);
	}

}
