package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * What Midtrans knows about a card's BIN (its first 6 to 8 digits). Midtrans calls the
 * values advisory: they may change.
 *
 * @param countryName issuing country, such as {@code Indonesia}
 * @param countryCode issuing country code, such as {@code id}
 * @param brand card brand, such as {@code visa}
 * @param binType {@code credit} or {@code debit}
 * @param binClass card class, such as {@code gold}
 * @param bin the BIN
 * @param bankCode issuing bank code, such as {@code bca}
 * @param bank issuing bank name
 * @param registrationRequired deprecated by Midtrans; kept for older answers
 * @since 0.1.0
 */
public record BinInfo(@Nullable String countryName, @Nullable String countryCode, @Nullable String brand,
		@Nullable String binType, @Nullable String binClass, @Nullable String bin, @Nullable String bankCode,
		@Nullable String bank, @Nullable Boolean registrationRequired) {

}
