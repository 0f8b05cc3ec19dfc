/**
 * Typed, pooled client for the Midtrans HTTP API; plain Java, usable without Spring.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.client;

import org.jspecify.annotations.NullMarked;
