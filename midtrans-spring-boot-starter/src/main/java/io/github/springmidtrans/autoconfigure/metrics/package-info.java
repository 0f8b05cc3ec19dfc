/**
 * Micrometer meters for the Midtrans integration.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
