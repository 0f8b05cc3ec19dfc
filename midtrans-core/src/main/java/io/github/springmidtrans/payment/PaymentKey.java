package io.github.springmidtrans.payment;

/**
 * A stored payment's id and order id: what jobs that page through many payments need,
 * without loading each payment and its items.
 *
 * @param id the payment's row id (pages are ordered by it)
 * @param orderId the order id
 * @since 0.1.0
 */
public record PaymentKey(long id, String orderId) {

}
