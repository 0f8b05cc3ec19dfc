package io.github.springmidtrans.client;

import io.github.springmidtrans.client.model.SubscriptionActionResponse;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionResponse;
import io.github.springmidtrans.client.model.SubscriptionUpdateRequest;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Recurring charges through the Subscriptions API ({@code /v1/subscriptions}). Obtain it
 * from {@link MidtransClient}; thread-safe.
 *
 * <p>
 * This API reports errors with real HTTP statuses: 400 arrives as
 * {@link MidtransValidationException} with Midtrans' {@code validation_messages}, 404 as
 * {@link MidtransNotFoundException}, 5xx as a retryable {@link MidtransServerException}.
 * Each charge a subscription makes is an ordinary transaction with its own payment
 * notification.
 *
 * @since 0.1.0
 */
public final class SubscriptionApi {

	private final HttpTransport transport;

	SubscriptionApi(HttpTransport transport) {
		this.transport = transport;
	}

	/**
	 * Create a subscription: {@code POST /v1/subscriptions}.
	 *
	 * <p>
	 * Not idempotent by itself: a retry after a timeout may create a second subscription.
	 * Pass an idempotency key with {@link #create(SubscriptionRequest, RequestOptions)}
	 * to make a retry within three minutes return the first answer.
	 * @param request the subscription
	 * @return the created subscription, {@code active}
	 * @throws MidtransValidationException when Midtrans rejects the request
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see <a href="https://docs.midtrans.com/reference/create-subscription">Create
	 * Subscription</a>
	 */
	public SubscriptionResponse create(SubscriptionRequest request) {
		return create(request, RequestOptions.none());
	}

	/**
	 * Create a subscription with an idempotency key (sent as {@code Idempotency-Key}):
	 * {@code POST /v1/subscriptions}.
	 * @param request the subscription
	 * @param options headers for this call
	 * @return the created subscription
	 * @throws MidtransException when Midtrans refuses or cannot be reached
	 * @see #create(SubscriptionRequest)
	 */
	public SubscriptionResponse create(SubscriptionRequest request, RequestOptions options) {
		MidtransOperation operation = MidtransOperation.SUBSCRIPTION_CREATE;
		HttpUrl url = this.transport.url("v1", "subscriptions").build();
		return MidtransClient.required(this.transport.send(operation, "POST", url, request, options, request.name(),
				SubscriptionResponse.class), operation, request.name());
	}

	/**
	 * Read a subscription, with its schedule progress and the ids of the transactions
	 * charged so far: {@code GET /v1/subscriptions/{id}}. Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @return the subscription
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/get-subscription">Get
	 * Subscription</a>
	 */
	public SubscriptionResponse get(String subscriptionId) {
		MidtransOperation operation = MidtransOperation.SUBSCRIPTION_GET;
		HttpUrl url = this.transport.url("v1", "subscriptions", MidtransClient.requireId(subscriptionId)).build();
		return MidtransClient.required(this.transport.send(operation, "GET", url, null, RequestOptions.none(),
				subscriptionId, SubscriptionResponse.class), operation, subscriptionId);
	}

	/**
	 * Change a subscription's name, amount, token, schedule interval or retry schedule:
	 * {@code PATCH /v1/subscriptions/{id}}. Repeating it with the same body leaves the
	 * same result. A schedule with a future start revives an inactive subscription.
	 * @param subscriptionId Midtrans' subscription id
	 * @param request the new values
	 * @return Midtrans' acknowledgement; read the subscription to see the result
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/update-subscription">Update
	 * Subscription</a>
	 */
	public SubscriptionActionResponse update(String subscriptionId, SubscriptionUpdateRequest request) {
		HttpUrl url = this.transport.url("v1", "subscriptions", MidtransClient.requireId(subscriptionId)).build();
		return acknowledgement(this.transport.send(MidtransOperation.SUBSCRIPTION_UPDATE, "PATCH", url, request,
				RequestOptions.none(), subscriptionId, SubscriptionActionResponse.class));
	}

	/**
	 * Stop future charges: {@code POST /v1/subscriptions/{id}/disable}. Retries of
	 * earlier failed charges still run; use {@link #cancel(String)} to stop those too.
	 * Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @return Midtrans' acknowledgement
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/disable-subscription">Disable
	 * Subscription</a>
	 */
	public SubscriptionActionResponse disable(String subscriptionId) {
		return action(MidtransOperation.SUBSCRIPTION_DISABLE, subscriptionId, "disable");
	}

	/**
	 * Resume charging a disabled subscription: {@code POST
	 * /v1/subscriptions/{id}/enable}. Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @return Midtrans' acknowledgement
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/subscriptions-api">Subscriptions
	 * API</a>
	 */
	public SubscriptionActionResponse enable(String subscriptionId) {
		return action(MidtransOperation.SUBSCRIPTION_ENABLE, subscriptionId, "enable");
	}

	/**
	 * Stop future charges and pending retries: {@code POST
	 * /v1/subscriptions/{id}/cancel}. Safe to repeat.
	 * @param subscriptionId Midtrans' subscription id
	 * @return Midtrans' acknowledgement
	 * @throws MidtransNotFoundException when Midtrans does not know the id
	 * @throws MidtransException for other failures
	 * @see <a href="https://docs.midtrans.com/reference/cancel-subscription">Cancel
	 * Subscription</a>
	 */
	public SubscriptionActionResponse cancel(String subscriptionId) {
		return action(MidtransOperation.SUBSCRIPTION_CANCEL, subscriptionId, "cancel");
	}

	private SubscriptionActionResponse action(MidtransOperation operation, String subscriptionId, String action) {
		HttpUrl url = this.transport.url("v1", "subscriptions", MidtransClient.requireId(subscriptionId), action)
			.build();
		return acknowledgement(this.transport.send(operation, "POST", url, null, RequestOptions.none(), subscriptionId,
				SubscriptionActionResponse.class));
	}

	private static SubscriptionActionResponse acknowledgement(@Nullable SubscriptionActionResponse answer) {
		// A 2xx without a body is still a success for these calls.
		return (answer != null) ? answer : new SubscriptionActionResponse(null, null);
	}

}
