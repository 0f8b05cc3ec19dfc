package io.github.springmidtrans.internal;

import org.jspecify.annotations.Nullable;

/**
 * Fitting text into the entities' columns. Not API.
 */
public final class Columns {

	private Columns() {
	}

	/**
	 * Cut text to a column's length.
	 * @param text the text, may be {@code null}
	 * @param max the column's length
	 * @return the text, at most {@code max} characters
	 */
	public static @Nullable String fit(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

}
