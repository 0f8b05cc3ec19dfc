package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * A created Snap checkout session ({@code POST /snap/v1/transactions}).
 *
 * <p>
 * The token opens the session in the {@code snap.js} popup
 * ({@code window.snap.pay(token)}); the redirect URL is the same page as a full window.
 * Both are meant for the customer's browser, but they let anyone holding them open the
 * checkout, so {@link #toString()} shows neither.
 *
 * @param token the Snap token
 * @param redirectUrl the hosted payment page
 * @param raw the complete body
 * @since 0.1.0
 */
public record SnapResponse(@Nullable String token, @Nullable String redirectUrl,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

	@Override
	public String toString() {
		return "SnapResponse[token=" + ((this.token != null) ? "(hidden)" : null) + "]";
	}

}
