/**
 * Paged, filtered listings of the stored payments, refunds, invoices and subscriptions.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.query;

import org.jspecify.annotations.NullMarked;
