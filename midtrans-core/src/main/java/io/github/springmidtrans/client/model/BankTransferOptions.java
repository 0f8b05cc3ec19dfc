package io.github.springmidtrans.client.model;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Virtual account options ({@code bank_transfer}).
 *
 * @param bank the VA bank: BCA, BNI, BRI, Permata or CIMB
 * @param vaNumber a custom VA number (digits; each bank has its own length rules, a
 * number already in use is silently replaced)
 * @param freeText lines shown on BCA inquiry and payment screens
 * @param bca BCA options
 * @param permata Permata options
 * @since 0.1.0
 */
public record BankTransferOptions(Bank bank, @Nullable String vaNumber, @Nullable FreeText freeText, @Nullable Bca bca,
		@Nullable Permata permata) {

	private static final Set<Bank> VA_BANKS = Set.of(Bank.BCA, Bank.BNI, Bank.BRI, Bank.PERMATA, Bank.CIMB);

	public BankTransferOptions {
		Objects.requireNonNull(bank, "bank");
		if (!VA_BANKS.contains(bank)) {
			throw new IllegalArgumentException(
					"Bank transfer supports BCA, BNI, BRI, Permata and CIMB; use echannel for Mandiri, got " + bank);
		}
		if (vaNumber != null && !vaNumber.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException("Custom VA number must contain digits only");
		}
	}

	/**
	 * A virtual account at a bank, with a number Midtrans picks.
	 * @param bank the bank
	 * @return the options
	 */
	public static BankTransferOptions of(Bank bank) {
		return new BankTransferOptions(bank, null, null, null, null);
	}

	/**
	 * Copy with a custom VA number.
	 * @param vaNumber the digits
	 * @return new options
	 */
	public BankTransferOptions withVaNumber(String vaNumber) {
		return new BankTransferOptions(this.bank, vaNumber, this.freeText, this.bca, this.permata);
	}

	/**
	 * BCA free text lines ({@code free_text}): up to 10 per list.
	 *
	 * @param inquiry lines on the inquiry screen
	 * @param payment lines on the payment screen
	 */
	public record FreeText(List<Line> inquiry, List<Line> payment) {

		public FreeText {
			inquiry = (inquiry != null) ? List.copyOf(inquiry) : List.of();
			payment = (payment != null) ? List.copyOf(payment) : List.of();
		}

		/**
		 * One free text line in two languages, at most 50 characters each.
		 *
		 * @param id Indonesian text
		 * @param en English text
		 */
		public record Line(String id, String en) {

		}

	}

	/**
	 * BCA options.
	 *
	 * @param subCompanyCode the sub company code, only if BCA issued one
	 */
	public record Bca(String subCompanyCode) {

	}

	/**
	 * Permata options.
	 *
	 * @param recipientName the name shown to the payer, at most 20 characters
	 */
	public record Permata(String recipientName) {

	}

}
