package io.github.springmidtrans.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Midtrans rejected the request as invalid (400), with its validation messages; fix the
 * request, do not retry it.
 *
 * @since 0.1.0
 */
public class MidtransValidationException extends MidtransApiException {

	private static final long serialVersionUID = 1L;

	private final List<String> validationMessages;

	/**
	 * Create a new exception.
	 * @param message what failed, safe to log
	 * @param operation the call that failed
	 * @param orderId the order or resource id, if any
	 * @param httpStatus the HTTP status
	 * @param midtransStatusCode the body's {@code status_code}, if any
	 * @param statusMessage Midtrans' own message, if any
	 * @param validationMessages the individual problems Midtrans listed
	 */
	public MidtransValidationException(String message, MidtransOperation operation, @Nullable String orderId,
			int httpStatus, @Nullable String midtransStatusCode, @Nullable String statusMessage,
			List<String> validationMessages) {
		super(message, operation, orderId, httpStatus, midtransStatusCode, statusMessage);
		this.validationMessages = List.copyOf(validationMessages);
	}

	/**
	 * The problems Midtrans listed ({@code validation_messages} or
	 * {@code error_messages}).
	 * @return the messages, possibly empty
	 */
	public List<String> getValidationMessages() {
		return this.validationMessages;
	}

}
