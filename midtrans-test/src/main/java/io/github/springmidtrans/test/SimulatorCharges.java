package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Core API's charge rules ({@code POST /v2/charge}): validation of the body, the
 * answer of each payment method (virtual account numbers, bill keys, QR strings,
 * deeplinks, card decisions for the sandbox cards), default and custom expiry, and the
 * same for a Snap checkout once the customer picked a method. The engine keeps the
 * transactions; its lock is held while these rules run.
 */
final class SimulatorCharges {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");

	private static final Set<String> PAYMENT_TYPES = Set.of("credit_card", "bank_transfer", "echannel", "gopay",
			"shopeepay", "qris", "cstore", "akulaku", "kredivo");

	private static final Set<String> VA_BANKS = Set.of("bca", "bni", "bri", "cimb", "permata");

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

	private final SimulatorEngine engine;

	SimulatorCharges(SimulatorEngine engine) {
		this.engine = engine;
	}

	/**
	 * A Snap checkout's transaction, once the customer picked a method: the same as a
	 * Core API charge of that method.
	 */
	Answer createFromSnap(String paymentType, String orderId, long gross, ObjectNode body,
			Map<String, String> headers) {
		List<String> errors = new ArrayList<>();
		Instant now = this.engine.now();
		Instant expiry = expiry(paymentType, body.get("custom_expiry"), now, errors);
		if (!errors.isEmpty()) {
			return SimulatorErrors.validation(errors);
		}
		return create(paymentType, orderId, gross, body, headers, now, expiry);
	}

	Answer charge(@Nullable JsonNode body, Map<String, String> headers) {
		if (body == null || !body.isObject()) {
			return SimulatorErrors.validation(List.of("The request body must be a JSON object"));
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
			gross = Wire.wholeRupiah(grossNode);
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
		Instant now = this.engine.now();
		Instant expiry = null;
		if (paymentType != null && PAYMENT_TYPES.contains(paymentType)) {
			expiry = expiry(paymentType, body.get("custom_expiry"), now, errors);
		}
		if (!errors.isEmpty()) {
			return SimulatorErrors.validation(errors);
		}
		if ("credit_card".equals(paymentType) && Wire.text(body.get("credit_card"), "token_id") == null) {
			return Answer.ok(Wire.error("411", "Token id is missing, invalid, or timed out"));
		}
		if (this.engine.ledger().orderIdTaken(orderId) || this.engine.snapHolds(orderId)) {
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
			Long price = Wire.wholeRupiah(item.get("price"));
			Long quantity = Wire.wholeRupiah(item.get("quantity"));
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
		Long amount = Wire.wholeRupiah(custom.get("expiry_duration"));
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
		String base = this.engine.baseUrl();
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
				SimulatorCards.Resolved resolved = this.engine.cards().resolve(token);
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
						method.put("saved_token_id", this.engine.cards().save(resolved.card()));
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
					message = "Credit Card transaction is in progress";
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
		this.engine.ledger().register(tx);
		ObjectNode answer = Wire.object();
		answer.put("status_code", statusCode);
		answer.put("status_message", message);
		this.engine.bodies().common(answer, tx);
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
		SimulatorPayAccounts.Account account = this.engine.payAccounts().find(accountId);
		if (account == null || !"ENABLED".equals(account.status)) {
			return SimulatorErrors.validation(List.of("gopay.account_id is not a linked (ENABLED) pay account"));
		}
		SimulatorPayAccounts.Option option = account.options.values()
			.stream()
			.filter((candidate) -> candidate.token.equals(token))
			.findFirst()
			.orElse(null);
		if (option == null) {
			return SimulatorErrors
				.validation(List.of("gopay.payment_option_token is not a payment option of the account"));
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

	static void approveCard(ObjectNode method, String eci) {
		method.put("approval_code",
				Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000_000L, 9_999_999_999_999L)));
		method.put("eci", eci);
		method.put("channel_response_code", "00");
		method.put("channel_response_message", "Approved");
	}

	private String vaNumber(String bank, @Nullable String custom) {
		if (custom != null && !custom.isEmpty() && custom.chars().allMatch(Character::isDigit)) {
			boolean inUse = this.engine.ledger()
				.all()
				.stream()
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

	static String digits(int count) {
		StringBuilder text = new StringBuilder(count);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		text.append(1 + random.nextInt(9));
		while (text.length() < count) {
			text.append(random.nextInt(10));
		}
		return text.toString();
	}

}
