package io.github.springmidtrans.client;

import io.github.springmidtrans.client.model.PaymentLinkDetails;
import io.github.springmidtrans.client.model.PaymentLinkRequest;
import io.github.springmidtrans.client.model.PaymentLinkResponse;
import okhttp3.HttpUrl;

/**
 * Payment links through the Payment Link API ({@code /v1/payment-links}, still marked
 * beta by Midtrans). Obtain it from {@link MidtransClient}; thread-safe.
 *
 * <p>
 * This API reports errors with real HTTP statuses and {@code error_messages}: 400
 * (including a taken {@code payment_link_id}) arrives as
 * {@link MidtransValidationException}, 401 as {@link MidtransAuthenticationException},
 * 404 as {@link MidtransNotFoundException}, a reused order id (409) as
 * {@link MidtransDuplicateOrderException}, 5xx as a retryable
 * {@link MidtransServerException}. Payments through a link are ordinary transactions with
 * their own notifications.
 *
 * @since 0.1.0
 */
public final class PaymentLinkApi {

	private final HttpTransport transport;

	PaymentLinkApi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a payment link: {@code POST /v1/payment-links}. Midtrans supports no
	 * idempotency key here; a retry with the same order id is refused as a duplicate once
	 * the first attempt landed, which is the cue to read it with {@link #get(String)}.
	 * @param request the link
	 * @return the order id and the URL to share
	 * @throws MidtransValidationException when Midtrans rejects the request
	 * @throws MidtransDuplicateOrderException when the order id was used before
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/create-payment-link">Create
	 * Payment Link</a>
	 */
	public PaymentLinkResponse create(PaymentLinkRequest request) {
		MidtransOperation operation = MidtransOperation.PAYMENT_LINK_CREATE;
		HttpUrl url = this.transport.url("v1", "payment-links").build();
		return MidtransClient.required(this.transport.send(operation, "POST", url, request, RequestOptions.none(),
				request.orderId(), PaymentLinkResponse.class), operation, request.orderId());
	}

	/**
	 * Read a payment link with its usage and payment attempts: {@code GET
	 * /v1/payment-links/{order_id}}. Safe to repeat.
	 * @param orderId the link's order id
	 * @return the link
	 * @throws MidtransNotFoundException when Midtrans does not know the link
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-payment-link-details">Get
	 * Payment Link Details</a>
	 */
	public PaymentLinkDetails get(String orderId) {
		MidtransOperation operation = MidtransOperation.PAYMENT_LINK_GET;
		HttpUrl url = this.transport.url("v1", "payment-links", MidtransClient.requireId(orderId)).build();
		return MidtransClient.required(this.transport.send(operation, "GET", url, null, RequestOptions.none(), orderId,
				PaymentLinkDetails.class), operation, orderId);
	}

	/**
	 * Delete a payment link so it accepts no more payments: {@code DELETE
	 * /v1/payment-links/{order_id}}. Payments already made stay. A repeat after success
	 * answers {@link MidtransNotFoundException}.
	 * @param orderId the link's order id
	 * @throws MidtransNotFoundException when Midtrans does not know the link
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/delete-payment-link">Delete
	 * Payment Link</a>
	 */
	public void delete(String orderId) {
		HttpUrl url = this.transport.url("v1", "payment-links", MidtransClient.requireId(orderId)).build();
		this.transport.send(MidtransOperation.PAYMENT_LINK_DELETE, "DELETE", url, null, RequestOptions.none(), orderId,
				Void.class);
	}

}
