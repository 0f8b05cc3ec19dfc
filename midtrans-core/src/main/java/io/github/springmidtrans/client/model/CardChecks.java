package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the card request records. Messages name the field, never its value:
 * card data must not reach logs or exception messages.
 */
final class CardChecks {

	private static final int MIN_DIGITS = 12;

	private static final int MAX_DIGITS = 19;

	private CardChecks() {
	}

	/**
	 * Check a card number and drop the spaces people type between digit groups.
	 * @param number the number as given
	 * @param what the request type, for the message
	 * @return the digits only
	 */
	static String cardNumber(@Nullable String number, String what) {
		if (number == null || number.isBlank()) {
			throw new IllegalArgumentException(what + ": card_number is required");
		}
		String digits = number.replace(" ", "");
		if (!isDigits(digits) || digits.length() < MIN_DIGITS || digits.length() > MAX_DIGITS) {
			throw new IllegalArgumentException(
					what + ": card_number must be " + MIN_DIGITS + " to " + MAX_DIGITS + " digits (spaces allowed)");
		}
		if (!passesLuhn(digits)) {
			throw new IllegalArgumentException(
					what + ": card_number fails the Luhn check digit; it is probably mistyped");
		}
		return digits;
	}

	static String expiryMonth(@Nullable String month, String what) {
		if (month == null || month.length() != 2 || !isDigits(month) || month.equals("00")
				|| Integer.parseInt(month) > 12) {
			throw new IllegalArgumentException(what + ": card_exp_month must be two digits from 01 to 12");
		}
		return month;
	}

	static String expiryYear(@Nullable String year, String what) {
		if (year == null || year.length() != 4 || !isDigits(year)) {
			throw new IllegalArgumentException(what + ": card_exp_year must be four digits, such as 2030");
		}
		return year;
	}

	static String cvv(@Nullable String cvv, String what) {
		if (cvv == null || cvv.length() < 3 || cvv.length() > 4 || !isDigits(cvv)) {
			throw new IllegalArgumentException(what + ": card_cvv must be 3 or 4 digits");
		}
		return cvv;
	}

	static boolean isDigits(String text) {
		if (text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean passesLuhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	static String hidden(@Nullable Object value) {
		return (value != null) ? "(hidden)" : "null";
	}

}
