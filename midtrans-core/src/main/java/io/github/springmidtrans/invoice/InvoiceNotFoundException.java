package io.github.springmidtrans.invoice;

/**
 * No invoice with the given order id (or Midtrans invoice id) is stored.
 *
 * @since 0.1.0
 */
public class InvoiceNotFoundException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what was looked for
	 */
	public InvoiceNotFoundException(String message) {
		super(message);
	}

}
