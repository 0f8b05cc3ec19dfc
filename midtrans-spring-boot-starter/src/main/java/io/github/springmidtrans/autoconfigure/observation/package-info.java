/**
 * Micrometer Observation wiring of the starter: calls to Midtrans as observations.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.autoconfigure.observation;

import org.jspecify.annotations.NullMarked;
