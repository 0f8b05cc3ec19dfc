/**
 * Demo mode: the Midtrans simulator runs inside the shop, so it needs no keys and no
 * network.
 */
@NullMarked
package io.github.springmidtrans.sample.demo;

import org.jspecify.annotations.NullMarked;
