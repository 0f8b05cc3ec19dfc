/**
 * Operations support: the Actuator health indicator and the {@code midtrans} endpoint.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.actuate;

import org.jspecify.annotations.NullMarked;
