package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Subscriptions API ({@code /v1/subscriptions}) and its renewals on the simulator
 * clock. Only touched while holding the engine's lock.
 */
final class SimulatorSubscriptions {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9\\-_~.]{1,40}");

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(3);

	private static final String UPDATED = "Subscription is updated.";

	private final SimulatorEngine engine;

	private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();

	private final Map<String, Stored> idempotent = new HashMap<>();

	SimulatorSubscriptions(SimulatorEngine engine) {
		this.engine = engine;
	}

	/** One subscription. Mutable, under the engine's lock. */
	static final class Subscription {

		final String id = UUID.randomUUID().toString();

		final String paymentType;

		final Instant createdAt;

		final @Nullable Integer maxInterval;

		final String intervalUnit;

		final @Nullable Instant startTime;

		final List<String> transactionIds = new ArrayList<>();

		final List<String> orderIds = new ArrayList<>();

		/**
		 * Scripted failures of the next charge attempts: status codes 202, 402, 411, 500.
		 */
		final Deque<Integer> failures = new ArrayDeque<>();

		String name;

		long amount;

		String token;

		int interval;

		@Nullable Integer pendingInterval;

		int retryInterval = 1;

		String retryUnit = "hour";

		int retryMax = 3;

		ObjectNode metadata;

		@Nullable ObjectNode customer;

		@Nullable String gopayAccountId;

		String status = "active";

		boolean cancelled;

		int currentInterval;

		@Nullable Instant previousExecutionAt;

		@Nullable Instant nextExecutionAt;

		@Nullable Instant retryAt;

		int retriesDone;

		Subscription(String name, long amount, String paymentType, String token, int interval, String intervalUnit,
				@Nullable Integer maxInterval, @Nullable Instant startTime, Instant createdAt, ObjectNode metadata) {
			this.name = name;
			this.amount = amount;
			this.paymentType = paymentType;
			this.token = token;
			this.interval = interval;
			this.intervalUnit = intervalUnit;
			this.maxInterval = maxInterval;
			this.startTime = startTime;
			this.createdAt = createdAt;
			this.metadata = metadata;
		}

		SubscriptionSnapshot snapshot() {
			return new SubscriptionSnapshot(this.id, this.name, this.amount, this.paymentType, this.status,
					this.cancelled, this.currentInterval, this.nextExecutionAt, this.previousExecutionAt,
					this.transactionIds, this.orderIds, this.retryAt);
		}

	}

	private record Stored(Instant storedAt, Answer answer) {

	}

	/**
	 * The outcome of one charge attempt: the notification's {@code transaction} object,
	 * and the order id of the transaction created, if any.
	 */
	private record Attempt(boolean success, ObjectNode transaction, @Nullable String orderId) {

	}

	Answer create(@Nullable JsonNode body, @Nullable String idempotencyKey) {
		Instant now = this.engine.now();
		List<String> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			return invalid(List.of("subscription must be a JSON object"));
		}
		String name = Wire.text(body, "name");
		if (name == null || name.isEmpty()) {
			errors.add("subscription.name is required");
		}
		else if (!NAME.matcher(name).matches()) {
			errors.add("subscription.name must be 1 to 40 of A-Z a-z 0-9 - _ ~ .");
		}
		Long amount = amount(body.get("amount"), errors);
		String currency = Wire.text(body, "currency");
		if (currency == null) {
			errors.add("subscription.currency is required");
		}
		else if (!"IDR".equals(currency)) {
			errors.add("subscription.currency must be IDR");
		}
		String paymentType = Wire.text(body, "payment_type");
		if (paymentType == null) {
			errors.add("subscription.payment_type is required");
		}
		else if (!Set.of("credit_card", "gopay").contains(paymentType)) {
			errors.add("subscription.payment_type must be credit_card or gopay");
		}
		String token = Wire.text(body, "token");
		if (token == null || token.isBlank()) {
			errors.add("subscription.token is required");
		}
		JsonNode schedule = body.get("schedule");
		Integer interval = null;
		String unit = null;
		Integer maxInterval = null;
		Instant start = null;
		if (schedule == null || !schedule.isObject()) {
			errors.add("subscription.schedule is required");
		}
		else {
			interval = positive(schedule.get("interval"), "subscription.schedule.interval", errors);
			unit = Wire.text(schedule, "interval_unit");
			if (unit == null || !Set.of("day", "week", "month").contains(unit.toLowerCase(Locale.ROOT))) {
				errors.add("subscription.schedule.interval_unit must be day, week or month");
			}
			JsonNode max = schedule.get("max_interval");
			if (max != null && !max.isNull()) {
				if (!max.canConvertToInt() || max.intValue() < 0) {
					errors.add("subscription.schedule.max_interval must not be negative");
				}
				else {
					maxInterval = max.intValue();
				}
			}
			String startText = Wire.text(schedule, "start_time");
			if (startText != null) {
				start = Wire.parseTime(startText);
				if (start == null) {
					errors.add("subscription.schedule.start_time must look like yyyy-MM-dd HH:mm:ss Z");
				}
				else if (!start.isAfter(now)) {
					errors.add("subscription.schedule.start_time must be in the future");
				}
			}
		}
		JsonNode retry = body.get("retry_schedule");
		checkRetry(retry, errors);
		String accountId = Wire.text(body.get("gopay"), "account_id");
		if ("gopay".equals(paymentType) && accountId == null) {
			errors.add("subscription.gopay.account_id is required for gopay");
		}
		JsonNode metadata = body.get("metadata");
		if (metadata != null && !metadata.isNull() && Wire.write(metadata).length() >= 1024) {
			errors.add("subscription.metadata must be smaller than 1 KB");
		}
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		// The body is validated before the idempotency key is looked at.
		boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
		if (keyed) {
			this.idempotent.values().removeIf((stored) -> now.isAfter(stored.storedAt.plus(IDEMPOTENCY_WINDOW)));
			Stored stored = this.idempotent.get(idempotencyKey);
			if (stored != null) {
				return stored.answer;
			}
		}
		ObjectNode meta = (metadata != null && metadata.isObject()) ? (ObjectNode) metadata.deepCopy() : Wire.object();
		Subscription subscription = new Subscription(name, amount, paymentType, token, interval,
				unit.toLowerCase(Locale.ROOT), maxInterval, start, now, meta);
		if (retry != null && retry.isObject()) {
			applyRetry(subscription, retry);
		}
		JsonNode customer = body.get("customer_details");
		subscription.customer = (customer != null && customer.isObject()) ? (ObjectNode) customer.deepCopy() : null;
		subscription.gopayAccountId = accountId;
		subscription.nextExecutionAt = (start != null) ? start : plus(now, interval, subscription.intervalUnit);
		this.subscriptions.put(subscription.id, subscription);
		ObjectNode answerBody = body(subscription, false);
		Answer answer = new Answer(200, Wire.write(answerBody), Map.of(), false);
		if (keyed) {
			this.idempotent.put(idempotencyKey, new Stored(now, answer));
		}
		this.engine.sendRecurring(SubscriptionNotifications.created(subscription, this.engine.merchantId()),
				subscription.id, subscription.status, "200");
		return answer;
	}

	Answer get(String id) {
		Subscription subscription = this.subscriptions.get(id);
		return (subscription != null) ? new Answer(200, Wire.write(body(subscription, true)), Map.of(), false)
				: notFound();
	}

	Answer update(String id, @Nullable JsonNode body) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			return notFound();
		}
		Instant now = this.engine.now();
		List<String> errors = new ArrayList<>();
		if (body == null || !body.isObject()) {
			return invalid(List.of("subscription must be a JSON object"));
		}
		String name = Wire.text(body, "name");
		if (name == null || !NAME.matcher(name).matches()) {
			errors.add("subscription.name is required: 1 to 40 of A-Z a-z 0-9 - _ ~ .");
		}
		Long amount = amount(body.get("amount"), errors);
		if (!"IDR".equals(Wire.text(body, "currency"))) {
			errors.add("subscription.currency is required and must be IDR");
		}
		String token = Wire.text(body, "token");
		if (token == null || token.isBlank()) {
			errors.add("subscription.token is required");
		}
		String paymentType = Wire.text(body, "payment_type");
		if (paymentType != null && !paymentType.equals(subscription.paymentType)) {
			errors.add("subscription.payment_type cannot be changed; disable it and create a new subscription");
		}
		JsonNode schedule = body.get("schedule");
		Integer interval = null;
		Instant start = null;
		if (schedule != null && schedule.isObject()) {
			if (schedule.has("interval") && !schedule.get("interval").isNull()) {
				interval = positive(schedule.get("interval"), "subscription.schedule.interval", errors);
			}
			String unit = Wire.text(schedule, "interval_unit");
			if (unit != null && !unit.equalsIgnoreCase(subscription.intervalUnit)) {
				errors.add("subscription.schedule.interval_unit cannot be changed");
			}
			JsonNode max = schedule.get("max_interval");
			if (max != null && !max.isNull()
					&& (subscription.maxInterval == null || max.asInt() != subscription.maxInterval)) {
				errors.add("subscription.schedule.max_interval cannot be changed");
			}
			String startText = Wire.text(schedule, "start_time");
			if (startText != null) {
				start = Wire.parseTime(startText);
				if (start == null || !start.isAfter(now)) {
					errors.add("subscription.schedule.start_time must be a future yyyy-MM-dd HH:mm:ss Z");
				}
			}
		}
		JsonNode retry = body.get("retry_schedule");
		checkRetry(retry, errors);
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		subscription.name = name;
		subscription.amount = amount;
		subscription.token = token;
		if (interval != null && interval != subscription.interval) {
			// Takes effect after the next scheduled charge.
			subscription.pendingInterval = interval;
		}
		if (start != null) {
			// A schedule with a future start revives the subscription.
			subscription.nextExecutionAt = start;
			subscription.status = "active";
			subscription.cancelled = false;
		}
		if (retry != null && retry.isObject()) {
			applyRetry(subscription, retry);
		}
		String accountId = Wire.text(body.get("gopay"), "account_id");
		if (accountId != null) {
			subscription.gopayAccountId = accountId;
		}
		return updated();
	}

	Answer disable(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			return notFound();
		}
		subscription.status = "inactive";
		return updated();
	}

	Answer enable(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			return notFound();
		}
		Instant now = this.engine.now();
		subscription.status = "active";
		subscription.cancelled = false;
		if (subscription.nextExecutionAt == null) {
			subscription.nextExecutionAt = plus(now, subscription.interval, subscription.intervalUnit);
		}
		// Cycles missed while disabled are skipped, not charged late.
		while (!subscription.nextExecutionAt.isAfter(now)) {
			subscription.nextExecutionAt = plus(subscription.nextExecutionAt, subscription.interval,
					subscription.intervalUnit);
		}
		return updated();
	}

	Answer cancel(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			return notFound();
		}
		subscription.status = "inactive";
		subscription.cancelled = true;
		subscription.retryAt = null;
		return updated();
	}

	/**
	 * Run every cycle and retry that is due, oldest first.
	 */
	void runDue(Instant now) {
		for (Subscription subscription : this.subscriptions.values()) {
			while (true) {
				Instant cycle = ("active".equals(subscription.status)) ? subscription.nextExecutionAt : null;
				Instant retry = subscription.retryAt;
				boolean cycleDue = cycle != null && !cycle.isAfter(now);
				boolean retryDue = retry != null && !retry.isAfter(now);
				if (!cycleDue && !retryDue) {
					break;
				}
				if (cycleDue && (!retryDue || !retry.isBefore(cycle))) {
					runCycle(subscription, cycle);
				}
				else {
					runRetry(subscription, retry);
				}
			}
		}
	}

	private void runCycle(Subscription subscription, Instant scheduled) {
		subscription.currentInterval++;
		subscription.previousExecutionAt = scheduled;
		if (subscription.pendingInterval != null) {
			subscription.interval = subscription.pendingInterval;
			subscription.pendingInterval = null;
		}
		int total = (subscription.maxInterval == null) ? Integer.MAX_VALUE : Math.max(1, subscription.maxInterval);
		if (subscription.currentInterval >= total) {
			subscription.nextExecutionAt = null;
			subscription.status = "inactive";
		}
		else {
			subscription.nextExecutionAt = plus(scheduled, subscription.interval, subscription.intervalUnit);
		}
		subscription.retryAt = null;
		subscription.retriesDone = 0;
		Attempt attempt = charge(subscription);
		if (!attempt.success() && subscription.retryMax > 0 && !subscription.cancelled) {
			subscription.retryAt = plus(this.engine.now(), subscription.retryInterval, subscription.retryUnit);
			return;
		}
		notifyCharge(subscription, attempt);
	}

	private void runRetry(Subscription subscription, Instant due) {
		subscription.retryAt = null;
		subscription.retriesDone++;
		Attempt attempt = charge(subscription);
		if (!attempt.success() && subscription.retriesDone < subscription.retryMax && !subscription.cancelled) {
			subscription.retryAt = plus(due, subscription.retryInterval, subscription.retryUnit);
			return;
		}
		notifyCharge(subscription, attempt);
	}

	private Attempt charge(Subscription subscription) {
		Integer failure = subscription.failures.poll();
		if (failure != null && failure != 202) {
			// Payment type not activated, token refused or an internal error: Midtrans
			// creates no transaction, and the notification carries only the code.
			return refused(failure);
		}
		ObjectNode method = Wire.object();
		String declineMessage = null;
		String responseCode = "00";
		String responseMessage = "Approved";
		boolean card = "credit_card".equals(subscription.paymentType);
		if (card) {
			SimulatorCards.Card saved = this.engine.cards().savedCard(subscription.token);
			method.put("masked_card", (saved != null) ? saved.masked() : masked(subscription.token));
			method.put("bank", "bni");
			method.put("card_type", "credit");
			method.put("saved_token_id", subscription.token);
			if (saved != null) {
				SimulatorCards.Decision decision = SimulatorCards.decide(saved, subscription.amount);
				if (!decision.accepted()) {
					declineMessage = "Deny by Bank [BNI] with code [" + decision.responseCode() + "]";
					responseCode = decision.responseCode();
					responseMessage = decision.responseMessage();
				}
			}
		}
		else {
			SimulatorPayAccounts.Account account = (subscription.gopayAccountId != null)
					? this.engine.payAccounts().find(subscription.gopayAccountId) : null;
			SimulatorPayAccounts.Option option = (account != null && "ENABLED".equals(account.status))
					? account.options.values()
						.stream()
						.filter((candidate) -> candidate.token.equals(subscription.token))
						.findFirst()
						.orElse(null)
					: null;
			if (option == null) {
				return refused(411);
			}
			if (option.balance < subscription.amount) {
				declineMessage = "GoPay balance is insufficient";
				responseCode = "51";
				responseMessage = "Insufficient balance";
			}
			else if (failure == null) {
				option.balance -= subscription.amount;
				method.put("payment_option_type", option.name);
			}
		}
		if (failure != null) {
			declineMessage = "Deny by Bank [BNI] with code [05]";
			responseCode = "05";
			responseMessage = "Do not honor";
		}
		String orderId = this.engine.ledger().uniqueOrderId(subscription.name);
		subscription.orderIds.add(orderId);
		method.put("channel_response_code", responseCode);
		method.put("channel_response_message", responseMessage);
		ObjectNode transaction = Wire.object();
		if (declineMessage != null) {
			SimulatedTransaction tx = this.engine.ledger()
				.recordTransaction(orderId, subscription.paymentType, subscription.amount, method, "deny",
						card ? "accept" : null);
			transaction.put("transaction_status", "deny");
			transaction.put("transaction_id", tx.transactionId);
			transaction.put("status_code", "202");
			transaction.put("status_message", declineMessage);
			transaction.put("channel_response_message", responseMessage);
			transaction.put("channel_response_code", responseCode);
			return new Attempt(false, transaction, orderId);
		}
		SimulatedTransaction tx;
		if (card) {
			method.put("approval_code", Long.toString(1_000_000_000_000L + subscription.orderIds.size()));
			method.put("eci", "05");
			tx = this.engine.ledger()
				.recordTransaction(orderId, subscription.paymentType, subscription.amount, method, "capture", "accept");
		}
		else {
			tx = this.engine.ledger()
				.recordTransaction(orderId, subscription.paymentType, subscription.amount, method, "settlement",
						"accept");
		}
		subscription.transactionIds.add(tx.transactionId);
		transaction.put("transaction_status", tx.status);
		transaction.put("transaction_id", tx.transactionId);
		transaction.put("status_code", "200");
		if (card) {
			// Only a card charge's result names the bank's answer (published samples).
			transaction.put("channel_response_message", "Approved");
			transaction.put("channel_response_code", "0");
			// A recurring card charge settles right away in the simulator.
			this.engine.ledger().transition(tx, "settlement", "accept");
		}
		return new Attempt(true, transaction, orderId);
	}

	/**
	 * A charge attempt Midtrans refuses before creating a transaction, with the wording
	 * of its published subscription notifications.
	 */
	private static Attempt refused(int statusCode) {
		ObjectNode transaction = Wire.object();
		transaction.put("status_message", switch (statusCode) {
			case 402 -> "Merchant doesn't have access for this payment type";
			case 411 -> "Token id is missing, invalid, or timed out";
			default -> "Internal Server Error";
		});
		transaction.put("status_code", Integer.toString(statusCode));
		return new Attempt(false, transaction, null);
	}

	private void notifyCharge(Subscription subscription, Attempt attempt) {
		ObjectNode body = SubscriptionNotifications.charge(subscription, attempt.transaction(),
				this.engine.merchantId());
		String subject = (attempt.orderId() != null) ? attempt.orderId() : subscription.id;
		String status = Optional.ofNullable(Wire.text(attempt.transaction(), "transaction_status")).orElse("failure");
		this.engine.sendRecurring(body, subject, status, Wire.text(attempt.transaction(), "status_code"));
	}

	void failNext(String id, int statusCode) {
		if (!Set.of(202, 402, 411, 500).contains(statusCode)) {
			throw new IllegalArgumentException(
					"A renewal fails with status code 202, 402, 411 or 500, not " + statusCode);
		}
		require(id).failures.add(statusCode);
	}

	Optional<SubscriptionSnapshot> snapshot(String id) {
		return Optional.ofNullable(this.subscriptions.get(id)).map(Subscription::snapshot);
	}

	List<SubscriptionSnapshot> snapshots() {
		return this.subscriptions.values().stream().map(Subscription::snapshot).toList();
	}

	void reset() {
		this.subscriptions.clear();
		this.idempotent.clear();
	}

	private Subscription require(String id) {
		Subscription subscription = this.subscriptions.get(id);
		if (subscription == null) {
			throw new IllegalStateException("The simulator has no subscription '" + id + "'");
		}
		return subscription;
	}

	private static ObjectNode body(Subscription subscription, boolean full) {
		ObjectNode body = Wire.object();
		body.put("id", subscription.id);
		body.put("name", subscription.name);
		body.put("amount", Long.toString(subscription.amount));
		body.put("currency", "IDR");
		body.put("created_at", Wire.isoLocal(subscription.createdAt));
		ObjectNode schedule = body.putObject("schedule");
		schedule.put("interval", subscription.interval);
		schedule.put("interval_unit", subscription.intervalUnit);
		if (full) {
			if (subscription.maxInterval != null) {
				schedule.put("max_interval", subscription.maxInterval);
			}
			else {
				schedule.putNull("max_interval");
			}
			schedule.put("current_interval", subscription.currentInterval);
		}
		Instant start = (subscription.startTime != null) ? subscription.startTime : subscription.createdAt;
		schedule.put("start_time", Wire.isoLocal(start));
		if (subscription.previousExecutionAt != null) {
			schedule.put("previous_execution_at", Wire.isoLocal(subscription.previousExecutionAt));
		}
		else {
			schedule.putNull("previous_execution_at");
		}
		if (subscription.nextExecutionAt != null) {
			schedule.put("next_execution_at", Wire.isoLocal(subscription.nextExecutionAt));
		}
		else {
			schedule.putNull("next_execution_at");
		}
		ObjectNode retry = body.putObject("retry_schedule");
		retry.put("interval", subscription.retryInterval);
		retry.put("interval_unit", subscription.retryUnit);
		retry.put("max_interval", subscription.retryMax);
		body.put("status", subscription.status);
		body.put("token", subscription.token);
		body.put("payment_type", subscription.paymentType);
		body.set("metadata", subscription.metadata.deepCopy());
		body.set("customer_details",
				(subscription.customer != null) ? subscription.customer.deepCopy() : Wire.object());
		if (full) {
			ArrayNode ids = body.putArray("transaction_ids");
			subscription.transactionIds.forEach(ids::add);
		}
		if (subscription.gopayAccountId != null) {
			body.putObject("gopay").put("account_id", subscription.gopayAccountId);
		}
		return body;
	}

	private static @Nullable Long amount(@Nullable JsonNode node, List<String> errors) {
		if (node == null || node.isNull()) {
			errors.add("subscription.amount is required");
			return null;
		}
		Long amount = Wire.wholeRupiah(node);
		if (amount == null || amount < 1) {
			errors.add("subscription.amount must be a positive whole number without decimals");
			return null;
		}
		return amount;
	}

	private static @Nullable Integer positive(@Nullable JsonNode node, String field, List<String> errors) {
		if (node == null || node.isNull()) {
			errors.add(field + " is required");
			return null;
		}
		if (!node.canConvertToInt() || !node.isIntegralNumber() || node.intValue() < 1) {
			errors.add(field + " must be a whole number of at least 1");
			return null;
		}
		return node.intValue();
	}

	private static void checkRetry(@Nullable JsonNode retry, List<String> errors) {
		if (retry == null || retry.isNull()) {
			return;
		}
		if (!retry.isObject()) {
			errors.add("subscription.retry_schedule must be an object");
			return;
		}
		positive(retry.get("interval"), "subscription.retry_schedule.interval", errors);
		String unit = Wire.text(retry, "interval_unit");
		if (unit == null || !Set.of("minute", "hour", "day").contains(unit.toLowerCase(Locale.ROOT))) {
			errors.add("subscription.retry_schedule.interval_unit must be minute, hour or day");
		}
		JsonNode max = retry.get("max_interval");
		if (max == null || !max.canConvertToInt() || max.intValue() < 0 || max.intValue() > 3) {
			errors.add("subscription.retry_schedule.max_interval must be between 0 and 3");
		}
	}

	private static void applyRetry(Subscription subscription, JsonNode retry) {
		subscription.retryInterval = retry.get("interval").intValue();
		subscription.retryUnit = Wire.text(retry, "interval_unit").toLowerCase(Locale.ROOT);
		subscription.retryMax = retry.get("max_interval").intValue();
	}

	static Instant plus(Instant from, int amount, String unit) {
		ZonedDateTime at = from.atZone(SimulatorClock.JAKARTA);
		return switch (unit) {
			case "minute" -> at.plusMinutes(amount).toInstant();
			case "hour" -> at.plusHours(amount).toInstant();
			case "day" -> at.plusDays(amount).toInstant();
			case "week" -> at.plusWeeks(amount).toInstant();
			default -> at.plusMonths(amount).toInstant();
		};
	}

	private static String masked(String token) {
		if (token.length() >= 12 && token.substring(0, 8).chars().allMatch(Character::isDigit)
				&& token.substring(token.length() - 4).chars().allMatch(Character::isDigit)) {
			return token.substring(0, 8) + "-" + token.substring(token.length() - 4);
		}
		return "48111111-1114";
	}

	private static Answer invalid(List<String> messages) {
		ObjectNode body = Wire.object();
		body.put("status_message", "Invalid parameter.");
		ArrayNode list = body.putArray("validation_messages");
		messages.forEach(list::add);
		return new Answer(400, Wire.write(body), Map.of(), false);
	}

	private static Answer notFound() {
		return new Answer(404, Wire.write(Wire.object().put("status_message", "Subscription doesn't exist.")), Map.of(),
				false);
	}

	private static Answer updated() {
		return new Answer(200, Wire.write(Wire.object().put("status_message", UPDATED)), Map.of(), false);
	}

}
