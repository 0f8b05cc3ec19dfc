/**
 * Payments and refunds kept in the application's database and in step with Midtrans:
 * entities, the status transition table,
 * {@link io.github.springmidtrans.payment.PaymentService} and payment events.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.payment;

import org.jspecify.annotations.NullMarked;
