package io.github.springmidtrans.client;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans answered with a success status but a body the client cannot read (empty,
 * malformed JSON, or fields of the wrong type). The call may have taken effect: retryable
 * with the same order id, after which a status check tells the truth.
 *
 * @since 0.1.0
 */
public class MidtransInvalidResponseException extends MidtransApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param cause the parse failure, if any
	 */
	public MidtransInvalidResponseException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable Throwable cause) {
		super(message, operation, orderId, httpStatus, null, null, cause);
	}

	/**
	 * Always {@code true}.
	 * @return {@code true}
	 */
	@Override
	public boolean isRetryable() {
		return true;
	}

}
