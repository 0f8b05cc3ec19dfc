package io.github.springmidtrans.task;

import org.jspecify.annotations.Nullable;

/**
 * Result of {@link PaymentTaskService#checkPaymentStatus(String)}.
 *
 * @param orderId the order id
 * @param status the local status afterwards, in lower case ({@code "settlement"})
 * @param midtransStatus Midtrans' {@code transaction_status}, when it was read
 * @param skipped whether the check was skipped because the payment is final (or its
 * charge is still in flight)
 * @param error why the check could not run, such as an unknown order
 * @since 0.1.0
 */
public record CheckPaymentStatusResult(@Nullable String orderId, @Nullable String status,
		@Nullable String midtransStatus, boolean skipped, @Nullable String error) {

	static CheckPaymentStatusResult checked(String orderId, String status, @Nullable String midtransStatus) {
		return new CheckPaymentStatusResult(orderId, status, midtransStatus, false, null);
	}

	static CheckPaymentStatusResult skipped(String orderId, String status) {
		return new CheckPaymentStatusResult(orderId, status, null, true, null);
	}

	static CheckPaymentStatusResult notFound(String orderId) {
		return new CheckPaymentStatusResult(orderId, null, null, false, "Payment " + orderId + " not found");
	}

}
