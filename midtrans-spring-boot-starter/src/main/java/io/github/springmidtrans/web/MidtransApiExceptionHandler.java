package io.github.springmidtrans.web;

import io.github.springmidtrans.client.MidtransDuplicateOrderException;
import io.github.springmidtrans.client.MidtransException;
import io.github.springmidtrans.client.MidtransValidationException;
import io.github.springmidtrans.invoice.InvoiceNotFoundException;
import io.github.springmidtrans.payment.PaymentNotFoundException;
import io.github.springmidtrans.subscription.SubscriptionNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns the REST API's failures into small JSON answers ({@link MidtransApiError}):
 * unknown payment, invoice or subscription 404; invalid request 400, with
 * {@code IDEMPOTENCY_KEY_REQUIRED} for a refund without its {@code Idempotency-Key}
 * header; state conflict 409; Midtrans refusing the request 400 (validation) or 502;
 * Midtrans unreachable or busy 503. Applies to the API's own controllers only, so the
 * application's error handling is untouched. Answers carry exception messages, which
 * never hold secrets, and never stack traces.
 *
 * @since 0.1.0
 */
@RestControllerAdvice(assignableTypes = { MidtransPaymentController.class, MidtransInvoiceController.class,
		MidtransSubscriptionController.class })
public class MidtransApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(MidtransApiExceptionHandler.class);

	/**
	 * Unknown payment, refund, invoice or subscription.
	 * @param ex the failure
	 * @return 404
	 */
	@ExceptionHandler({ PaymentNotFoundException.class, InvoiceNotFoundException.class,
			SubscriptionNotFoundException.class })
	public ResponseEntity<MidtransApiError> notFound(RuntimeException ex) {
		return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", ex.getMessage());
	}

	/**
	 * A request the API or the model refuses.
	 * @param ex the failure
	 * @return 400
	 */
	@ExceptionHandler(IllegalArgumentException.class)
	public ResponseEntity<MidtransApiError> invalid(IllegalArgumentException ex) {
		return answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", ex.getMessage());
	}

	/**
	 * A refund without the {@code Idempotency-Key} header that lets it be repeated
	 * safely. As the IETF draft on the header advises, 400 with a code of its own;
	 * nothing was recorded.
	 * @param ex the failure
	 * @return 400
	 */
	@ExceptionHandler(MissingIdempotencyKeyException.class)
	public ResponseEntity<MidtransApiError> idempotencyKeyRequired(IllegalArgumentException ex) {
		return answer(HttpStatus.BAD_REQUEST, "IDEMPOTENCY_KEY_REQUIRED", ex.getMessage());
	}

	/**
	 * A body that is not JSON of the expected shape. The parser's message is not echoed:
	 * it may quote the body.
	 * @param ex the failure
	 * @return 400
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	public ResponseEntity<MidtransApiError> unreadable(HttpMessageNotReadableException ex) {
		return answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST",
				"The request body is missing or is not valid JSON" + " of the expected shape");
	}

	/**
	 * A query parameter or path variable of the wrong type.
	 * @param ex the failure
	 * @return 400
	 */
	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	public ResponseEntity<MidtransApiError> mismatch(MethodArgumentTypeMismatchException ex) {
		return answer(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Parameter '" + ex.getName() + "' is not valid");
	}

	/**
	 * A move the payment, invoice or subscription cannot make in its state.
	 * @param ex the failure
	 * @return 409
	 */
	@ExceptionHandler(IllegalStateException.class)
	public ResponseEntity<MidtransApiError> conflict(IllegalStateException ex) {
		return answer(HttpStatus.CONFLICT, "CONFLICT", ex.getMessage());
	}

	/**
	 * Midtrans refused the request's content.
	 * @param ex the failure
	 * @return 400
	 */
	@ExceptionHandler(MidtransValidationException.class)
	public ResponseEntity<MidtransApiError> midtransValidation(MidtransValidationException ex) {
		return answer(HttpStatus.BAD_REQUEST, "MIDTRANS_VALIDATION", ex.getMessage());
	}

	/**
	 * Midtrans already has the order id (and it could not be reconciled).
	 * @param ex the failure
	 * @return 409
	 */
	@ExceptionHandler(MidtransDuplicateOrderException.class)
	public ResponseEntity<MidtransApiError> duplicate(MidtransDuplicateOrderException ex) {
		return answer(HttpStatus.CONFLICT, "MIDTRANS_DUPLICATE", ex.getMessage());
	}

	/**
	 * Any other Midtrans failure: 503 when repeating may succeed (network, timeout, 5xx,
	 * 429), else 502.
	 * @param ex the failure
	 * @return 503 or 502
	 */
	@ExceptionHandler(MidtransException.class)
	public ResponseEntity<MidtransApiError> midtrans(MidtransException ex) {
		if (ex.isRetryable()) {
			logger.warn("Midtrans could not serve {} for order '{}': {}", ex.getOperation(), ex.getOrderId(),
					ex.getMessage());
			return answer(HttpStatus.SERVICE_UNAVAILABLE, "MIDTRANS_UNAVAILABLE", ex.getMessage());
		}
		return answer(HttpStatus.BAD_GATEWAY, "MIDTRANS_REJECTED", ex.getMessage());
	}

	private static ResponseEntity<MidtransApiError> answer(HttpStatus status, String error, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new MidtransApiError(error, (message != null) ? message : status.getReasonPhrase()));
	}

}
