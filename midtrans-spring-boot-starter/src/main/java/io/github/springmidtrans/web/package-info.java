/**
 * HTTP endpoints of the starter: the Midtrans notification endpoint, and the optional
 * REST API over payments, invoices and subscriptions.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.web;

import org.jspecify.annotations.NullMarked;
