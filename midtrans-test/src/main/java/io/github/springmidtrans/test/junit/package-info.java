/**
 * JUnit Jupiter support for {@link io.github.springmidtrans.test.MidtransSimulator}:
 * {@link io.github.springmidtrans.test.junit.MidtransSimulatorTest} and
 * {@link io.github.springmidtrans.test.junit.MidtransSimulatorExtension}. Needs
 * {@code junit-jupiter-api} on the test class path (an optional dependency of this
 * module).
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.test.junit;

import org.jspecify.annotations.NullMarked;
