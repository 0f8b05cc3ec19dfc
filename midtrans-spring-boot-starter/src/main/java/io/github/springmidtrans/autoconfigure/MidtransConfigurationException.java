package io.github.springmidtrans.autoconfigure;

/**
 * A {@code midtrans.*} property is missing or contradicts another. Thrown at startup so
 * that a misconfigured application never takes its first payment; reported by
 * {@link MidtransConfigurationFailureAnalyzer}.
 *
 * @since 0.1.0
 */
public class MidtransConfigurationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	/**
	 * Create a new exception.
	 * @param property the property at fault, such as {@code midtrans.server-key}
	 * @param problem what is wrong with it (never its value)
	 * @param action how to fix it
	 */
	public MidtransConfigurationException(String property, String problem, String action) {
		super(property + " " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property at fault.
	 * @return the property name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * How to fix it.
	 * @return the action
	 */
	public String getAction() {
		return this.action;
	}

}
