/**
 * HTTP endpoints of the starter: the Midtrans notification endpoint.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.web;

import org.jspecify.annotations.NullMarked;
