package io.github.springmidtrans.task;

/**
 * A job's cron expression cannot be parsed. Thrown when the schedules are created, naming
 * the property, rather than at the job's first run.
 *
 * @since 0.1.0
 */
public class InvalidScheduleException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String cron;

	/**
	 * Create the exception.
	 * @param property the property that holds the expression, such as
	 * {@code midtrans.tasks.check-pending-payments.cron}
	 * @param cron the expression
	 * @param cause why it cannot be parsed
	 */
	public InvalidScheduleException(String property, String cron, IllegalArgumentException cause) {
		super(property + " is not a valid cron expression (\"" + cron + "\": " + cause.getMessage()
				+ "): use six fields with seconds, such as \"0 */10 * * * *\", or \"-\" to disable the job", cause);
		this.property = property;
		this.cron = cron;
	}

	/**
	 * The property that holds the expression.
	 * @return the property's name
	 */
	public String getProperty() {
		return this.property;
	}

	/**
	 * The expression that cannot be parsed.
	 * @return the expression
	 */
	public String getCron() {
		return this.cron;
	}

}
