package io.github.springmidtrans.test.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.springmidtrans.test.MidtransSimulator;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link MidtransSimulator}: one simulator for the class
 * (reset before each test) or one per test, injected into test and lifecycle methods and
 * constructors as a {@code MidtransSimulator}, a ready {@code MidtransClient} pointed at
 * it, or its {@code SimulatorClock}.
 *
 * <pre>{@code
 * &#64;MidtransSimulatorTest(clockStart = "2026-03-01T03:00:00Z")
 * class CheckoutTests {
 *
 *

&#64;Test
 *     void paidOrderSettles(MidtransSimulator simulator, MidtransClient client) {
 *         client.charge(ChargeRequest.gopay("ORDER-1", 25_000).build());
 *         simulator.pay("ORDER-1");
 *         assertThat(client.status("ORDER-1").transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
 *     }
 *
 * }
 * }</pre>
 *
 * For settings the annotation does not offer, register a
 * {@link MidtransSimulatorExtension} with {@code @RegisterExtension} instead.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(MidtransSimulatorExtension.class)
public @interface MidtransSimulatorTest {

	/**
	 * Whether the test class shares one simulator (reset before each test) or each test
	 * gets its own.
	 * @return the lifecycle, {@link MidtransSimulatorExtension.Lifecycle#PER_CLASS} by
	 * default
	 */
	MidtransSimulatorExtension.Lifecycle lifecycle() default MidtransSimulatorExtension.Lifecycle.PER_CLASS;

	/**
	 * The server key the simulator accepts; the injected client uses it.
	 * @return the server key
	 */
	String serverKey() default MidtransSimulator.DEFAULT_SERVER_KEY;

	/**
	 * The dashboard's Payment Notification URL, where the simulator sends notifications.
	 * @return the URL, or empty for none
	 */
	String notificationUrl() default "";

	/**
	 * The simulated time each test starts at, as an ISO-8601 instant such as
	 * {@code 2026-03-01T03:00:00Z}.
	 * @return the instant, or empty for the time the simulator starts
	 */
	String clockStart() default "";

	/**
	 * Whether to serve the {@code /_simulator/} control endpoints.
	 * @return whether to serve them ({@code false} by default)
	 */
	boolean controlEndpoints() default false;

}
