package io.github.springmidtrans.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Scripted failures of a {@link MidtransSimulator}, per endpoint, for the next calls or
 * for good:
 *
 * <pre>{@code
 * simulator.faults().on(SimulatorOperation.CHARGE).once().serverError(503);
 * simulator.faults().on(SimulatorOperation.STATUS).times(2).rateLimited(Duration.ofSeconds(3));
 * simulator.faults().on(SimulatorOperation.CHARGE).once().timeoutAfterProcessing(Duration.ofSeconds(2));
 * simulator.faults().onPath("/v2/.+/refund").always().latency(Duration.ofMillis(300));
 * simulator.faults().on(SimulatorOperation.REFUND).once().slowBody(Duration.ofSeconds(2));
 * }</pre>
 *
 * Rules are tried in the order they were added; the first one that matches a call applies
 * and uses up one of its calls. Faults that happen "before processing" leave the
 * simulator's state untouched; those named "after processing" let the call change state
 * (create the transaction, refund ...) and then spoil the answer, like a network failure
 * on the way back. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatorFaults {

	private final List<Rule> rules = new ArrayList<>();

	SimulatorFaults() {
	}

	/**
	 * Script a fault for one endpoint.
	 * @param operation the endpoint
	 * @return the rule to complete; it fires once unless told otherwise
	 */
	public Target on(SimulatorOperation operation) {
		Objects.requireNonNull(operation, "operation");
		return new Target(operation.name(), (op, path) -> op == operation);
	}

	/**
	 * Script a fault for every path matching a regular expression, such as
	 * {@code /v2/.+/refund}.
	 * @param pathRegex the regular expression, matched against the whole encoded path
	 * @return the rule to complete
	 */
	public Target onPath(String pathRegex) {
		Pattern pattern = Pattern.compile(pathRegex);
		return new Target("path " + pathRegex, (op, path) -> pattern.matcher(path).matches());
	}

	/**
	 * Script a fault for every Core API call.
	 * @return the rule to complete
	 */
	public Target onAnyCall() {
		return new Target("any call", (op, path) -> op != null);
	}

	/**
	 * Remove every scripted fault.
	 */
	public synchronized void clear() {
		this.rules.clear();
	}

	/**
	 * How many rules can still fire.
	 * @return the number of active rules
	 */
	public synchronized int activeRules() {
		return this.rules.size();
	}

	synchronized @Nullable Fault take(@Nullable SimulatorOperation operation, String path) {
		for (Iterator<Rule> iterator = this.rules.iterator(); iterator.hasNext();) {
			Rule rule = iterator.next();
			if (rule.matcher.test(operation, path)) {
				if (rule.remaining > 0) {
					rule.remaining--;
					if (rule.remaining == 0) {
						iterator.remove();
					}
				}
				return rule.fault;
			}
		}
		return null;
	}

	private synchronized void add(Rule rule) {
		this.rules.add(rule);
	}

	/**
	 * A fault rule being scripted: choose how often, then what happens.
	 */
	public final class Target {

		private final String description;

		private final BiPredicate<@Nullable SimulatorOperation, String> matcher;

		private int times = 1;

		private Target(String description, BiPredicate<@Nullable SimulatorOperation, String> matcher) {
			this.description = description;
			this.matcher = matcher;
		}

		/**
		 * Fire for the next matching call only (the default).
		 * @return this rule
		 */
		public Target once() {
			return times(1);
		}

		/**
		 * Fire for the next {@code count} matching calls.
		 * @param count how many calls, at least 1
		 * @return this rule
		 */
		public Target times(int count) {
			if (count < 1) {
				throw new IllegalArgumentException("A fault must fire at least once, got " + count);
			}
			this.times = count;
			return this;
		}

		/**
		 * Fire for every matching call until {@link SimulatorFaults#clear()}.
		 * @return this rule
		 */
		public Target always() {
			this.times = -1;
			return this;
		}

		/**
		 * Answer normally, but only after a delay (the call is processed).
		 * @param delay the added latency
		 */
		public void latency(Duration delay) {
			add(Fault.Kind.LATENCY, 0, delay);
		}

		/**
		 * Answer HTTP 500 with Midtrans' internal-error body, without processing.
		 */
		public void serverError() {
			serverError(500);
		}

		/**
		 * Answer an HTTP 5xx with a Midtrans-like error body, without processing.
		 * @param httpStatus 500 to 599
		 */
		public void serverError(int httpStatus) {
			if (httpStatus < 500 || httpStatus > 599) {
				throw new IllegalArgumentException("A server error needs a 5xx status, got " + httpStatus);
			}
			add(Fault.Kind.SERVER_ERROR, httpStatus, Duration.ZERO);
		}

		/**
		 * Answer HTTP 200 whose body carries {@code status_code} 500, as Midtrans does
		 * for some internal errors, without processing.
		 */
		public void serverErrorInBody() {
			add(Fault.Kind.SERVER_ERROR_IN_BODY, 200, Duration.ZERO);
		}

		/**
		 * Answer HTTP 429 {@code {"message":"API rate limit exceeded"}} with a
		 * {@code Retry-After} header, without processing.
		 * @param retryAfter the wait to ask for, in whole seconds
		 */
		public void rateLimited(Duration retryAfter) {
			add(Fault.Kind.RATE_LIMITED, 429, retryAfter);
		}

		/**
		 * Close the connection without answering, without processing.
		 */
		public void dropConnection() {
			add(Fault.Kind.DROP_CONNECTION, 0, Duration.ZERO);
		}

		/**
		 * Process the call, then close the connection without answering: the caller
		 * cannot know that the transaction was created.
		 */
		public void dropConnectionAfterProcessing() {
			add(Fault.Kind.DROP_AFTER_PROCESSING, 0, Duration.ZERO);
		}

		/**
		 * Process the call, then hold the answer back for {@code delay}: longer than the
		 * client's read timeout, the caller times out although the call succeeded.
		 * @param delay how long to hold the answer
		 */
		public void timeoutAfterProcessing(Duration delay) {
			add(Fault.Kind.TIMEOUT_AFTER_PROCESSING, 0, delay);
		}

		/**
		 * Process the call, send the status line and headers at once, then hold the body
		 * back for {@code delay}: a slow answer that a client with a shorter read timeout
		 * abandons halfway, after it has seen HTTP 200.
		 * @param delay how long to hold the body
		 */
		public void slowBody(Duration delay) {
			add(Fault.Kind.SLOW_BODY, 0, delay);
		}

		/**
		 * Process the call, then answer HTTP 200 with a body that is not valid JSON.
		 */
		public void malformedBody() {
			add(Fault.Kind.MALFORMED_BODY, 200, Duration.ZERO);
		}

		private void add(Fault.Kind kind, int httpStatus, Duration delay) {
			Objects.requireNonNull(delay, "delay");
			if (delay.isNegative()) {
				throw new IllegalArgumentException("A delay must not be negative");
			}
			SimulatorFaults.this
				.add(new Rule(this.description, this.matcher, this.times, new Fault(kind, httpStatus, delay)));
		}

	}

	/**
	 * A fault to apply to one call.
	 */
	record Fault(Kind kind, int httpStatus, Duration delay) {

		/** Whether the call is processed (state may change) before the fault applies. */
		boolean processes() {
			return this.kind == Kind.LATENCY || this.kind == Kind.DROP_AFTER_PROCESSING
					|| this.kind == Kind.TIMEOUT_AFTER_PROCESSING || this.kind == Kind.MALFORMED_BODY
					|| this.kind == Kind.SLOW_BODY;
		}

		enum Kind {

			LATENCY, SERVER_ERROR, SERVER_ERROR_IN_BODY, RATE_LIMITED, DROP_CONNECTION, DROP_AFTER_PROCESSING,
			TIMEOUT_AFTER_PROCESSING, MALFORMED_BODY, SLOW_BODY

		}

	}

	private static final class Rule {

		private final String description;

		private final BiPredicate<@Nullable SimulatorOperation, String> matcher;

		private final Fault fault;

		private int remaining;

		Rule(String description, BiPredicate<@Nullable SimulatorOperation, String> matcher, int remaining,
				Fault fault) {
			this.description = description;
			this.matcher = matcher;
			this.remaining = remaining;
			this.fault = fault;
		}

		@Override
		public String toString() {
			return "Rule[" + this.description + ", " + this.fault.kind() + ", remaining="
					+ ((this.remaining < 0) ? "always" : this.remaining) + "]";
		}

	}

}
