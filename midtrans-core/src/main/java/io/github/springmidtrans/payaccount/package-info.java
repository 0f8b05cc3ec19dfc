/**
 * GoPay accounts linked through the Midtrans Pay Account API (GoPay tokenization) and
 * kept in the application's database: the
 * {@link io.github.springmidtrans.payaccount.MidtransPayAccount} entity and
 * {@link io.github.springmidtrans.payaccount.PayAccountService}.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.payaccount;

import org.jspecify.annotations.NullMarked;
