package io.github.springmidtrans.query;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a listing of stored records keeps: every part left {@code null} keeps everything.
 * Start from {@link #any()} and narrow it:
 * {@code QueryFilter.<PaymentStatus>any().status(PaymentStatus.PENDING).paymentType("qris")}.
 *
 * @param <S> the records' status type
 * @param status only records in this status
 * @param createdFrom only records created at or after this time
 * @param createdBefore only records created before this time
 * @param orderId only records of this order id (exact, letter case included)
 * @param customerEmail only records of this customer e-mail (letter case ignored)
 * @param paymentType only records of this payment method, named as Midtrans names it, in
 * lower case ({@code bank_transfer}, {@code qris}, {@code gopay}, ...)
 * @since 0.1.0
 */
public record QueryFilter<S extends Enum<S>>(@Nullable S status, @Nullable Instant createdFrom,
		@Nullable Instant createdBefore, @Nullable String orderId, @Nullable String customerEmail,
		@Nullable String paymentType) {

	/**
	 * A filter that keeps everything.
	 * @param <S> the records' status type
	 * @return the filter
	 */
	public static <S extends Enum<S>> QueryFilter<S> any() {
		return new QueryFilter<>(null, null, null, null, null, null);
	}

	/**
	 * Keep only records in a status.
	 * @param status the status, or {@code null} for any
	 * @return a narrower filter
	 */
	public QueryFilter<S> status(@Nullable S status) {
		return new QueryFilter<>(status, this.createdFrom, this.createdBefore, this.orderId, this.customerEmail,
				this.paymentType);
	}

	/**
	 * Keep only records created in a time range.
	 * @param from at or after this time, or {@code null} for no lower bound
	 * @param before before this time, or {@code null} for no upper bound
	 * @return a narrower filter
	 */
	public QueryFilter<S> created(@Nullable Instant from, @Nullable Instant before) {
		return new QueryFilter<>(this.status, from, before, this.orderId, this.customerEmail, this.paymentType);
	}

	/**
	 * Keep only records of an order id.
	 * @param orderId the order id, or {@code null} for any
	 * @return a narrower filter
	 */
	public QueryFilter<S> orderId(@Nullable String orderId) {
		return new QueryFilter<>(this.status, this.createdFrom, this.createdBefore, orderId, this.customerEmail,
				this.paymentType);
	}

	/**
	 * Keep only records of a customer e-mail.
	 * @param customerEmail the e-mail, or {@code null} for any
	 * @return a narrower filter
	 */
	public QueryFilter<S> customerEmail(@Nullable String customerEmail) {
		return new QueryFilter<>(this.status, this.createdFrom, this.createdBefore, this.orderId, customerEmail,
				this.paymentType);
	}

	/**
	 * Keep only records of a payment method.
	 * @param paymentType the method as Midtrans names it ({@code bank_transfer},
	 * {@code qris}, ...), or {@code null} for any
	 * @return a narrower filter
	 */
	public QueryFilter<S> paymentType(@Nullable String paymentType) {
		return new QueryFilter<>(this.status, this.createdFrom, this.createdBefore, this.orderId, this.customerEmail,
				paymentType);
	}

}
