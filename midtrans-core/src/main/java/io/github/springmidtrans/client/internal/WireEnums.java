package io.github.springmidtrans.client.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Lenient lookup of wire enum values: case-insensitive, unknown values map to the enum's
 * {@code UNKNOWN} constant instead of failing the whole response.
 */
public final class WireEnums {

	/** Per enum type, its constants by lower-case wire value. */
	private static final Map<Class<?>, Map<String, Enum<?>>> BY_WIRE_VALUE = new ConcurrentHashMap<>();

	private WireEnums() {
	}

	/**
	 * Find the constant whose wire value matches, ignoring case. An enum type has one
	 * wire spelling: the first lookup of a type indexes its constants with {@code wire},
	 * and later lookups of that type use the index.
	 * @param <E> the enum type
	 * @param values all constants
	 * @param wire how a constant is written on the wire
	 * @param text the received text
	 * @param unknown the constant for values this version does not know
	 * @return the constant, {@code unknown} for an unrecognised value, or {@code null}
	 * for {@code null} text
	 */
	@SuppressWarnings("unchecked")
	public static <E extends Enum<E>> @Nullable E lookup(E[] values, Function<E, String> wire, @Nullable String text,
			E unknown) {
		if (text == null) {
			return null;
		}
		Class<E> type = unknown.getDeclaringClass();
		Map<String, Enum<?>> byWireValue = BY_WIRE_VALUE.get(type);
		if (byWireValue == null) {
			byWireValue = index(values, wire, unknown);
			BY_WIRE_VALUE.putIfAbsent(type, byWireValue);
		}
		// The keys are lower case without surrounding white space, so text that is a key
		// as received is that key after trimming and lower-casing too.
		Enum<?> found = byWireValue.get(text);
		if (found == null) {
			found = byWireValue.get(text.trim().toLowerCase(Locale.ROOT));
		}
		return (found != null) ? (E) found : unknown;
	}

	private static <E extends Enum<E>> Map<String, Enum<?>> index(E[] values, Function<E, String> wire, E unknown) {
		Map<String, Enum<?>> index = new HashMap<>();
		for (E value : values) {
			if (value != unknown) {
				// The first constant of a spelling wins, as a search in declaration order
				// would find it.
				String key = wire.apply(value).toLowerCase(Locale.ROOT);
				// A spelling with surrounding white space never matches trimmed text.
				if (key.equals(key.trim())) {
					index.putIfAbsent(key, value);
				}
			}
		}
		return Map.copyOf(index);
	}

}
