package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Alfamart receipt lines of a Snap checkout ({@code cstore}); Indomaret uses none.
 *
 * @param alfamartFreeText1 first receipt line, at most 40 characters
 * @param alfamartFreeText2 second receipt line
 * @param alfamartFreeText3 third receipt line
 * @since 0.1.0
 */
public record SnapCstore(@JsonProperty("alfamart_free_text_1") @Nullable String alfamartFreeText1,
		@JsonProperty("alfamart_free_text_2") @Nullable String alfamartFreeText2,
		@JsonProperty("alfamart_free_text_3") @Nullable String alfamartFreeText3) {

	public SnapCstore {
		for (String line : new String[] { alfamartFreeText1, alfamartFreeText2, alfamartFreeText3 }) {
			if (line != null && line.length() > 40) {
				throw new IllegalArgumentException("Alfamart receipt lines are at most 40 characters");
			}
		}
	}

}
