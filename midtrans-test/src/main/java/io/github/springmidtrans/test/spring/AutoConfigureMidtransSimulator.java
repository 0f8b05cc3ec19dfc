package io.github.springmidtrans.test.spring;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Starts a {@link io.github.springmidtrans.test.MidtransSimulator} for the Spring test's
 * application context, registers it as the bean {@code midtransSimulator}, and sets
 * {@code midtrans.base-url}, {@code midtrans.server-key} and {@code midtrans.client-key}
 * to point at it, so the starter's client talks to the simulator:
 *
 * <pre>{@code
 * &#64;SpringBootTest

 * &#64;AutoConfigureMidtransSimulator
 * class CheckoutTests {
 *
 *     &#64;Autowired MidtransSimulator simulator;
 *
&#64;Autowired PaymentService payments;
 * }
 * }</pre>
 *
 * The simulator lives as long as the (cached) context and is closed with it; call
 * {@code reset()} between tests that must not see each other's transactions.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureMidtransSimulator {

	/**
	 * Where the simulator posts payment notifications, for example the application's
	 * endpoint on a fixed test port; empty for none.
	 * @return the notification URL
	 */
	String notificationUrl() default "";

}
