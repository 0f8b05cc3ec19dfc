/**
 * Test support for applications that use Midtrans: {@link MidtransSimulator}, a stateful
 * fake of the Midtrans Core API that speaks the real wire protocol, sends signed payment
 * notifications and can inject faults. Not affiliated with Midtrans.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.test;

import org.jspecify.annotations.NullMarked;
