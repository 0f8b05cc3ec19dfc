package io.github.springmidtrans.subscription;

import org.jspecify.annotations.Nullable;

/**
 * What one page of the periodic subscription sync did.
 *
 * @param checked how many subscriptions were read from Midtrans
 * @param changed how many of them changed status
 * @param failed how many could not be read (they are checked again later)
 * @param lastId the id to pass as {@code afterId} for the next page, {@code null} when
 * this page was the last
 * @since 0.1.0
 */
public record SubscriptionSyncResult(int checked, int changed, int failed, @Nullable Long lastId) {

}
