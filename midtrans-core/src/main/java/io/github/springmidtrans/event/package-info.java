/**
 * Events delivered at least once: {@link io.github.springmidtrans.event.MidtransEvent},
 * and the outbox that records each event with the transition that raised it and delivers
 * it again until the application's listeners accept it.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.event;

import org.jspecify.annotations.NullMarked;
