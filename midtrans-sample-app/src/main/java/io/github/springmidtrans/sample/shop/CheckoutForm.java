package io.github.springmidtrans.sample.shop;

/**
 * What the checkout form holds, to show it again after a mistake.
 *
 * @param quantity how many
 * @param name the customer's name
 * @param email the customer's e-mail
 * @param phone the customer's phone
 * @param method the payment method
 */
public record CheckoutForm(int quantity, String name, String email, String phone, PaymentOption method) {

}
