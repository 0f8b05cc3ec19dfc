package io.github.springmidtrans.test;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Snap, the hosted checkout: {@code POST /snap/v1/transactions} creates a session with a
 * token, and {@code /snap/v4/redirection/{token}} serves the payment page where the
 * customer picks a method. Like Midtrans, no transaction exists (a status check answers
 * 404) until a method is picked; then it is an ordinary Core transaction of that method.
 * Called under the engine's lock.
 */
final class SimulatorSnap {

	private static final Logger logger = LoggerFactory.getLogger(MidtransSimulator.class);

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");

	private static final String PAGE_PATH = "snap/v4/redirection/";

	/** What the page offers when the request names no methods. */
	private static final List<String> ALL_METHODS = List.of("credit_card", "bca_va", "bni_va", "bri_va", "permata_va",
			"cimb_va", "echannel", "gopay", "shopeepay", "other_qris", "indomaret", "alfamart");

	private static final List<String> VA_BANKS = List.of("bca", "bni", "bri", "permata", "cimb");

	/** Midtrans' wording for an order id whose transaction was paid. */
	static final String ORDER_ID_PAID = "order_id has been paid and utilized, please use another order ID";

	private final SimulatorEngine engine;

	private final Map<String, Session> byToken = new HashMap<>();

	private final Map<String, Session> byOrderId = new HashMap<>();

	SimulatorSnap(SimulatorEngine engine) {
		this.engine = engine;
	}

	void clear() {
		this.byToken.clear();
		this.byOrderId.clear();
	}

	/**
	 * Whether a Snap session holds this order id (a Core charge may not reuse it).
	 */
	boolean holds(String orderId) {
		return this.byOrderId.containsKey(orderId);
	}

	Answer create(@Nullable JsonNode body, Map<String, String> headers, String baseUrl) {
		if (body == null || !body.isObject()) {
			return errors(400, List.of("The request body must be a JSON object"));
		}
		List<String> errors = new ArrayList<>();
		JsonNode details = body.get("transaction_details");
		String orderId = Wire.text(details, "order_id");
		if (orderId == null || orderId.isEmpty()) {
			errors.add("transaction_details.order_id is required");
		}
		else if (!ORDER_ID.matcher(orderId).matches()) {
			errors.add("transaction_details.order_id must be 1 to 50 of A-Z a-z 0-9 - _ ~ .");
		}
		Long gross = Wire.wholeRupiah((details != null) ? details.get("gross_amount") : null);
		if (gross == null || gross < 1) {
			errors.add("transaction_details.gross_amount must be a whole number greater than or equal to 1");
		}
		this.engine.checkItems(body.get("item_details"), gross, errors);
		List<String> enabled = new ArrayList<>();
		JsonNode requested = body.get("enabled_payments");
		if (requested != null && requested.isArray()) {
			for (JsonNode method : requested) {
				String name = method.asString().toLowerCase(Locale.ROOT);
				if (ALL_METHODS.contains(name)) {
					enabled.add(name);
				}
			}
			if (enabled.isEmpty() && !requested.isEmpty()) {
				errors.add("enabled_payments names no payment method the simulator offers: " + ALL_METHODS);
			}
		}
		checkGopayTokenization(body, errors);
		Duration pageLife = Duration.ofHours(24);
		JsonNode pageExpiry = body.get("page_expiry");
		if (pageExpiry != null && !pageExpiry.isNull()) {
			pageLife = duration(pageExpiry, "page_expiry", errors);
		}
		if (!errors.isEmpty()) {
			return errors(400, errors);
		}
		if (this.engine.ledger().orderIdPaid(orderId)) {
			return errors(400, List.of(ORDER_ID_PAID));
		}
		if (this.byOrderId.containsKey(orderId) || this.engine.ledger().orderIdTaken(orderId)) {
			return errors(400, List.of("transaction_details.order_id has already been taken"));
		}
		Instant now = this.engine.now();
		String token = UUID.randomUUID().toString();
		Map<String, String> notificationHeaders = new LinkedHashMap<>();
		for (String name : List.of("x-override-notification", "x-append-notification")) {
			if (headers.get(name) != null) {
				notificationHeaders.put(name, headers.get(name));
			}
		}
		Session session = new Session(token, orderId, gross, (ObjectNode) body.deepCopy(),
				enabled.isEmpty() ? ALL_METHODS : List.copyOf(enabled), Wire.text(body.get("callbacks"), "finish"),
				now.plus(pageLife), notificationHeaders);
		this.byToken.put(token, session);
		this.byOrderId.put(orderId, session);
		logger.info("Simulated Snap checkout for order '{}' created; page open until {}", orderId,
				session.pageExpiresAt);
		ObjectNode answer = Wire.object();
		answer.put("token", token);
		answer.put("redirect_url", baseUrl + PAGE_PATH + token);
		return new Answer(201, Wire.write(answer), Map.of(), false);
	}

	/**
	 * {@code GET /snap/v3/users/{user_id}/gopay}: the GoPay account a user linked in
	 * Snap, in the published shape; a pending or unknown link is "account not found".
	 */
	Answer gopayAccount(String userId) {
		SimulatorPayAccounts.Account account = this.engine.payAccounts().ofSnapUser(userId);
		if (account == null) {
			ObjectNode body = Wire.errorMessages(List.of("account not found"));
			body.put("locale", "en");
			return new Answer(404, Wire.write(body), Map.of(), false);
		}
		SimulatorPayAccounts.Option wallet = account.options.get("GOPAY_WALLET");
		ObjectNode body = Wire.object();
		body.put("user_id", userId);
		body.put("account_status", account.status);
		body.put("balance", Wire.amount((wallet != null) ? wallet.balance : 0));
		body.put("phone_number", account.phoneNumber);
		body.put("country_code", account.countryCode);
		body.put("account_id", account.id);
		return new Answer(200, Wire.write(body), Map.of(), false);
	}

	/**
	 * The request fields of GoPay tokenization: {@code user_id} (up to 255 characters),
	 * {@code gopay.tokenization} and {@code gopay.enforce_tokenization} (booleans), and
	 * the phone number the link is locked to.
	 */
	private static void checkGopayTokenization(JsonNode body, List<String> errors) {
		JsonNode userId = body.get("user_id");
		if (userId != null && !userId.isNull()
				&& (!userId.isString() || userId.asString().isEmpty() || userId.asString().length() > 255)) {
			errors.add("user_id must be a string of 1 to 255 characters");
		}
		JsonNode gopay = body.get("gopay");
		if (gopay == null || gopay.isNull()) {
			return;
		}
		if (!gopay.isObject()) {
			errors.add("gopay must be an object");
			return;
		}
		for (String flag : List.of("tokenization", "enforce_tokenization")) {
			JsonNode value = gopay.get(flag);
			if (value != null && !value.isNull() && !value.isBoolean()) {
				errors.add("gopay." + flag + " must be true or false");
			}
		}
		if (gopay.path("tokenization").asBoolean(false) && (userId == null || userId.isNull())) {
			errors.add("user_id is required when gopay.tokenization is true");
		}
		String phone = Wire.text(gopay, "phone_number");
		if (phone != null && !phone.matches("\\d{6,15}")) {
			errors.add("gopay.phone_number must be 6 to 15 digits, without country code or leading 0");
		}
		String country = Wire.text(gopay, "country_code");
		if (country != null && !country.matches("\\d{1,3}")) {
			errors.add("gopay.country_code must be 1 to 3 digits");
		}
	}

	/**
	 * With GoPay tokenization the customer links their GoPay account on the page, and the
	 * transaction carries the link in {@code metadata.extra_info} ({@code user_id},
	 * {@code account_id}), as Midtrans' notification does.
	 */
	private void linkGopay(Session session, ObjectNode charge) {
		JsonNode gopay = session.request.get("gopay");
		String userId = Wire.text(session.request, "user_id");
		if (gopay == null || !gopay.path("tokenization").asBoolean(false) || userId == null) {
			return;
		}
		SimulatorPayAccounts.Account account = this.engine.payAccounts()
			.linkSnapUser(userId, Wire.text(gopay, "phone_number"), Wire.text(gopay, "country_code"));
		JsonNode metadata = charge.get("metadata");
		ObjectNode target = (metadata != null && metadata.isObject()) ? (ObjectNode) metadata
				: charge.putObject("metadata");
		ObjectNode extra = target.putObject("extra_info");
		extra.put("user_id", userId);
		extra.put("account_id", account.id);
		logger.info("Simulated Snap checkout for order '{}': customer linked GoPay account {}", session.orderId,
				account.id);
	}

	Answer page(String token) {
		Session session = this.byToken.get(token);
		if (session == null) {
			return html(404, SnapPage.notFound());
		}
		if (!this.engine.now().isBefore(session.pageExpiresAt)) {
			return html(200, SnapPage.expired(session));
		}
		Optional<TransactionSnapshot> chosen = this.engine.snapshot(session.orderId);
		if (chosen.isEmpty()) {
			return html(200, SnapPage.choose(session));
		}
		return html(200, SnapPage.instructions(session, chosen.get(), session.chargeAnswer));
	}

	Answer action(String token, String action, String formBody) {
		Session session = this.byToken.get(token);
		if (session == null) {
			return html(404, SnapPage.notFound());
		}
		if (!this.engine.now().isBefore(session.pageExpiresAt)) {
			return html(200, SnapPage.expired(session));
		}
		Map<String, String> form = form(formBody);
		Optional<TransactionSnapshot> existing = this.engine.snapshot(session.orderId);
		return switch (action) {
			case "choose" -> existing.isPresent() ? backToPage(session) : choose(session, form);
			case "pay" -> existing.isPresent() ? backToPage(session) : payByCard(session, form);
			case "simulate-payment" -> simulatePayment(session, existing.orElse(null));
			case "finish" -> existing.map((tx) -> finish(session, tx)).orElseGet(() -> backToPage(session));
			default -> html(404, SnapPage.notFound());
		};
	}

	private Answer choose(Session session, Map<String, String> form) {
		String method = Optional.ofNullable(form.get("method")).orElse("");
		if (method.isEmpty()) {
			// A bank or store picked without its method: the choice is still clear.
			method = (form.get("bank") != null) ? "bank_transfer" : (form.get("store") != null) ? "cstore" : "";
		}
		ObjectNode charge = chargeBase(session);
		String paymentType;
		switch (method) {
			case "bank_transfer" -> {
				String bank = Optional.ofNullable(form.get("bank")).orElse("").toLowerCase(Locale.ROOT);
				if (!VA_BANKS.contains(bank) || !session.enabled.contains(bank + "_va")) {
					return html(400, SnapPage.choose(session, "Choose one of the banks."));
				}
				paymentType = "bank_transfer";
				ObjectNode options = charge.putObject("bank_transfer");
				options.put("bank", bank);
				JsonNode custom = session.request.get(bank + "_va");
				if (Wire.text(custom, "va_number") != null) {
					options.put("va_number", Wire.text(custom, "va_number"));
				}
			}
			case "echannel" -> {
				paymentType = "echannel";
				ObjectNode options = charge.putObject("echannel");
				JsonNode custom = session.request.get("echannel");
				options.put("bill_info1", Optional.ofNullable(Wire.text(custom, "bill_info1")).orElse("Payment:"));
				options.put("bill_info2",
						Optional.ofNullable(Wire.text(custom, "bill_info2")).orElse("Online purchase"));
			}
			case "qris" -> {
				paymentType = "qris";
				charge.putObject("qris").put("acquirer", "gopay");
			}
			case "gopay" -> {
				paymentType = "gopay";
				linkGopay(session, charge);
			}
			case "shopeepay" -> paymentType = "shopeepay";
			case "cstore" -> {
				String store = Optional.ofNullable(form.get("store")).orElse("").toLowerCase(Locale.ROOT);
				if (!session.enabled.contains(store)) {
					return html(400, SnapPage.choose(session, "Choose a store."));
				}
				paymentType = "cstore";
				charge.putObject("cstore").put("store", store);
			}
			default -> {
				return html(400, SnapPage.choose(session, "Choose a payment method."));
			}
		}
		if (!session.offers(method)) {
			return html(400, SnapPage.choose(session, "That method is not offered."));
		}
		Answer answer = this.engine.createFromSnap(paymentType, session.orderId, session.gross, charge,
				session.notificationHeaders);
		if (answer.httpStatus() != 200) {
			return html(400, SnapPage.choose(session, "Midtrans refused: " + answer.body()));
		}
		session.chargeAnswer = readAnswer(answer);
		logger.info("Simulated Snap checkout for order '{}': customer chose {}", session.orderId, method);
		return backToPage(session);
	}

	private Answer payByCard(Session session, Map<String, String> form) {
		if (!session.enabled.contains("credit_card")) {
			return html(400, SnapPage.choose(session, "Cards are not offered."));
		}
		HttpUrl tokenUrl = HttpUrl.get("http://localhost/v2/token")
			.newBuilder()
			.addQueryParameter("client_key", this.engine.clientKey())
			.addQueryParameter("card_number", digitsOnly(form.get("card_number")))
			.addQueryParameter("card_exp_month", form.get("card_exp_month"))
			.addQueryParameter("card_exp_year", form.get("card_exp_year"))
			.addQueryParameter("card_cvv", form.get("card_cvv"))
			.build();
		Answer tokenAnswer = this.engine.cards().token(tokenUrl, this.engine.clientKey(), this.engine.now());
		JsonNode tokenBody = readAnswer(tokenAnswer);
		String tokenId = Wire.text(tokenBody, "token_id");
		if (tokenId == null) {
			String message = Optional.ofNullable(Wire.text(tokenBody, "status_message")).orElse("Card refused");
			JsonNode validation = (tokenBody != null) ? tokenBody.get("validation_messages") : null;
			if (validation != null && validation.isArray() && !validation.isEmpty()) {
				message = validation.get(0).asString();
			}
			return html(400, SnapPage.choose(session, "Card not accepted: " + message));
		}
		ObjectNode charge = chargeBase(session);
		ObjectNode card = charge.putObject("credit_card");
		card.put("token_id", tokenId);
		JsonNode options = session.request.get("credit_card");
		if (Wire.text(options, "bank") != null) {
			card.put("bank", Wire.text(options, "bank"));
		}
		if ("authorize".equals(Wire.text(options, "type"))) {
			card.put("type", "authorize");
		}
		Answer answer = this.engine.createFromSnap("credit_card", session.orderId, session.gross, charge,
				session.notificationHeaders);
		session.chargeAnswer = readAnswer(answer);
		Optional<TransactionSnapshot> tx = this.engine.snapshot(session.orderId);
		return tx.map((snapshot) -> finish(session, snapshot)).orElseGet(() -> backToPage(session));
	}

	private Answer simulatePayment(Session session, @Nullable TransactionSnapshot tx) {
		if (tx == null) {
			return backToPage(session);
		}
		if ("pending".equals(tx.transactionStatus())) {
			return finish(session, this.engine.pay(session.orderId));
		}
		return finish(session, tx);
	}

	/**
	 * Send the browser to the finish URL with Midtrans' query parameters, or back to the
	 * page when the request set none.
	 */
	private Answer finish(Session session, TransactionSnapshot tx) {
		if (session.finishUrl == null) {
			return backToPage(session);
		}
		String status = tx.transactionStatus();
		String code = switch (status) {
			case "settlement", "capture" -> "200";
			case "pending", "authorize" -> "201";
			case "deny", "cancel", "expire" -> "202";
			default -> "200";
		};
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("merchant_id", this.engine.merchantId());
		parameters.put("order_id", session.orderId);
		parameters.put("status_code", code);
		parameters.put("transaction_status", status);
		return redirect(withQuery(session.finishUrl, parameters));
	}

	private Answer backToPage(Session session) {
		return redirect("/" + PAGE_PATH + session.token);
	}

	private ObjectNode chargeBase(Session session) {
		ObjectNode charge = Wire.object();
		ObjectNode details = charge.putObject("transaction_details");
		details.put("order_id", session.orderId);
		details.put("gross_amount", session.gross);
		for (String field : List.of("item_details", "customer_details", "custom_field1", "custom_field2",
				"custom_field3", "metadata")) {
			JsonNode value = session.request.get(field);
			if (value != null && !value.isNull()) {
				charge.set(field, value.deepCopy());
			}
		}
		JsonNode expiry = session.request.get("expiry");
		if (expiry != null && expiry.isObject()) {
			// Snap's expiry object, as the Core API's custom_expiry.
			ObjectNode custom = charge.putObject("custom_expiry");
			if (Wire.text(expiry, "start_time") != null) {
				custom.put("order_time", Wire.text(expiry, "start_time"));
			}
			custom.set("expiry_duration", expiry.get("duration"));
			String unit = Optional.ofNullable(Wire.text(expiry, "unit")).orElse("minute").toLowerCase(Locale.ROOT);
			custom.put("unit", unit.endsWith("s") ? unit.substring(0, unit.length() - 1) : unit);
		}
		return charge;
	}

	private static Duration duration(JsonNode expiry, String field, List<String> errors) {
		Long amount = Wire.wholeRupiah(expiry.get("duration"));
		String unit = Optional.ofNullable(Wire.text(expiry, "unit")).orElse("").toLowerCase(Locale.ROOT);
		if (amount == null || amount < 1) {
			errors.add(field + ".duration must be a positive whole number");
			return Duration.ZERO;
		}
		return switch (unit) {
			case "minute", "minutes" -> Duration.ofMinutes(amount);
			case "hour", "hours" -> Duration.ofHours(amount);
			case "day", "days" -> Duration.ofDays(amount);
			default -> {
				errors.add(field + ".unit must be minute, hour or day");
				yield Duration.ZERO;
			}
		};
	}

	private static @Nullable JsonNode readAnswer(Answer answer) {
		try {
			return Wire.MAPPER.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String withQuery(String url, Map<String, String> parameters) {
		HttpUrl parsed = HttpUrl.parse(url);
		if (parsed != null) {
			HttpUrl.Builder builder = parsed.newBuilder();
			parameters.forEach(builder::addQueryParameter);
			return builder.build().toString();
		}
		StringBuilder text = new StringBuilder(url).append(url.contains("?") ? '&' : '?');
		parameters.forEach((name, value) -> text.append(name)
			.append('=')
			.append(URLEncoder.encode(value, StandardCharsets.UTF_8))
			.append('&'));
		return text.substring(0, text.length() - 1);
	}

	static Map<String, String> form(String body) {
		Map<String, String> form = new LinkedHashMap<>();
		if (body == null || body.isBlank()) {
			return form;
		}
		for (String pair : body.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			try {
				form.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
						URLDecoder.decode(value, StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// a malformed pair is ignored, as browsers never send one
			}
		}
		return form;
	}

	private static String digitsOnly(@Nullable String text) {
		return (text != null) ? text.replaceAll("[^0-9]", "") : "";
	}

	private static Answer errors(int status, List<String> messages) {
		return new Answer(status, Wire.write(Wire.errorMessages(messages)), Map.of(), false);
	}

	private static Answer html(int status, String page) {
		return new Answer(status, page, Map.of("Cache-Control", "no-store"), false);
	}

	private static Answer redirect(String location) {
		return new Answer(303, "", Map.of("Location", location), false);
	}

	static String sha256(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (byte b : hash) {
				hex.append(String.format("%02x", b));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** One checkout session. */
	static final class Session {

		final String token;

		final String orderId;

		final long gross;

		final ObjectNode request;

		final List<String> enabled;

		final @Nullable String finishUrl;

		final Instant pageExpiresAt;

		final Map<String, String> notificationHeaders;

		@Nullable JsonNode chargeAnswer;

		Session(String token, String orderId, long gross, ObjectNode request, List<String> enabled,
				@Nullable String finishUrl, Instant pageExpiresAt, Map<String, String> notificationHeaders) {
			this.token = token;
			this.orderId = orderId;
			this.gross = gross;
			this.request = request;
			this.enabled = enabled;
			this.finishUrl = finishUrl;
			this.pageExpiresAt = pageExpiresAt;
			this.notificationHeaders = notificationHeaders;
		}

		/** The banks whose virtual accounts the page offers. */
		List<String> banks() {
			return VA_BANKS.stream().filter((bank) -> this.enabled.contains(bank + "_va")).toList();
		}

		/** The stores the page offers. */
		List<String> stores() {
			return List.of("alfamart", "indomaret").stream().filter(this.enabled::contains).toList();
		}

		boolean offers(String method) {
			return switch (method) {
				case "bank_transfer" -> !banks().isEmpty();
				case "qris" -> this.enabled.contains("other_qris");
				case "cstore" -> !stores().isEmpty();
				default -> this.enabled.contains(method);
			};
		}

	}

}
