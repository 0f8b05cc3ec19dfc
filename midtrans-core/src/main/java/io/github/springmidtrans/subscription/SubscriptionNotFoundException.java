package io.github.springmidtrans.subscription;

/**
 * No subscription with the given id is stored.
 *
 * @since 0.1.0
 */
public class SubscriptionNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what was looked for
	 */
	public SubscriptionNotFoundException(String message) {
		super(message);
	}

}
