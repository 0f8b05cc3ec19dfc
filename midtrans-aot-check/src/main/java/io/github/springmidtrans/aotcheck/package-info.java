/**
 * An application with the Midtrans starter, processed ahead of time by the build.
 */
@NullMarked
package io.github.springmidtrans.aotcheck;

import org.jspecify.annotations.NullMarked;
