package io.github.springmidtrans.payment;

/**
 * A payment after an update, and what the update changed.
 *
 * @param payment the payment
 * @param change what changed
 * @since 0.1.0
 */
public record PaymentUpdate(MidtransPayment payment, StatusChange change) {

}
