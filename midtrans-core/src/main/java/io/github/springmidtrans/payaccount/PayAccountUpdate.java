package io.github.springmidtrans.payaccount;

/**
 * What applying Midtrans' answer did to a pay account.
 *
 * @param account the account afterwards
 * @param previousStatus its status before
 * @param changed whether its status moved
 * @since 0.1.0
 */
public record PayAccountUpdate(MidtransPayAccount account, PayAccountState previousStatus, boolean changed) {

}
