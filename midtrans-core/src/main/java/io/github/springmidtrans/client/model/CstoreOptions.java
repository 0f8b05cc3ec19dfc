package io.github.springmidtrans.client.model;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Convenience store options ({@code cstore}).
 *
 * @param store Indomaret or Alfamart
 * @param message message on the Indomaret receipt
 * @param alfamartFreeText1 first Alfamart receipt line (avoid {@code |})
 * @param alfamartFreeText2 second Alfamart receipt line
 * @param alfamartFreeText3 third Alfamart receipt line
 * @since 0.1.0
 */
public record CstoreOptions(Store store, @Nullable String message,
		@JsonProperty("alfamart_free_text_1") @Nullable String alfamartFreeText1,
		@JsonProperty("alfamart_free_text_2") @Nullable String alfamartFreeText2,
		@JsonProperty("alfamart_free_text_3") @Nullable String alfamartFreeText3) {

	public CstoreOptions {
		Objects.requireNonNull(store, "store");
		if (store == Store.UNKNOWN) {
			throw new IllegalArgumentException("Store must be Indomaret or Alfamart");
		}
	}

	/**
	 * Pay at a store.
	 * @param store the store
	 * @return the options
	 */
	public static CstoreOptions of(Store store) {
		return new CstoreOptions(store, null, null, null, null);
	}

}
