package io.github.springmidtrans.sample.admin;

import java.util.List;

/**
 * One page of a list.
 *
 * @param <T> the row type
 * @param rows the rows on this page
 * @param page the page number, from 0
 * @param size rows per page
 * @param total rows on all pages
 */
public record Paged<T>(List<T> rows, int page, int size, long total) {

	public Paged {
		rows = List.copyOf(rows);
	}

	/**
	 * Whether a page comes before this one.
	 * @return whether there is a previous page
	 */
	public boolean hasPrevious() {
		return this.page > 0;
	}

	/**
	 * Whether a page comes after this one.
	 * @return whether there is a next page
	 */
	public boolean hasNext() {
		return (long) (this.page + 1) * this.size < this.total;
	}

	/**
	 * How many pages there are.
	 * @return at least 1
	 */
	public long pages() {
		return Math.max(1, (this.total + this.size - 1) / this.size);
	}

}
