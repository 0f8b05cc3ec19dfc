package io.github.springmidtrans.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.client.NotificationSignature;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state and the Core API rules of the simulator. Every method that reads or changes
 * state holds this object's lock, so calls from the web server's threads, from tests and
 * from the clock are serialised; notifications are queued while the lock is held, so
 * their order is the order of the changes.
 */
final class SimulatorEngine {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");

	private static final Pattern REFUND_KEY = Pattern.compile("[A-Za-z0-9_\\-]{1,100}");

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

	private static final int MAX_IDEMPOTENCY_KEY = 46;

	private static final Set<String> PAYMENT_TYPES = Set.of("credit_card", "bank_transfer", "echannel", "gopay",
			"shopeepay", "qris", "cstore", "akulaku", "kredivo");

	private static final Set<String> VA_BANKS = Set.of("bca", "bni", "bri", "cimb", "permata");

	/** Payment types Midtrans cannot refund through the API. */
	private static final Set<String> NOT_REFUNDABLE = Set.of("bank_transfer", "echannel", "cstore");

	/**
	 * Sandbox cards that are declined (section 6.1), keyed by first six and last four
	 * digits: value {@code bank} (declined by the bank) or {@code fds} (denied by fraud
	 * detection).
	 */
	private static final Map<String, String> DECLINED_CARDS = Map.ofEntries(Map.entry("491111-1113", "bank"),
			Map.entry("471111-1115", "bank"), Map.entry("511111-1118", "bank"), Map.entry("551111-1114", "bank"),
			Map.entry("447242-6670", "bank"), Map.entry("470585-4866", "bank"), Map.entry("559751-1951", "bank"),
			Map.entry("461111-1116", "fds"), Map.entry("541111-1115", "fds"));

	private static final Pattern CARD_TOKEN = Pattern.compile("^(\\d{6})(\\d{0,2})-(\\d{4}).*");

	private final String serverKey;

	private final String merchantId;

	private final Clock clock;

	private final SimulatorNotifications notifications;

	private final @Nullable String notificationUrl;

	private final Supplier<String> baseUrl;

	private final Map<String, SimulatedTransaction> byOrderId = new HashMap<>();

	private final Map<String, SimulatedTransaction> byTransactionId = new HashMap<>();

	private final List<SimulatedTransaction> all = new ArrayList<>();

	private final Map<String, StoredAnswer> idempotent = new LinkedHashMap<>();

	private final SimulatorCards cards = new SimulatorCards();

	private final SimulatorPayAccounts payAccounts = new SimulatorPayAccounts();

	private final SimulatorSubscriptions subscriptions = new SimulatorSubscriptions(this);

	private final SimulatorInvoices invoices = new SimulatorInvoices(this);

	private final SimulatorPaymentLinks paymentLinks = new SimulatorPaymentLinks(this);

	private final SimulatorSnap snap = new SimulatorSnap(this);

	private String clientKey = MidtransSimulator.DEFAULT_CLIENT_KEY;

	private @Nullable String recurringNotificationUrl;

	private @Nullable String payAccountNotificationUrl;

	private long orderSequence;

	SimulatorEngine(String serverKey, String merchantId, Clock clock, SimulatorNotifications notifications,
			@Nullable String notificationUrl, Supplier<String> baseUrl) {
		this.serverKey = serverKey;
		this.merchantId = merchantId;
		this.clock = clock;
		this.notifications = notifications;
		this.notificationUrl = notificationUrl;
		this.baseUrl = baseUrl;
	}

	/**
	 * Settings beyond the Core API: the client key (card tokenization, BIN lookup), the
	 * Recurring Notification URL (subscription notifications) and the Pay Account
	 * Notification URL (link and unbind notifications).
	 */
	synchronized void configure(String clientKey, @Nullable String recurringNotificationUrl,
			@Nullable String payAccountNotificationUrl) {
		this.clientKey = clientKey;
		this.recurringNotificationUrl = recurringNotificationUrl;
		this.payAccountNotificationUrl = payAccountNotificationUrl;
	}

	// ---------------------------------------------------------------- HTTP

	synchronized Answer handle(SimulatorOperation operation, HttpUrl url, Map<String, String> headers, String body) {
		expireDue();
		Instant now = this.clock.instant();
		String key = headers.get("idempotency-key");
		boolean idempotent = operation.coreIdempotent() && key != null && !key.isBlank()
				&& key.length() <= MAX_IDEMPOTENCY_KEY;
		if (idempotent) {
			this.idempotent.values().removeIf((stored) -> now.isAfter(stored.storedAt.plus(IDEMPOTENCY_WINDOW)));
			StoredAnswer stored = this.idempotent.get(key);
			if (stored != null) {
				logger.debug("Simulator replays the stored answer of idempotency key for {}", operation);
				return stored.answer;
			}
		}
		Answer answer = route(operation, url, headers, body);
		if (idempotent && answer.replayable() && answer.successful()) {
			this.idempotent.put(key, new StoredAnswer(now, answer));
		}
		return answer;
	}

	private Answer route(SimulatorOperation operation, HttpUrl url, Map<String, String> headers, String body) {
		List<String> segments = url.pathSegments();
		String id = (segments.size() > 1) ? segments.get(1) : "";
		String subject = Objects.requireNonNullElse(operation.subjectId(url), "");
		if (operation == SimulatorOperation.SNAP_PAGE) {
			return this.snap.page(subject);
		}
		if (operation == SimulatorOperation.SNAP_ACTION) {
			return this.snap.action(subject, segments.get(segments.size() - 1), body);
		}
		JsonNode json;
		try {
			json = (body.isBlank()) ? null : Wire.MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return SimulatorErrors.invalidJson(operation);
		}
		return switch (operation) {
			case CHARGE -> charge(json, headers);
			case STATUS -> status(id);
			case STATUS_B2B -> statusB2b(id, url);
			case CANCEL -> cancel(id);
			case EXPIRE -> expireAction(id);
			case APPROVE -> approve(id);
			case DENY -> denyAction(id);
			case CAPTURE -> capture(json);
			case REFUND -> refund(id, json, false);
			case DIRECT_REFUND -> refund(id, json, true);
			case CARD_TOKEN -> this.cards.token(url, this.clientKey, this.clock.instant());
			case CARD_REGISTER -> this.cards.register(url, this.clientKey, this.clock.instant());
			case BIN -> binLookup(url, headers.get("authorization"));
			case PAY_ACCOUNT_CREATE -> this.payAccounts.create(json, this.baseUrl.get());
			case PAY_ACCOUNT_GET -> this.payAccounts.get(subject);
			case PAY_ACCOUNT_UNBIND -> unbind(subject);
			case SUBSCRIPTION_CREATE -> this.subscriptions.create(json, headers.get("idempotency-key"));
			case SUBSCRIPTION_GET -> this.subscriptions.get(subject);
			case SUBSCRIPTION_UPDATE -> this.subscriptions.update(subject, json);
			case SUBSCRIPTION_DISABLE -> this.subscriptions.disable(subject);
			case SUBSCRIPTION_ENABLE -> this.subscriptions.enable(subject);
			case SUBSCRIPTION_CANCEL -> this.subscriptions.cancel(subject);
			case INVOICE_CREATE -> this.invoices.create(json, headers.get("x-idempotency-key"), this.baseUrl.get());
			case INVOICE_GET -> this.invoices.get(subject);
			case INVOICE_VOID -> this.invoices.voidInvoice(subject);
			case PAYMENT_LINK_CREATE -> this.paymentLinks.create(json, this.baseUrl.get());
			case PAYMENT_LINK_GET -> this.paymentLinks.get(subject);
			case PAYMENT_LINK_DELETE -> this.paymentLinks.delete(subject);
			case SNAP_CREATE -> this.snap.create(json, headers, this.baseUrl.get());
			case SNAP_PAGE, SNAP_ACTION -> throw new IllegalStateException("routed above");
		};
	}

	private Answer binLookup(HttpUrl url, @Nullable String authorization) {
		String user = basicUser(authorization);
		boolean known = user != null && (MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
				this.serverKey.getBytes(StandardCharsets.UTF_8))
				|| MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
						this.clientKey.getBytes(StandardCharsets.UTF_8)));
		if (!known) {
			return new Answer(401, "Unauthorized", Map.of("Content-Type", "text/plain"), false);
		}
		return SimulatorCards.bin(url.pathSegments().get(2));
	}

	private static @Nullable String basicUser(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon >= 0) ? decoded.substring(0, colon) : decoded;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private Answer unbind(String accountId) {
		Answer answer = this.payAccounts.unbind(accountId);
		SimulatorPayAccounts.Account account = this.payAccounts.find(accountId);
		if (account != null && "DISABLED".equals(account.status) && answer.body().contains("\"204\"")) {
			sendPayAccountNotification(account);
		}
		return answer;
	}

	private Answer status(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		return Answer.ok(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
	}

	private Answer statusB2b(String id, HttpUrl url) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Success, transactions are retrieved");
		ArrayNode transactions = body.putArray("transactions");
		String page = url.queryParameter("page");
		if (page == null || "0".equals(page.trim())) {
			transactions.add(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
		}
		return Answer.ok(body);
	}

	private Answer cancel(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!Set.of("pending", "authorize", "capture").contains(tx.status)) {
			return cannotModify();
		}
		transition(tx, "cancel", tx.fraudStatus);
		return Answer.ok(summary(tx, "200", "Success, transaction is canceled"));
	}

	private Answer expireAction(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"pending".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "expire", tx.fraudStatus);
		return Answer.ok(summary(tx, "407", "Success, transaction has expired"));
	}

	private Answer approve(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "capture", "accept");
		return Answer.ok(summary(tx, "200", "Success, transaction is approved"));
	}

	private Answer denyAction(String id) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		if (!"challenge".equals(tx.fraudStatus) || !"capture".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "deny", "deny");
		return Answer.ok(summary(tx, "200", "Success, transaction is denied"));
	}

	private Answer capture(@Nullable JsonNode json) {
		String id = Wire.text(json, "transaction_id");
		if (id == null || id.isBlank()) {
			return validation(List.of("transaction_id is required"));
		}
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		JsonNode amount = json.get("gross_amount");
		if (amount != null && !amount.isNull()) {
			Long value = wholeRupiah(amount);
			if (value == null || value <= 0 || value > tx.grossAmount) {
				return validation(List.of("gross_amount must be a whole number between 1 and the authorized amount"));
			}
		}
		if (!"authorize".equals(tx.status)) {
			return cannotModify();
		}
		transition(tx, "capture", tx.fraudStatus);
		return Answer.ok(summary(tx, "200", "Success, Credit Card capture transaction is successful"));
	}

	private Answer refund(String id, @Nullable JsonNode json, boolean direct) {
		SimulatedTransaction tx = find(id);
		if (tx == null) {
			return notFound();
		}
		String refundKey = Wire.text(json, "refund_key");
		if (refundKey != null && !REFUND_KEY.matcher(refundKey).matches()) {
			return validation(List.of("refund_key may only contain letters, digits, '_' and '-'"));
		}
		if (refundKey != null) {
			SimulatedTransaction.Refund existing = tx.refund(refundKey);
			if (existing != null) {
				// The same key retries the same refund: answer it again, refund nothing.
				return Answer.ok(refundBody(tx, existing));
			}
		}
		if (!("settlement".equals(tx.status) || "partial_refund".equals(tx.status))
				|| NOT_REFUNDABLE.contains(tx.paymentType)) {
			return cannotModify();
		}
		long remaining = tx.grossAmount - tx.refundAmount();
		long amount = remaining;
		JsonNode amountNode = (json != null) ? json.get("amount") : null;
		if (amountNode != null && !amountNode.isNull()) {
			Long value = wholeRupiah(amountNode);
			if (value == null) {
				return validation(List.of("amount must be a whole number of rupiah"));
			}
			amount = value;
		}
		if (amount <= 0 || amount > remaining) {
			return Answer.ok(Wire.error("414", "Refund request is rejected due to invalid amount"));
		}
		String key = (refundKey != null) ? refundKey : "refund-" + UUID.randomUUID();
		SimulatedTransaction.Refund refund = new SimulatedTransaction.Refund(tx.refunds.size() + 1L,
				UUID.randomUUID().toString(), key, amount, Wire.text(json, "reason"), this.clock.instant(), direct,
				null);
		tx.refunds.add(refund);
		// Midtrans notifies a refund twice: first without, then with bank_confirmed_at.
		transition(tx, (tx.refundAmount() == tx.grossAmount) ? "refund" : "partial_refund", tx.fraudStatus);
		SimulatedTransaction.Refund confirmed = refund.confirmedAt(this.clock.instant());
		tx.refunds.set(tx.refunds.size() - 1, confirmed);
		notify(tx);
		return Answer.ok(refundBody(tx, confirmed));
	}

	// ---------------------------------------------------------------- charge

	private Answer charge(@Nullable JsonNode body, Map<String, String> headers) {
		if (body == null || !body.isObject()) {
			return validation(List.of("The request body must be a JSON object"));
		}
		List<String> errors = new ArrayList<>();
		String paymentType = Wire.text(body, "payment_type");
		if (paymentType == null || paymentType.isBlank()) {
			errors.add("payment_type is required");
		}
		else if (!PAYMENT_TYPES.contains(paymentType)) {
			errors.add("payment_type '" + paymentType + "' is not supported");
		}
		JsonNode details = body.get("transaction_details");
		String orderId = Wire.text(details, "order_id");
		if (orderId == null || orderId.isEmpty()) {
			errors.add("transaction_details.order_id is required");
		}
		else if (!ORDER_ID.matcher(orderId).matches()) {
			errors.add("transaction_details.order_id must be 1 to 50 of A-Z a-z 0-9 - _ ~ .");
		}
		JsonNode grossNode = (details != null) ? details.get("gross_amount") : null;
		Long gross = null;
		if (grossNode == null || grossNode.isNull()) {
			errors.add("transaction_details.gross_amount is required");
		}
		else {
			gross = wholeRupiah(grossNode);
			if (gross == null) {
				errors.add("transaction_details.gross_amount must be a whole number (IDR has no decimals)");
			}
			else if (gross < 1) {
				errors.add("transaction_details.gross_amount must be greater than or equal to 1");
			}
		}
		checkItems(body.get("item_details"), gross, errors);
		if (paymentType != null && PAYMENT_TYPES.contains(paymentType)) {
			checkMethod(paymentType, body, errors);
		}
		Instant now = this.clock.instant();
		Instant expiry = null;
		if (paymentType != null && PAYMENT_TYPES.contains(paymentType)) {
			expiry = expiry(paymentType, body.get("custom_expiry"), now, errors);
		}
		if (!errors.isEmpty()) {
			return validation(errors);
		}
		if ("credit_card".equals(paymentType) && Wire.text(body.get("credit_card"), "token_id") == null) {
			return Answer.ok(Wire.error("411", "Token id is missing, invalid, or timed out"));
		}
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		if ((existing != null && !existing.orderIdReusable()) || this.snap.holds(orderId)) {
			return Answer.ok(Wire.error("406", "The request could not be completed due to a conflict with the "
					+ "current state of the target resource, please try again"));
		}
		return create(paymentType, orderId, gross, body, headers, now, expiry);
	}

	void checkItems(@Nullable JsonNode items, @Nullable Long gross, List<String> errors) {
		if (items == null || items.isNull()) {
			return;
		}
		if (!items.isArray()) {
			errors.add("item_details must be an array");
			return;
		}
		if (items.isEmpty()) {
			return;
		}
		long sum = 0;
		for (JsonNode item : items) {
			Long price = wholeRupiah(item.get("price"));
			Long quantity = wholeRupiah(item.get("quantity"));
			if (price == null) {
				errors.add("item_details.price must be a whole number");
				return;
			}
			if (quantity == null || quantity < 1) {
				errors.add("item_details.quantity must be at least 1");
				return;
			}
			if (Wire.text(item, "name") == null) {
				errors.add("item_details.name is required");
				return;
			}
			sum += price * quantity;
		}
		if (gross != null && sum != gross) {
			errors.add("transaction_details.gross_amount is not equal to the sum of item_details");
		}
	}

	private void checkMethod(String paymentType, JsonNode body, List<String> errors) {
		switch (paymentType) {
			case "bank_transfer" -> {
				String bank = Wire.text(body.get("bank_transfer"), "bank");
				if (bank == null) {
					errors.add("bank_transfer.bank is required");
				}
				else if (!VA_BANKS.contains(bank.toLowerCase(Locale.ROOT))) {
					errors.add("bank_transfer.bank must be one of bca, bni, bri, cimb, permata");
				}
			}
			case "cstore" -> {
				String store = Wire.text(body.get("cstore"), "store");
				if (store == null || !Set.of("indomaret", "alfamart").contains(store.toLowerCase(Locale.ROOT))) {
					errors.add("cstore.store must be indomaret or alfamart");
				}
			}
			case "akulaku" -> {
				JsonNode items = body.get("item_details");
				if (items == null || !items.isArray() || items.isEmpty()) {
					errors.add("item_details is required for akulaku");
				}
				if (body.get("customer_details") == null) {
					errors.add("customer_details is required for akulaku");
				}
			}
			case "kredivo" -> {
				if (body.get("customer_details") == null) {
					errors.add("customer_details is required for kredivo");
				}
			}
			case "credit_card" -> {
				if (body.get("custom_expiry") != null) {
					errors.add("custom_expiry is not supported for credit_card");
				}
			}
			default -> {
			}
		}
	}

	private @Nullable Instant expiry(String paymentType, @Nullable JsonNode custom, Instant now, List<String> errors) {
		if (custom == null || custom.isNull() || "credit_card".equals(paymentType)) {
			return now.plus(defaultExpiry(paymentType));
		}
		Long amount = wholeRupiah(custom.get("expiry_duration"));
		if (amount == null || amount < 1) {
			errors.add("custom_expiry.expiry_duration must be a positive whole number");
			return null;
		}
		String unit = Optional.ofNullable(Wire.text(custom, "unit")).orElse("minute").toLowerCase(Locale.ROOT);
		Duration duration;
		switch (unit) {
			case "second" -> duration = Duration.ofSeconds(amount);
			case "minute" -> duration = Duration.ofMinutes(amount);
			case "hour" -> duration = Duration.ofHours(amount);
			case "day" -> duration = Duration.ofDays(amount);
			default -> {
				errors.add("custom_expiry.unit must be second, minute, hour or day");
				return null;
			}
		}
		Duration min = "shopeepay".equals(paymentType) ? Duration.ofSeconds(1) : Duration.ofSeconds(20);
		Duration max = switch (paymentType) {
			case "gopay", "qris" -> Duration.ofDays(7);
			case "shopeepay" -> Duration.ofDays(5);
			default -> Duration.ofDays(180);
		};
		if (duration.compareTo(min) < 0 || duration.compareTo(max) > 0) {
			errors.add("custom_expiry for " + paymentType + " must be between " + min.toSeconds() + " seconds and "
					+ max.toDays() + " days");
			return null;
		}
		Instant start = now;
		String orderTime = Wire.text(custom, "order_time");
		if (orderTime != null) {
			Instant parsed = Wire.parseTime(orderTime);
			if (parsed == null) {
				errors.add("custom_expiry.order_time must look like yyyy-MM-dd HH:mm:ss Z");
				return null;
			}
			start = parsed;
		}
		return start.plus(duration);
	}

	private static Duration defaultExpiry(String paymentType) {
		return switch (paymentType) {
			case "gopay", "qris", "shopeepay" -> Duration.ofMinutes(15);
			case "akulaku" -> Duration.ofHours(2);
			case "credit_card" -> Duration.ofMinutes(10);
			default -> Duration.ofHours(24);
		};
	}

	private Answer create(String paymentType, String orderId, long gross, JsonNode body, Map<String, String> headers,
			Instant now, @Nullable Instant expiry) {
		String transactionId = UUID.randomUUID().toString();
		String base = this.baseUrl.get();
		ObjectNode method = Wire.object();
		ObjectNode chargeOnly = Wire.object();
		String status = "pending";
		String fraud = "accept";
		String statusCode = "201";
		String message;
		boolean authorizeOnly = false;
		boolean replayable = true;
		switch (paymentType) {
			case "bank_transfer" -> {
				JsonNode options = body.get("bank_transfer");
				String bank = Wire.text(options, "bank").toLowerCase(Locale.ROOT);
				String number = vaNumber(bank, Wire.text(options, "va_number"));
				if ("permata".equals(bank)) {
					method.put("permata_va_number", number);
					replayable = false;
				}
				else {
					ObjectNode va = method.putArray("va_numbers").addObject();
					va.put("bank", bank);
					va.put("va_number", number);
				}
				message = "Success, Bank Transfer transaction is created";
			}
			case "echannel" -> {
				String custom = Wire.text(body.get("echannel"), "bill_key");
				method.put("bill_key", (custom != null && custom.matches("\\d{6,12}")) ? custom : digits(12));
				method.put("biller_code", "70012");
				message = "OK, Mandiri Bill transaction is successful";
			}
			case "gopay" -> {
				String accountId = Wire.text(body.get("gopay"), "account_id");
				if (accountId != null) {
					Answer refused = tokenizedGopay(body.get("gopay"), gross, method);
					if (refused != null) {
						return refused;
					}
					status = "settlement";
					statusCode = "200";
					expiry = null;
					message = "GoPay transaction is paid";
					break;
				}
				ArrayNode actions = chargeOnly.putArray("actions");
				action(actions, "generate-qr-code", "GET", base + "v2/gopay/" + transactionId + "/qr-code");
				action(actions, "deeplink-redirect", "GET", base + "_simulator/deeplink/gopay?tref=" + transactionId);
				action(actions, "get-status", "GET", base + "v2/" + transactionId + "/status");
				action(actions, "cancel", "POST", base + "v2/" + transactionId + "/cancel");
				message = "GoPay transaction is created";
			}
			case "shopeepay" -> {
				ArrayNode actions = chargeOnly.putArray("actions");
				action(actions, "deeplink-redirect", "GET",
						base + "_simulator/deeplink/shopeepay?reference=" + transactionId);
				method.put("channel_response_code", "0");
				method.put("channel_response_message", "success");
				message = "ShopeePay transaction is created";
			}
			case "qris" -> {
				String acquirer = Optional.ofNullable(Wire.text(body.get("qris"), "acquirer")).orElse("gopay");
				method.put("acquirer", acquirer);
				method.put("qr_string", "00020101021226620014COM.GO-JEK.WWW011993600914" + digits(12) + "0210G"
						+ digits(9) + "0303UKE51440014ID.CO.QRIS.WWW5204589953033605802ID6304" + digits(4));
				ArrayNode actions = chargeOnly.putArray("actions");
				action(actions, "generate-qr-code", "GET", base + "v2/qris/" + transactionId + "/qr-code");
				action(actions, "generate-qr-code-v2", "GET", base + "v2/qris/" + transactionId + "/qr-code-v2");
				message = "QRIS transaction is created";
			}
			case "cstore" -> {
				String store = Wire.text(body.get("cstore"), "store").toLowerCase(Locale.ROOT);
				method.put("payment_code", digits(14));
				method.put("store", store);
				replayable = !"indomaret".equals(store);
				message = "Success, cstore transaction is successful";
			}
			case "akulaku", "kredivo" -> {
				chargeOnly.put("redirect_url", base + "_simulator/" + paymentType + "/" + transactionId);
				message = "Success, " + paymentType + " transaction is created";
			}
			default -> {
				// credit_card
				JsonNode card = body.get("credit_card");
				String token = Wire.text(card, "token_id");
				Matcher matcher = CARD_TOKEN.matcher(token);
				String masked = matcher.matches() ? matcher.group(1) + matcher.group(2) + "-" + matcher.group(3)
						: "481111-1114";
				String decline = matcher.matches() ? DECLINED_CARDS.get(matcher.group(1) + "-" + matcher.group(3))
						: null;
				String rc = (decline != null && "447242".equals(matcher.group(1))) ? "51" : "05";
				SimulatorCards.Resolved resolved = this.cards.resolve(token);
				if (resolved != null && resolved.spent()) {
					return Answer.ok(Wire.error("411", "Token id is missing, invalid, or timed out"));
				}
				if (resolved != null) {
					// A token the simulator issued: the card behind it decides (section
					// 6.1).
					masked = resolved.card().masked();
					SimulatorCards.Decision decision = SimulatorCards.decide(resolved.card(), gross);
					decline = decision.accepted() ? null : (decision.fraud() ? "fds" : "bank");
					rc = decision.responseCode();
					if (card != null && card.path("save_token_id").asBoolean(false)) {
						method.put("saved_token_id", this.cards.save(resolved.card()));
					}
				}
				String bank = Optional.ofNullable(Wire.text(card, "bank")).orElse("bni").toLowerCase(Locale.ROOT);
				method.put("masked_card", masked);
				method.put("bank", bank);
				method.put("card_type", "credit");
				authorizeOnly = "authorize".equals(Wire.text(card, "type"));
				JsonNode authentication = (card != null) ? card.get("authentication") : null;
				boolean threeDs = authentication != null && authentication.asBoolean(false);
				if (decline != null) {
					status = "deny";
					statusCode = "202";
					fraud = "fds".equals(decline) ? "deny" : "accept";
					method.put("channel_response_code", rc);
					method.put("channel_response_message", "51".equals(rc) ? "Insufficient funds" : "Do not honor");
					message = "fds".equals(decline) ? "Denied by fraud detection system"
							: "Deny by Bank [" + bank.toUpperCase(Locale.ROOT) + "] with code [" + rc + "]";
					expiry = null;
				}
				else if (threeDs) {
					chargeOnly.put("redirect_url", base + "_simulator/3ds/" + transactionId);
					method.put("three_ds_version", "2");
					message = "Success, Credit Card transaction is created, redirect to 3DS page";
				}
				else {
					status = authorizeOnly ? "authorize" : "capture";
					statusCode = "200";
					expiry = null;
					approveCard(method, "07");
					message = authorizeOnly ? "Success, Credit Card authorize transaction is successful"
							: "Success, Credit Card transaction is successful";
				}
			}
		}
		ObjectNode echoed = Wire.object();
		for (String field : List.of("custom_field1", "custom_field2", "custom_field3", "metadata")) {
			JsonNode value = body.get(field);
			if (value != null && !value.isNull()) {
				echoed.set(field, value.deepCopy());
			}
		}
		SimulatedTransaction tx = new SimulatedTransaction(transactionId, orderId, paymentType, gross, now, method,
				chargeOnly, echoed, urls(headers.get("x-override-notification")),
				urls(headers.get("x-append-notification")), authorizeOnly, status, fraud, expiry);
		if ("settlement".equals(status)) {
			tx.settlementTime = now;
		}
		this.byOrderId.put(orderId, tx);
		this.byTransactionId.put(transactionId, tx);
		this.all.add(tx);
		logger.info("Simulated {} transaction for order '{}' ({}) created as {}", paymentType, orderId, transactionId,
				status);
		notify(tx);
		ObjectNode answer = Wire.object();
		answer.put("status_code", statusCode);
		answer.put("status_message", message);
		common(answer, tx);
		answer.setAll(chargeOnly);
		return new Answer(200, Wire.write(answer), Map.of(), replayable);
	}

	/**
	 * A GoPay charge with {@code gopay.account_id} and {@code payment_option_token} of a
	 * linked account is paid at once from that option's balance.
	 * @return the refusal to answer, or {@code null} when paid
	 */
	private @Nullable Answer tokenizedGopay(JsonNode gopay, long gross, ObjectNode method) {
		String accountId = Wire.text(gopay, "account_id");
		String token = Wire.text(gopay, "payment_option_token");
		SimulatorPayAccounts.Account account = this.payAccounts.find(accountId);
		if (account == null || !"ENABLED".equals(account.status)) {
			return validation(List.of("gopay.account_id is not a linked (ENABLED) pay account"));
		}
		SimulatorPayAccounts.Option option = account.options.values()
			.stream()
			.filter((candidate) -> candidate.token.equals(token))
			.findFirst()
			.orElse(null);
		if (option == null) {
			return validation(List.of("gopay.payment_option_token is not a payment option of the account"));
		}
		if (option.balance < gross) {
			ObjectNode refused = Wire.error("202", "GoPay transaction is denied: insufficient balance");
			refused.put("channel_response_code", "51");
			refused.put("channel_response_message", "Insufficient balance");
			return Answer.ok(refused);
		}
		option.balance -= gross;
		method.put("payment_option_type", option.name);
		return null;
	}

	private static void approveCard(ObjectNode method, String eci) {
		method.put("approval_code",
				Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L)));
		method.put("eci", eci);
		method.put("channel_response_code", "00");
		method.put("channel_response_message", "Approved");
	}

	private String vaNumber(String bank, @Nullable String custom) {
		if (custom != null && !custom.isEmpty() && custom.chars().allMatch(Character::isDigit)) {
			boolean inUse = this.all.stream()
				.anyMatch((tx) -> "pending".equals(tx.status) && custom.equals(paymentNumber(tx)));
			if (!inUse) {
				return custom;
			}
		}
		return digits("bca".equals(bank) ? 11 : 16);
	}

	private static @Nullable String paymentNumber(SimulatedTransaction tx) {
		JsonNode vas = tx.methodFields.get("va_numbers");
		if (vas != null && vas.isArray() && !vas.isEmpty()) {
			return Wire.text(vas.get(0), "va_number");
		}
		return Wire.text(tx.methodFields, "permata_va_number");
	}

	private static void action(ArrayNode actions, String name, String method, String url) {
		ObjectNode action = actions.addObject();
		action.put("name", name);
		action.put("method", method);
		action.put("url", url);
	}

	private static List<String> urls(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return List.of();
		}
		return Arrays.stream(header.split(",")).map(String::trim).filter((url) -> !url.isEmpty()).limit(3).toList();
	}

	private static String digits(int count) {
		StringBuilder text = new StringBuilder(count);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		text.append(1 + random.nextInt(9));
		while (text.length() < count) {
			text.append(random.nextInt(10));
		}
		return text.toString();
	}

	// ---------------------------------------------------------------- scenarios

	synchronized TransactionSnapshot pay(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"pending".equals(tx.status)) {
			throw illegal(tx, "be paid", "only a pending transaction can be paid");
		}
		if ("credit_card".equals(tx.paymentType)) {
			approveCard(tx.methodFields, "05");
			transition(tx, tx.authorizeOnly ? "authorize" : "capture", "accept");
		}
		else {
			paidDetails(tx);
			transition(tx, "settlement", tx.fraudStatus);
		}
		return tx.snapshot();
	}

	synchronized TransactionSnapshot settle(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"capture".equals(tx.status)) {
			throw illegal(tx, "settle", "only a captured card transaction settles");
		}
		if ("challenge".equals(tx.fraudStatus)) {
			throw illegal(tx, "settle", "it is challenged by fraud detection; approve or deny it first");
		}
		transition(tx, "settlement", tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot deny(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		boolean reversal = "settlement".equals(tx.status) && reversible(tx);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status) || reversal)) {
			throw illegal(tx, "be denied", "only pending or authorized transactions can be denied, and a settlement "
					+ "only for Permata VA, Mandiri Bill and Indomaret (reversal)");
		}
		transition(tx, "deny", "credit_card".equals(tx.paymentType) ? "deny" : tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot expire(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!("pending".equals(tx.status) || "authorize".equals(tx.status))) {
			throw illegal(tx, "expire", "only pending or authorized transactions expire");
		}
		transition(tx, "expire", tx.fraudStatus);
		return tx.snapshot();
	}

	synchronized TransactionSnapshot challenge(String orderId) {
		SimulatedTransaction tx = scenarioTarget(orderId);
		if (!"credit_card".equals(tx.paymentType) || !"pending".equals(tx.status)) {
			throw illegal(tx, "be challenged",
					"only a pending card transaction (charged with 3DS) can be captured with fraud status challenge");
		}
		approveCard(tx.methodFields, "05");
		transition(tx, "capture", "challenge");
		return tx.snapshot();
	}

	private SimulatedTransaction scenarioTarget(String orderId) {
		expireDue();
		SimulatedTransaction tx = find(orderId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction for order '" + orderId + "'");
		}
		return tx;
	}

	private static IllegalStateException illegal(SimulatedTransaction tx, String what, String rule) {
		return new IllegalStateException("Order '" + tx.orderId + "' cannot " + what + ": it is " + tx.status
				+ ((tx.fraudStatus != null) ? " (fraud status " + tx.fraudStatus + ")" : "") + "; " + rule);
	}

	private static boolean reversible(SimulatedTransaction tx) {
		return tx.methodFields.has("permata_va_number") || "echannel".equals(tx.paymentType)
				|| "indomaret".equals(Wire.text(tx.methodFields, "store"));
	}

	private void paidDetails(SimulatedTransaction tx) {
		Instant now = this.clock.instant();
		switch (tx.paymentType) {
			case "bank_transfer" -> {
				ObjectNode paid = tx.methodFields.putArray("payment_amounts").addObject();
				paid.put("paid_at", Wire.time(now));
				paid.put("amount", Wire.amount(tx.grossAmount));
			}
			case "gopay" -> tx.methodFields.put("payment_option_type", "GOPAY_WALLET");
			case "qris" -> {
				tx.methodFields.put("transaction_type", "on-us");
				tx.methodFields.put("issuer",
						Optional.ofNullable(Wire.text(tx.methodFields, "acquirer")).orElse("gopay"));
			}
			case "shopeepay" -> tx.methodFields.put("shopeepay_reference_number", digits(16));
			case "cstore" -> tx.methodFields.put("approval_code", digits(12));
			default -> {
			}
		}
	}

	// ---------------------------------------------------------------- expiry, state

	/**
	 * Everything the clock drives: unpaid transactions expire, subscriptions renew and
	 * retry, invoices become overdue, failed notifications are re-delivered.
	 */
	synchronized void expireDue() {
		Instant now = this.clock.instant();
		for (SimulatedTransaction tx : List.copyOf(this.all)) {
			if ("pending".equals(tx.status) && tx.expiryTime != null && !now.isBefore(tx.expiryTime)) {
				transition(tx, "expire", tx.fraudStatus);
			}
		}
		this.subscriptions.runDue(now);
		this.invoices.markOverdue(now);
		this.notifications.releaseDue();
	}

	// ---------------------------------------------------------------- for the other APIs

	/**
	 * Whether an order id is used by a transaction that blocks its reuse.
	 */
	boolean orderIdTaken(String orderId) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		return existing != null && !existing.orderIdReusable();
	}

	/**
	 * Create the transaction of a Snap checkout once the customer picked a method: the
	 * same as a Core API charge of that method (answer shape, expiry, notification).
	 * @return the charge answer, or a validation answer
	 */
	Answer createFromSnap(String paymentType, String orderId, long gross, ObjectNode body,
			Map<String, String> headers) {
		List<String> errors = new ArrayList<>();
		Instant now = this.clock.instant();
		Instant expiry = expiry(paymentType, body.get("custom_expiry"), now, errors);
		if (!errors.isEmpty()) {
			return validation(errors);
		}
		return create(paymentType, orderId, gross, body, headers, now, expiry);
	}

	String clientKey() {
		return this.clientKey;
	}

	Instant now() {
		return this.clock.instant();
	}

	String merchantId() {
		return this.merchantId;
	}

	SimulatorCards cards() {
		return this.cards;
	}

	SimulatorPayAccounts payAccounts() {
		return this.payAccounts;
	}

	/**
	 * An order id not used yet: the prefix, a dash and a numeric suffix.
	 */
	String uniqueOrderId(String prefix) {
		String orderId;
		do {
			this.orderSequence++;
			orderId = prefix + "-" + (this.clock.instant().getEpochSecond() * 1000 + this.orderSequence);
		}
		while (this.byOrderId.containsKey(orderId));
		return orderId;
	}

	/**
	 * Create a transaction made by another API (subscription renewal, invoice or link
	 * payment) in the given state, and notify it like a charge.
	 */
	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			String status, @Nullable String fraudStatus) {
		return recordTransaction(orderId, paymentType, gross, method, Wire.object(), status, fraudStatus);
	}

	SimulatedTransaction recordTransaction(String orderId, String paymentType, long gross, ObjectNode method,
			ObjectNode echoed, String status, @Nullable String fraudStatus) {
		SimulatedTransaction existing = this.byOrderId.get(orderId);
		if (existing != null && !existing.orderIdReusable()) {
			throw new IllegalStateException(
					"Order id '" + orderId + "' is already used by a transaction that is " + existing.status);
		}
		Instant now = this.clock.instant();
		SimulatedTransaction tx = new SimulatedTransaction(UUID.randomUUID().toString(), orderId, paymentType, gross,
				now, method, Wire.object(), echoed, List.of(), List.of(), false, status, fraudStatus, null);
		if ("settlement".equals(status)) {
			tx.settlementTime = now;
		}
		this.byOrderId.put(orderId, tx);
		this.byTransactionId.put(tx.transactionId, tx);
		this.all.add(tx);
		logger.info("Simulated {} transaction for order '{}' ({}) created as {}", paymentType, orderId,
				tx.transactionId, status);
		notify(tx);
		return tx;
	}

	TransactionSnapshot snapshotOf(String orderIdOrTransactionId) {
		SimulatedTransaction tx = find(orderIdOrTransactionId);
		if (tx == null) {
			throw new IllegalStateException("The simulator has no transaction '" + orderIdOrTransactionId + "'");
		}
		return tx.snapshot();
	}

	/**
	 * Post a subscription notification to the Recurring Notification URL, if any.
	 */
	void sendRecurring(ObjectNode body, String subjectId, String status, @Nullable String statusCode) {
		if (this.recurringNotificationUrl != null) {
			this.notifications.send(List.of(this.recurringNotificationUrl), subjectId, status,
					(statusCode != null) ? statusCode : "", Wire.write(body));
		}
	}

	private void sendPayAccountNotification(SimulatorPayAccounts.Account account) {
		if (this.payAccountNotificationUrl != null) {
			ObjectNode body = SimulatorPayAccounts.notification(account, this.merchantId);
			this.notifications.send(List.of(this.payAccountNotificationUrl), account.id, account.status,
					Wire.text(body, "status_code"), Wire.write(body));
		}
	}

	// ---------------------------------------------------------------- scenarios of the
	// other APIs

	synchronized void failNextRenewal(String subscriptionId, int statusCode) {
		this.subscriptions.failNext(subscriptionId, statusCode);
	}

	synchronized Optional<SubscriptionSnapshot> subscription(String subscriptionId) {
		expireDue();
		return this.subscriptions.snapshot(subscriptionId);
	}

	synchronized List<SubscriptionSnapshot> subscriptions() {
		expireDue();
		return this.subscriptions.snapshots();
	}

	synchronized TransactionSnapshot payInvoice(String invoiceId) {
		expireDue();
		return this.invoices.pay(invoiceId, this.baseUrl.get());
	}

	synchronized Optional<String> invoiceStatus(String invoiceId) {
		expireDue();
		return Optional.ofNullable(this.invoices.status(invoiceId));
	}

	synchronized TransactionSnapshot payPaymentLink(String orderId, @Nullable Long amount) {
		expireDue();
		return this.paymentLinks.pay(orderId, amount);
	}

	synchronized void linkAccount(String accountId) {
		SimulatorPayAccounts.Account account = this.payAccounts.link(accountId);
		sendPayAccountNotification(account);
	}

	void transition(SimulatedTransaction tx, String to, @Nullable String fraudStatus) {
		String from = tx.status;
		tx.status = to;
		tx.fraudStatus = fraudStatus;
		if ("settlement".equals(to)) {
			tx.settlementTime = this.clock.instant();
		}
		logger.info("Simulated order '{}' ({}) moved from {} to {}", tx.orderId, tx.transactionId, from, to);
		notify(tx);
	}

	private void notify(SimulatedTransaction tx) {
		List<String> urls = new ArrayList<>();
		if (!tx.overrideUrls.isEmpty()) {
			urls.addAll(tx.overrideUrls);
		}
		else {
			if (this.notificationUrl != null) {
				urls.add(this.notificationUrl);
			}
			urls.addAll(tx.appendUrls);
		}
		if (urls.isEmpty()) {
			return;
		}
		String code = notificationCodeOf(tx.status);
		ObjectNode body = statusBody(tx, code, "midtrans payment notification");
		this.notifications.send(urls, tx.orderId, tx.status, code, Wire.write(body));
	}

	synchronized Optional<TransactionSnapshot> snapshot(String orderIdOrTransactionId) {
		expireDue();
		return Optional.ofNullable(find(orderIdOrTransactionId)).map(SimulatedTransaction::snapshot);
	}

	synchronized List<TransactionSnapshot> snapshots() {
		expireDue();
		return this.all.stream().map(SimulatedTransaction::snapshot).toList();
	}

	synchronized ArrayNode statusBodies() {
		expireDue();
		ArrayNode list = Wire.MAPPER.createArrayNode();
		for (SimulatedTransaction tx : this.all) {
			list.add(statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found"));
		}
		return list;
	}

	synchronized @Nullable ObjectNode statusBody(String orderIdOrTransactionId) {
		expireDue();
		SimulatedTransaction tx = find(orderIdOrTransactionId);
		return (tx != null) ? statusBody(tx, statusCodeOf(tx.status), "Success, transaction is found") : null;
	}

	synchronized void reset() {
		this.snap.clear();
		this.cards.reset();
		this.payAccounts.reset();
		this.subscriptions.reset();
		this.invoices.reset();
		this.paymentLinks.reset();
		this.byOrderId.clear();
		this.byTransactionId.clear();
		this.all.clear();
		this.idempotent.clear();
	}

	private @Nullable SimulatedTransaction find(String id) {
		SimulatedTransaction tx = this.byTransactionId.get(id);
		return (tx != null) ? tx : this.byOrderId.get(id);
	}

	// ---------------------------------------------------------------- bodies

	private void common(ObjectNode body, SimulatedTransaction tx) {
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("merchant_id", this.merchantId);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		if (tx.fraudStatus != null) {
			body.put("fraud_status", tx.fraudStatus);
		}
		if (tx.expiryTime != null) {
			body.put("expiry_time", Wire.time(tx.expiryTime));
		}
		if (tx.settlementTime != null) {
			body.put("settlement_time", Wire.time(tx.settlementTime));
		}
		body.setAll(tx.methodFields.deepCopy());
	}

	private ObjectNode summary(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = Wire.object();
		body.put("status_code", statusCode);
		body.put("status_message", message);
		common(body, tx);
		return body;
	}

	private ObjectNode statusBody(SimulatedTransaction tx, String statusCode, String message) {
		ObjectNode body = summary(tx, statusCode, message);
		body.setAll(tx.echoedFields.deepCopy());
		if (!tx.refunds.isEmpty()) {
			body.put("refund_amount", Wire.amount(tx.refundAmount()));
			ArrayNode refunds = body.putArray("refunds");
			for (SimulatedTransaction.Refund refund : tx.refunds) {
				ObjectNode entry = refunds.addObject();
				entry.put("refund_chargeback_id", refund.id());
				entry.put("refund_chargeback_uuid", refund.uuid());
				entry.put("refund_amount", Wire.amount(refund.amount()));
				entry.put("created_at", Wire.time(refund.createdAt()));
				if (refund.reason() != null) {
					entry.put("reason", refund.reason());
				}
				entry.put("refund_key", refund.key());
				entry.put("refund_method", "online");
				if (refund.bankConfirmedAt() != null) {
					entry.put("bank_confirmed_at", Wire.time(refund.bankConfirmedAt()));
				}
			}
		}
		String grossAmount = Wire.amount(tx.grossAmount);
		body.put("signature_key", NotificationSignature.compute(tx.orderId, statusCode, grossAmount, this.serverKey));
		return body;
	}

	private ObjectNode refundBody(SimulatedTransaction tx, SimulatedTransaction.Refund refund) {
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Success, refund request is approved");
		body.put("transaction_id", tx.transactionId);
		body.put("order_id", tx.orderId);
		body.put("payment_type", tx.paymentType);
		body.put("transaction_time", Wire.time(tx.transactionTime));
		body.put("transaction_status", tx.status);
		body.put("gross_amount", Wire.amount(tx.grossAmount));
		body.put("currency", "IDR");
		body.put("refund_chargeback_id", refund.id());
		body.put("refund_chargeback_uuid", refund.uuid());
		body.put("refund_amount", Wire.amount(refund.amount()));
		body.put("refund_key", refund.key());
		return body;
	}

	/** {@code status_code} of a status answer. */
	static String statusCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "failure" -> "202";
			case "expire" -> "407";
			default -> "200";
		};
	}

	/** {@code status_code} of a notification. */
	static String notificationCodeOf(String status) {
		return switch (status) {
			case "pending" -> "201";
			case "deny", "cancel", "expire", "failure" -> "202";
			default -> "200";
		};
	}

	private static @Nullable Long wholeRupiah(@Nullable JsonNode node) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (node.isIntegralNumber() && node.canConvertToLong()) {
			return node.longValue();
		}
		if (node.isString() && node.asString().trim().matches("-?\\d{1,18}")) {
			return Long.parseLong(node.asString().trim());
		}
		return null;
	}

	private static Answer notFound() {
		return Answer.ok(Wire.error("404", "Transaction doesn't exist."));
	}

	private static Answer cannotModify() {
		return Answer.ok(Wire.error("412", "Merchant cannot modify the status of the transaction"));
	}

	private static Answer validation(List<String> messages) {
		ObjectNode body = Wire.error("400", "One or more parameters in the payload is invalid.");
		ArrayNode list = body.putArray("validation_messages");
		messages.forEach(list::add);
		return new Answer(400, Wire.write(body), Map.of(), false);
	}

	/**
	 * An answer to send: HTTP status, JSON body, extra headers.
	 */
	record Answer(int httpStatus, String body, Map<String, String> headers, boolean replayable) {

		static Answer ok(ObjectNode body) {
			return new Answer(200, Wire.write(body), Map.of(), true);
		}

		/**
		 * Whether Midtrans would store it for an idempotency key: a successful answer.
		 */
		boolean successful() {
			if (this.httpStatus < 200 || this.httpStatus >= 300) {
				return false;
			}
			try {
				String code = Wire.text(Wire.MAPPER.readTree(this.body), "status_code");
				return code == null || code.startsWith("2") || "407".equals(code);
			}
			catch (JacksonException ex) {
				return false;
			}
		}

	}

	private record StoredAnswer(Instant storedAt, Answer answer) {

	}

}
