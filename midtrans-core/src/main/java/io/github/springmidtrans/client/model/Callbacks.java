package io.github.springmidtrans.client.model;

import org.jspecify.annotations.Nullable;

/**
 * Where Midtrans sends the customer's browser after paying through a link
 * ({@code callbacks}).
 *
 * @param finish the URL opened after payment; invoice payment links require https
 * @since 0.1.0
 */
public record Callbacks(@Nullable String finish) {

	/**
	 * Redirect to a URL after payment.
	 * @param finish the URL
	 * @return the callbacks
	 */
	public static Callbacks finish(String finish) {
		return new Callbacks(finish);
	}

}
