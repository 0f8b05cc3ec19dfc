package io.github.springmidtrans.client.internal;

import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Lenient lookup of wire enum values: case-insensitive, unknown values map to the enum's
 * {@code UNKNOWN} constant instead of failing the whole response.
 */
public final class WireEnums {

	private WireEnums() {
	}

	/**
	 * Find the constant whose wire value matches, ignoring case.
	 * @param <E> the enum type
	 * @param values all constants
	 * @param wire how a constant is written on the wire
	 * @param text the received text
	 * @param unknown the constant for values this version does not know
	 * @return the constant, {@code unknown} for an unrecognised value, or {@code null}
	 * for {@code null} text
	 */
	public static <E extends Enum<E>> @Nullable E lookup(E[] values, Function<E, String> wire, @Nullable String text,
			E unknown) {
		if (text == null) {
			return null;
		}
		String wanted = text.trim().toLowerCase(Locale.ROOT);
		for (E value : values) {
			if (value != unknown && wire.apply(value).toLowerCase(Locale.ROOT).equals(wanted)) {
				return value;
			}
		}
		return unknown;
	}

}
