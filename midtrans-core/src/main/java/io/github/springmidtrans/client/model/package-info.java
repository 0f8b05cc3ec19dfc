/**
 * Request and response types of the Midtrans API, as immutable records.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.client.model;

import org.jspecify.annotations.NullMarked;
