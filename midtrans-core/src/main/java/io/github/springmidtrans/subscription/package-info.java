/**
 * Subscriptions created through the Midtrans Subscriptions API and kept in the
 * application's database: the
 * {@link io.github.springmidtrans.subscription.MidtransSubscription} entity, its
 * {@link io.github.springmidtrans.subscription.SubscriptionStatus} transition table,
 * {@link io.github.springmidtrans.subscription.SubscriptionService} (which also links
 * renewal charges to their subscription) and subscription events.
 *
 * @since 0.1.0
 */
@NullMarked
package io.github.springmidtrans.subscription;

import org.jspecify.annotations.NullMarked;
