/**
 * Runnable demonstrations of the library against a local Midtrans simulator.
 */
@NullMarked
package io.github.springmidtrans.sample;

import org.jspecify.annotations.NullMarked;
