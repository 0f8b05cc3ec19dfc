package io.github.springmidtrans.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionNotFoundException;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import io.github.springmidtrans.web.MidtransPaymentController.CustomerBody;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * REST API over {@link SubscriptionService}: create, list, read, enable, disable and
 * cancel subscriptions, under {@code midtrans.web.api.base-path} +
 * {@code /subscriptions}. Subscriptions are addressed by Midtrans' subscription id.
 * Answers never carry the card or GoPay token, the idempotency key or metadata. The API
 * moves money: the application must protect it.
 *
 * @since 0.1.0
 */
@RestController
@RequestMapping(path = "${midtrans.web.api.base-path:/midtrans/api}/subscriptions", produces = "application/json")
public class MidtransSubscriptionController {

	private static final int MAX_IDEMPOTENCY_KEY = 46;

	private final SubscriptionService subscriptions;

	/**
	 * Create the controller.
	 * @param subscriptions the subscription service
	 */
	public MidtransSubscriptionController(SubscriptionService subscriptions) {
		this.subscriptions = subscriptions;
	}

	/**
	 * Create a subscription. Send an {@code Idempotency-Key} header (1 to 46 characters)
	 * to be able to repeat the request safely after a timeout; without one, each request
	 * creates a new subscription.
	 * @param body the subscription
	 * @param idempotencyKey identifies this intent, may be absent
	 * @return 201 with the subscription as it stands after Midtrans' answer
	 */
	@PostMapping(consumes = "application/json")
	public ResponseEntity<SubscriptionView> create(@RequestBody SubscriptionBody body,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
		SubscriptionRequest request = body.toSubscriptionRequest();
		MidtransSubscription subscription;
		if (idempotencyKey != null) {
			if (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY) {
				throw new IllegalArgumentException(
						"Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
			}
			subscription = this.subscriptions.create(request, idempotencyKey);
		}
		else {
			subscription = this.subscriptions.create(request);
		}
		ResponseEntity.BodyBuilder answer = ResponseEntity.status(201);
		if (subscription.getSubscriptionId() != null) {
			URI location = ServletUriComponentsBuilder.fromCurrentRequestUri()
				.path("/{id}")
				.buildAndExpand(subscription.getSubscriptionId())
				.toUri();
			answer.location(location);
		}
		return answer.body(SubscriptionView.of(subscription));
	}

	/**
	 * List subscriptions, newest first.
	 * @param status only subscriptions in this status (a {@link SubscriptionStatus} name,
	 * any case)
	 * @param limit page size, 1 to 100
	 * @param before only subscriptions with a smaller id: the previous page's
	 * {@code nextBefore}
	 * @return the page
	 */
	@GetMapping
	public MidtransApiPage<SubscriptionView> list(@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = "" + ApiRequests.DEFAULT_LIMIT) int limit,
			@RequestParam(required = false) @Nullable Long before) {
		int size = ApiRequests.limit(limit);
		List<MidtransSubscription> page = this.subscriptions
			.findRecent(ApiRequests.status(status, SubscriptionStatus.class), ApiRequests.before(before), size);
		return new MidtransApiPage<>(page.stream().map(SubscriptionView::of).toList(),
				ApiRequests.nextBefore(page, size, MidtransSubscription::getId));
	}

	/**
	 * Read a subscription as stored.
	 * @param id Midtrans' subscription id
	 * @return the subscription
	 */
	@GetMapping("/{id}")
	public SubscriptionView get(@PathVariable String id) {
		return SubscriptionView.of(this.subscriptions.findBySubscriptionId(id)
			.orElseThrow(() -> new SubscriptionNotFoundException("No subscription with id '" + id + "' is stored")));
	}

	/**
	 * Enable a disabled or inactive subscription again.
	 * @param id Midtrans' subscription id
	 * @return the subscription afterwards
	 */
	@PostMapping("/{id}/enable")
	public SubscriptionView enable(@PathVariable String id) {
		return SubscriptionView.of(this.subscriptions.enable(id));
	}

	/**
	 * Disable a subscription: no future charges.
	 * @param id Midtrans' subscription id
	 * @return the subscription afterwards
	 */
	@PostMapping("/{id}/disable")
	public SubscriptionView disable(@PathVariable String id) {
		return SubscriptionView.of(this.subscriptions.disable(id));
	}

	/**
	 * Cancel a subscription for good.
	 * @param id Midtrans' subscription id
	 * @return the subscription afterwards
	 */
	@PostMapping("/{id}/cancel")
	public SubscriptionView cancel(@PathVariable String id) {
		return SubscriptionView.of(this.subscriptions.cancel(id));
	}

	/**
	 * A subscription as the REST API accepts it (camelCase JSON).
	 *
	 * @param name the name; renewal order ids start with it (required)
	 * @param amount the amount per charge in whole rupiah (required)
	 * @param paymentType {@code credit_card} or {@code gopay} (required)
	 * @param token the card's saved token id, or the GoPay payment option token
	 * (required; never shown back)
	 * @param gopayAccountId the linked GoPay account id, for {@code gopay}
	 * @param interval how many units between charges (required)
	 * @param intervalUnit {@code day}, {@code week} or {@code month} (required)
	 * @param maxInterval how many charges in total; unlimited when absent
	 * @param startTime when the first charge happens, ISO-8601 with offset
	 * @param customer the customer
	 */
	public record SubscriptionBody(@Nullable String name, @Nullable Long amount, @Nullable String paymentType,
			@Nullable String token, @Nullable String gopayAccountId, @Nullable Integer interval,
			@Nullable String intervalUnit, @Nullable Integer maxInterval, @Nullable OffsetDateTime startTime,
			@Nullable CustomerBody customer) {

		SubscriptionRequest toSubscriptionRequest() {
			String subscriptionName = ApiRequests.required(this.name, "name");
			long perCharge = ApiRequests.required(this.amount, "amount");
			String secret = ApiRequests.required(this.token, "token");
			String unitName = ApiRequests.required(this.intervalUnit, "intervalUnit");
			IntervalUnit unit = IntervalUnit.fromWireValue(unitName);
			if (unit == null || unit == IntervalUnit.UNKNOWN) {
				throw new IllegalArgumentException("intervalUnit must be day, week or month, got '" + unitName + "'");
			}
			SubscriptionSchedule schedule = new SubscriptionSchedule(ApiRequests.required(this.interval, "interval"),
					unit, this.maxInterval, this.startTime);
			String type = ApiRequests.required(this.paymentType, "paymentType");
			SubscriptionRequest.Builder builder = switch (type) {
				case "credit_card" -> SubscriptionRequest.creditCard(subscriptionName, perCharge, secret, schedule);
				case "gopay" -> SubscriptionRequest.gopay(subscriptionName, perCharge, secret,
						ApiRequests.required(this.gopayAccountId, "gopayAccountId"), schedule);
				default ->
					throw new IllegalArgumentException("paymentType must be credit_card or gopay, got '" + type + "'");
			};
			if (this.customer != null) {
				builder.customer(this.customer.toCustomerDetails());
			}
			return builder.build();
		}

		@Override
		public String toString() {
			return "SubscriptionBody[name=" + this.name + ", amount=" + this.amount + ", paymentType="
					+ this.paymentType + ", token=(hidden), interval=" + this.interval + ", intervalUnit="
					+ this.intervalUnit + "]";
		}

	}

	/**
	 * A subscription as the REST API shows it: ids and values, never its token,
	 * idempotency key or metadata.
	 *
	 * @param id the local id, for paging
	 * @param subscriptionId Midtrans' subscription id
	 * @param name the name
	 * @param amount the amount per charge
	 * @param currency the currency
	 * @param paymentType {@code credit_card} or {@code gopay}
	 * @param status the local status
	 * @param interval how many units between charges
	 * @param intervalUnit the unit
	 * @param maxInterval how many charges in total
	 * @param currentInterval how many charges so far
	 * @param startTime when the first charge happens
	 * @param previousExecutionAt when the last charge happened
	 * @param nextExecutionAt when the next charge happens
	 * @param customerFirstName the customer's first name
	 * @param customerLastName the customer's last name
	 * @param customerEmail the customer's email address
	 * @param customerPhone the customer's phone number
	 * @param createdAt when the row was created
	 * @param updatedAt when the row last changed
	 */
	public record SubscriptionView(@Nullable Long id, @Nullable String subscriptionId, String name, BigDecimal amount,
			String currency, String paymentType, SubscriptionStatus status, int interval, String intervalUnit,
			@Nullable Integer maxInterval, @Nullable Integer currentInterval, @Nullable Instant startTime,
			@Nullable Instant previousExecutionAt, @Nullable Instant nextExecutionAt,
			@Nullable String customerFirstName, @Nullable String customerLastName, @Nullable String customerEmail,
			@Nullable String customerPhone, Instant createdAt, Instant updatedAt) {

		static SubscriptionView of(MidtransSubscription subscription) {
			return new SubscriptionView(subscription.getId(), subscription.getSubscriptionId(), subscription.getName(),
					subscription.getAmount(), subscription.getCurrency(), subscription.getPaymentType(),
					subscription.getStatus(), subscription.getScheduleInterval(),
					subscription.getScheduleIntervalUnit(), subscription.getScheduleMaxInterval(),
					subscription.getScheduleCurrentInterval(), subscription.getStartTime(),
					subscription.getPreviousExecutionAt(), subscription.getNextExecutionAt(),
					subscription.getCustomerFirstName(), subscription.getCustomerLastName(),
					subscription.getCustomerEmail(), subscription.getCustomerPhone(), subscription.getCreatedAt(),
					subscription.getUpdatedAt());
		}

	}

}
