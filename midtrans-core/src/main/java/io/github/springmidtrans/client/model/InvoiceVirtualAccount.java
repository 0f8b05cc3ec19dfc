package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import org.jspecify.annotations.Nullable;

/**
 * A virtual account an invoice can be paid into ({@code virtual_accounts[]}). Requests
 * send the provider as {@code bank}; answers are read from {@code bank} or {@code name}
 * (Midtrans documents both).
 *
 * @param bank the provider
 * @param number a custom number in requests (each provider has its own length), the
 * assigned number in answers
 * @since 0.1.0
 */
public record InvoiceVirtualAccount(@JsonAlias("name") @Nullable InvoiceVaBank bank, @Nullable String number) {

	/**
	 * A virtual account whose number Midtrans assigns.
	 * @param bank the provider
	 * @return the virtual account
	 */
	public static InvoiceVirtualAccount of(InvoiceVaBank bank) {
		return new InvoiceVirtualAccount(bank, null);
	}

	/**
	 * A virtual account with a custom number.
	 * @param bank the provider
	 * @param number the digits
	 * @return the virtual account
	 */
	public static InvoiceVirtualAccount of(InvoiceVaBank bank, String number) {
		return new InvoiceVirtualAccount(bank, number);
	}

}
