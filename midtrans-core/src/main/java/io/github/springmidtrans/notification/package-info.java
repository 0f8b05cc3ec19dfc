/**
 * HTTP notifications from Midtrans: verification, application to payments, and the audit
 * log of every notification received.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.notification;

import org.jspecify.annotations.NullMarked;
