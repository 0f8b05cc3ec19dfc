package io.github.springmidtrans.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Card options of a Snap checkout ({@code credit_card}). The customer enters the card on
 * the Snap page, so unlike a Core API charge there is no token here.
 *
 * @param secure whether to use 3-D Secure
 * @param bank the acquiring bank, such as {@code bca} or {@code bni}
 * @param channel the acquiring channel, such as {@code migs}
 * @param type {@code authorize} (capture later) or {@code authorize_capture} (the
 * default)
 * @param whitelistBins card number prefixes or bank names that are accepted; empty
 * accepts all
 * @param saveCard whether to offer saving the card for one-click payments
 * @since 0.1.0
 */
public record SnapCreditCard(@Nullable Boolean secure, @Nullable String bank, @Nullable String channel,
		@Nullable String type, List<String> whitelistBins, @Nullable Boolean saveCard) {

	public SnapCreditCard {
		whitelistBins = (whitelistBins != null) ? List.copyOf(whitelistBins) : List.of();
	}

	/**
	 * Card payments with 3-D Secure, the usual choice.
	 * @return the options
	 */
	public static SnapCreditCard threeDSecure() {
		return new SnapCreditCard(true, null, null, null, List.of(), null);
	}

	/**
	 * These options with an acquiring bank.
	 * @param bank such as {@code bca}
	 * @return new options
	 */
	public SnapCreditCard withBank(String bank) {
		return new SnapCreditCard(this.secure, bank, this.channel, this.type, this.whitelistBins, this.saveCard);
	}

	/**
	 * These options accepting only some cards.
	 * @param bins card number prefixes (up to 8 digits) or bank names
	 * @return new options
	 */
	public SnapCreditCard withWhitelistBins(String... bins) {
		return new SnapCreditCard(this.secure, this.bank, this.channel, this.type, List.of(bins), this.saveCard);
	}

}
