/**
 * The payment tasks: periodic jobs that keep the database in step with Midtrans, and
 * on-demand tasks that retry with exponential back-off.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.task;

import org.jspecify.annotations.NullMarked;
