package io.github.springmidtrans.client;

import java.util.Locale;
import java.util.Optional;

import io.github.springmidtrans.client.model.SnapGopayAccount;
import io.github.springmidtrans.client.model.SnapRequest;
import io.github.springmidtrans.client.model.SnapResponse;
import okhttp3.HttpUrl;

/**
 * Snap, Midtrans' hosted checkout: one call creates a checkout session for an order and
 * returns the token for the {@code snap.js} popup and the URL of the redirect page.
 * Obtain it from {@link MidtransClient#snap()}; thread-safe.
 *
 * <p>
 * Snap lives on its own host ({@code https://app.sandbox.midtrans.com} or
 * {@code https://app.midtrans.com}, see {@link MidtransClient.Builder#snapBaseUrl}) and
 * reports errors with real HTTP statuses and {@code error_messages}: a used order id is
 * an HTTP 400 that arrives as {@link MidtransDuplicateOrderException}, other 400s as
 * {@link MidtransValidationException}, 401 as {@link MidtransAuthenticationException},
 * 5xx as a retryable {@link MidtransServerException}.
 *
 * <p>
 * The transaction itself only exists at Midtrans once the customer picks a payment method
 * on the page: until then {@link MidtransClient#status(String)} answers
 * {@link MidtransNotFoundException}. After that it is an ordinary transaction with
 * notifications and status checks.
 *
 * @since 0.1.0
 */
public final class SnapApi {

	private final HttpTransport transport;

	SnapApi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a Snap checkout session: {@code POST /snap/v1/transactions} on the Snap host
	 * (Midtrans answers HTTP 201).
	 *
	 * <p>
	 * Not idempotent: Midtrans supports no idempotency key here, and a second call with
	 * the same order id is refused with {@link MidtransDuplicateOrderException} once the
	 * first one landed, even when its answer was lost. Keep the token of the first answer
	 * and hand it out again instead of calling twice.
	 * @param request the checkout
	 * @return the token and redirect URL
	 * @throws MidtransDuplicateOrderException when the order id was used before
	 * @throws MidtransValidationException when Midtrans rejects the request
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/backend-integration">Snap backend
	 * integration</a>
	 */
	public SnapResponse createTransaction(SnapRequest request) {
		return createTransaction(request, RequestOptions.none());
	}

	/**
	 * Create a Snap checkout session with per-transaction notification URLs
	 * ({@link RequestOptions#withOverrideNotification} or
	 * {@link RequestOptions#withAppendNotification}): {@code POST /snap/v1/transactions}.
	 * @param request the checkout
	 * @param options headers for this call; an idempotency key is refused
	 * @return the token and redirect URL
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @throws IllegalArgumentException when the options carry an idempotency key
	 * @see #createTransaction(SnapRequest)
	 */
	public SnapResponse createTransaction(SnapRequest request, RequestOptions options) {
		MidtransOperation operation = MidtransOperation.SNAP_CREATE;
		HttpUrl url = this.transport.url("snap", "v1", "transactions").build();
		SnapResponse response = MidtransClient.required(
				this.transport.send(operation, "POST", url, request, options, request.orderId(), SnapResponse.class),
				operation, request.orderId());
		if (response.token() == null || response.token().isBlank()) {
			throw new MidtransInvalidResponseException("Midtrans " + operation.description()
					+ HttpTransport.subjectText(operation, request.orderId()) + " failed: the answer has no token",
					operation, request.orderId(), 201, null);
		}
		return response;
	}

	/**
	 * Read the GoPay account Snap linked for a customer (GoPay tokenization in Snap):
	 * {@code GET /snap/v3/users/{user_id}/gopay} on the Snap host. Read-only and safe to
	 * repeat.
	 * @param userId the shop's id of the customer, as sent in
	 * {@link SnapRequest.Builder#userId}
	 * @return the linked account, or empty when Snap has none for this user (never
	 * linked, unlinked, or still pending: Snap answers "account not found" for all three)
	 * @throws MidtransException when Midtrans refuses otherwise or cannot be reached
	 * @see <a href="https://docs.midtrans.com/reference/gopay-tokenization-1">GoPay
	 * linking in Snap</a>
	 */
	public Optional<SnapGopayAccount> gopayAccount(String userId) {
		MidtransOperation operation = MidtransOperation.SNAP_GOPAY_ACCOUNT_GET;
		HttpUrl url = this.transport.url("snap", "v3", "users", MidtransClient.requireId(userId), "gopay").build();
		try {
			return Optional.of(MidtransClient.required(this.transport.send(operation, "GET", url, null,
					RequestOptions.none(), userId, SnapGopayAccount.class), operation, userId));
		}
		catch (MidtransApiException ex) {
			if (isAccountNotFound(ex)) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/**
	 * Unlink the GoPay account Snap linked for a customer: {@code DELETE
	 * /snap/v3/users/{user_id}/gopay} on the Snap host. Later checkouts for this user
	 * offer linking again. Unlinking a user without an account is not an error.
	 * @param userId the shop's id of the customer
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see <a href="https://docs.midtrans.com/reference/gopay-tokenization-1">GoPay
	 * linking in Snap</a>
	 */
	public void unlinkGopayAccount(String userId) {
		MidtransOperation operation = MidtransOperation.SNAP_GOPAY_ACCOUNT_UNLINK;
		HttpUrl url = this.transport.url("snap", "v3", "users", MidtransClient.requireId(userId), "gopay").build();
		try {
			this.transport.send(operation, "DELETE", url, null, RequestOptions.none(), userId, Void.class);
		}
		catch (MidtransApiException ex) {
			if (!isAccountNotFound(ex)) {
				throw ex;
			}
		}
	}

	/**
	 * Snap's answer for a user without a linked account: {@code error_messages} "account
	 * not found"; the docs do not name its HTTP status, so a 404 counts too.
	 */
	private static boolean isAccountNotFound(MidtransApiException ex) {
		if (ex.isRetryable() || ex instanceof MidtransAuthenticationException) {
			return false;
		}
		String message = ex.getStatusMessage();
		boolean saysNotFound = message != null && message.toLowerCase(Locale.ROOT).contains("account not found");
		return saysNotFound || ex.getHttpStatus() == 404;
	}

}
