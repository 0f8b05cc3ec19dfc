/**
 * The shop: products, orders, checkout through the Core API and fulfilment on payment
 * events.
 */
@NullMarked
package io.github.springmidtrans.sample.shop;

import org.jspecify.annotations.NullMarked;
