package io.github.springmidtrans.web;

/**
 * Body of a REST API error answer.
 *
 * @param error what kind of failure, for example {@code NOT_FOUND} or
 * {@code MIDTRANS_UNAVAILABLE}
 * @param message what failed, without secrets
 * @since 0.1.0
 */
public record MidtransApiError(String error, String message) {

}
