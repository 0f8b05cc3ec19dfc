package io.github.springmidtrans.client.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Card charge options ({@code credit_card}). Its {@link #toString()} never shows the
 * token.
 *
 * @param tokenId one-time token from card tokenization, or a {@code saved_token_id} for
 * one-click (required)
 * @param authentication whether to run 3DS; keep {@code true} unless the bank agreed
 * otherwise
 * @param bank the acquiring bank
 * @param installmentTerm installment months
 * @param bins allowed BIN prefixes or bank names
 * @param type {@code authorize} for a pre-authorisation; default authorise and capture
 * @param saveTokenId whether Midtrans should return a {@code saved_token_id} for
 * one-click
 * @param pointRedeemAmount points to redeem; {@code -1} redeems all (Mandiri points)
 * @param callbackType {@code js_event} (default) or {@code form}
 * @since 0.1.0
 */
public record CreditCardOptions(String tokenId, @Nullable Boolean authentication, @Nullable Bank bank,
		@Nullable Integer installmentTerm, List<String> bins, @Nullable String type, @Nullable Boolean saveTokenId,
		@Nullable Long pointRedeemAmount, @Nullable String callbackType) {

	public CreditCardOptions {
		if (tokenId == null || tokenId.isBlank()) {
			throw new IllegalArgumentException("Card token id is required");
		}
		bins = (bins != null) ? List.copyOf(bins) : List.of();
	}

	/**
	 * Charge a card token with 3DS.
	 * @param tokenId the token
	 * @return the options
	 */
	public static CreditCardOptions token(String tokenId) {
		return new CreditCardOptions(tokenId, true, null, null, List.of(), null, null, null, null);
	}

	/**
	 * Copy with 3DS on or off.
	 * @param authentication whether to run 3DS
	 * @return new options
	 */
	public CreditCardOptions withAuthentication(boolean authentication) {
		return new CreditCardOptions(this.tokenId, authentication, this.bank, this.installmentTerm, this.bins,
				this.type, this.saveTokenId, this.pointRedeemAmount, this.callbackType);
	}

	/**
	 * Copy with an acquiring bank.
	 * @param bank the bank
	 * @return new options
	 */
	public CreditCardOptions withBank(Bank bank) {
		return new CreditCardOptions(this.tokenId, this.authentication, bank, this.installmentTerm, this.bins,
				this.type, this.saveTokenId, this.pointRedeemAmount, this.callbackType);
	}

	/**
	 * Copy with an installment term.
	 * @param months the term
	 * @return new options
	 */
	public CreditCardOptions withInstallmentTerm(int months) {
		return new CreditCardOptions(this.tokenId, this.authentication, this.bank, months, this.bins, this.type,
				this.saveTokenId, this.pointRedeemAmount, this.callbackType);
	}

	/**
	 * Copy that only authorises (pre-authorisation); capture later.
	 * @return new options
	 */
	public CreditCardOptions authorizeOnly() {
		return new CreditCardOptions(this.tokenId, this.authentication, this.bank, this.installmentTerm, this.bins,
				"authorize", this.saveTokenId, this.pointRedeemAmount, this.callbackType);
	}

	/**
	 * Copy that asks Midtrans for a {@code saved_token_id} for one-click payments.
	 * @return new options
	 */
	public CreditCardOptions saveToken() {
		return new CreditCardOptions(this.tokenId, this.authentication, this.bank, this.installmentTerm, this.bins,
				this.type, true, this.pointRedeemAmount, this.callbackType);
	}

	/**
	 * Copy with allowed BINs.
	 * @param bins BIN prefixes or bank names
	 * @return new options
	 */
	public CreditCardOptions withBins(List<String> bins) {
		return new CreditCardOptions(this.tokenId, this.authentication, this.bank, this.installmentTerm, bins,
				this.type, this.saveTokenId, this.pointRedeemAmount, this.callbackType);
	}

	@Override
	public String toString() {
		return "CreditCardOptions[tokenId=(hidden), authentication=" + this.authentication + ", bank=" + this.bank
				+ ", installmentTerm=" + this.installmentTerm + ", type=" + this.type + "]";
	}

}
