package io.github.springmidtrans.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Checks shared by the REST API's controllers; every failure is an
 * {@link IllegalArgumentException}, which the API answers with 400.
 */
final class ApiRequests {

	/** Page size when a list request names none. */
	static final int DEFAULT_LIMIT = 20;

	/** Largest page size a list request may ask for. */
	static final int MAX_LIMIT = 100;

	private ApiRequests() {
	}

	static int limit(int limit) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
		}
		return limit;
	}

	static long before(@Nullable Long before) {
		if (before == null) {
			return Long.MAX_VALUE;
		}
		if (before < 1) {
			throw new IllegalArgumentException("before must be a positive id, got " + before);
		}
		return before;
	}

	static <E extends Enum<E>> @Nullable E status(@Nullable String status, Class<E> type) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, status.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("status must be one of "
					+ Arrays.stream(type.getEnumConstants()).map(Enum::name).toList() + ", got '" + status + "'");
		}
	}

	static <T> T required(@Nullable T value, String name) {
		if (value == null || (value instanceof String text && text.isBlank())) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	static <T, R> List<R> map(@Nullable List<T> values, Function<T, R> mapper) {
		return (values != null) ? values.stream().map(mapper).toList() : List.of();
	}

	static <T> @Nullable Long nextBefore(List<T> page, int limit, Function<T, @Nullable Long> id) {
		return (page.size() < limit) ? null : id.apply(page.get(page.size() - 1));
	}

}
