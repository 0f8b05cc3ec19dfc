package io.github.springmidtrans.payaccount;

/**
 * No pay account with the given account id is stored.
 *
 * @since 0.1.0
 */
public class PayAccountNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what was looked for
	 */
	public PayAccountNotFoundException(String message) {
		super(message);
	}

}
