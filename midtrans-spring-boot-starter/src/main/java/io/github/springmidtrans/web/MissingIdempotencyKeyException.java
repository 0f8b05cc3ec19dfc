package io.github.springmidtrans.web;

/**
 * A request that moves money arrived without the {@code Idempotency-Key} header it needs;
 * the API answers 400 {@code IDEMPOTENCY_KEY_REQUIRED}.
 */
class MissingIdempotencyKeyException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	MissingIdempotencyKeyException(String message) {
		super(message);
	}

}
