/**
 * Admin pages over the starter's payments, notifications, invoices, subscriptions and
 * tasks.
 */
@NullMarked
package io.github.springmidtrans.sample.admin;

import org.jspecify.annotations.NullMarked;
