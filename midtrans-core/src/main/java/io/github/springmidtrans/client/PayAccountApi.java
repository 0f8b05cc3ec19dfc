package io.github.springmidtrans.client;

import java.util.Objects;

import io.github.springmidtrans.client.model.PayAccountRequest;
import io.github.springmidtrans.client.model.PayAccountResponse;
import okhttp3.HttpUrl;

/**
 * GoPay account linking (tokenization) through the Pay Account API. Obtain it from
 * {@link MidtransClient}; thread-safe.
 *
 * <p>
 * Linking: {@link #create(PayAccountRequest)} answers {@code PENDING} with activation
 * links; once the customer confirms in GoPay, Midtrans notifies the Pay Account
 * Notification URL, and {@link #get(String)} then reports {@code ENABLED} with the
 * payment option tokens to charge.
 *
 * @since 0.1.0
 */
public final class PayAccountApi {

	private final HttpTransport transport;

	PayAccountApi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Start linking a GoPay account: {@code POST /v2/pay/account}.
	 *
	 * <p>
	 * Not idempotent, and Midtrans accepts no idempotency key here: a repeat starts
	 * another link. After a timeout, prefer asking the customer to start again over
	 * retrying blindly.
	 * @param request the account to link
	 * @return the pending account with its activation links
	 * @throws MidtransApiException when GoPay refuses the link ({@code status_code} 202,
	 * for example user not found)
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/create-pay-account">Create Pay
	 * Account</a>
	 */
	public PayAccountResponse create(PayAccountRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Start linking a GoPay account, with options: {@code POST /v2/pay/account}. Only the
	 * payment locale ({@code X-Payment-Locale}, the language of GoPay's pages) applies;
	 * an idempotency key or notification URLs are rejected with an
	 * {@link IllegalArgumentException}.
	 * @param request the account to link
	 * @param options headers for this call
	 * @return the pending account with its activation links
	 * @throws MidtransApiException when GoPay refuses the link ({@code status_code} 202)
	 * @throws MidtransException for other failures
	 * @see #create(PayAccountRequest)
	 */
	public PayAccountResponse create(PayAccountRequest request, RequestOptions options) {
		Objects.requireNonNull(request, "request");
		Objects.requireNonNull(options, "options");
		HttpUrl url = this.transport.url("v2", "pay", "account").build();
		return MidtransClient.required(this.transport.send(MidtransOperation.PAY_ACCOUNT_CREATE, "POST", url, request,
				options, null, PayAccountResponse.class), MidtransOperation.PAY_ACCOUNT_CREATE, null);
	}

	/**
	 * Read a pay account: {@code GET /v2/pay/account/{account_id}}. Read-only and safe to
	 * repeat. Every state is an answer, not an exception: {@code PENDING}
	 * ({@code status_code} 201), {@code EXPIRED} or {@code DISABLED} (204), and
	 * {@code ENABLED} (200) with its payment options and their tokens.
	 * @param accountId the account id from {@link #create(PayAccountRequest)}
	 * @return the account
	 * @throws MidtransNotFoundException when Midtrans does not know the account
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-pay-account">Get Pay
	 * Account</a>
	 */
	public PayAccountResponse get(String accountId) {
		HttpUrl url = this.transport.url("v2", "pay", "account", MidtransClient.requireId(accountId)).build();
		return MidtransClient.required(this.transport.send(MidtransOperation.PAY_ACCOUNT_GET, "GET", url, null,
				RequestOptions.none(), accountId, PayAccountResponse.class), MidtransOperation.PAY_ACCOUNT_GET,
				accountId);
	}

	/**
	 * Unlink a GoPay account: {@code POST /v2/pay/account/{account_id}/unbind}. The
	 * answer reports {@code DISABLED} ({@code status_code} 204). Repeating it on an
	 * unbound account does not re-enable anything; read the state with
	 * {@link #get(String)} when unsure.
	 * @param accountId the account id
	 * @return the disabled account
	 * @throws MidtransApiException when GoPay refuses ({@code status_code} 202)
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/unbind-pay-account">Unbind Pay
	 * Account</a>
	 */
	public PayAccountResponse unbind(String accountId) {
		HttpUrl url = this.transport.url("v2", "pay", "account", MidtransClient.requireId(accountId), "unbind").build();
		return MidtransClient.required(this.transport.send(MidtransOperation.PAY_ACCOUNT_UNBIND, "POST", url, null,
				RequestOptions.none(), accountId, PayAccountResponse.class), MidtransOperation.PAY_ACCOUNT_UNBIND,
				accountId);
	}

}
