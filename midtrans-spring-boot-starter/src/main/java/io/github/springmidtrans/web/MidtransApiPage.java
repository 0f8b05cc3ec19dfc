package io.github.springmidtrans.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a REST API listing, newest first.
 *
 * @param <T> the type of the items
 * @param items the items
 * @param nextBefore the value to pass as {@code before} for the next page, {@code null}
 * when this page is the last
 * @since 0.1.0
 */
public record MidtransApiPage<T>(List<T> items, @Nullable Long nextBefore) {

	public MidtransApiPage {
		items = List.copyOf(items);
	}

}
