/**
 * A sample shop on the Midtrans starter: catalogue, checkout, order pages and admin
 * pages.
 */
@NullMarked
package io.github.springmidtrans.sample;

import org.jspecify.annotations.NullMarked;
