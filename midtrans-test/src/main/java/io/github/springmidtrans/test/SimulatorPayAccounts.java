package io.github.springmidtrans.test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.springmidtrans.client.NotificationSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * GoPay account linking ({@code /v2/pay/account}): accounts start {@code PENDING}, a
 * scenario call links them ({@code ENABLED}, with a wallet and a pay-later option), an
 * unbind disables them. Only touched while holding the engine's lock.
 */
final class SimulatorPayAccounts {

	/** Sandbox phone number of a user GoPay does not know. */
	static final String NOT_REGISTERED = "123450001";

	/** Sandbox phone number of a blocked user. */
	static final String BLOCKED = "123450002";

	/** The phone number of a Snap-linked account when the request names none. */
	static final String SNAP_DEFAULT_PHONE = "8123456789";

	private final Map<String, Account> accounts = new LinkedHashMap<>();

	/**
	 * Accounts linked through Snap's GoPay tokenization: merchant user id to account id.
	 */
	private final Map<String, String> snapUsers = new LinkedHashMap<>();

	/** A linked or linking account. */
	static final class Account {

		final String id;

		final String phoneNumber;

		String countryCode = "62";

		String status = "PENDING";

		/** Payment options once linked: name to option. */
		final Map<String, Option> options = new LinkedHashMap<>();

		Account(String id, String phoneNumber) {
			this.id = id;
			this.phoneNumber = phoneNumber;
		}

	}

	/** A payment option of a linked account, with its balance in whole rupiah. */
	static final class Option {

		final String name;

		final String token;

		long balance;

		Option(String name, String token, long balance) {
			this.name = name;
			this.token = token;
			this.balance = balance;
		}

	}

	Answer create(@Nullable JsonNode body, String baseUrl) {
		String paymentType = Wire.text(body, "payment_type");
		JsonNode partner = (body != null) ? body.get("gopay_partner") : null;
		String phone = Wire.text(partner, "phone_number");
		String country = Wire.text(partner, "country_code");
		List<String> errors = new java.util.ArrayList<>();
		if (!"gopay".equals(paymentType)) {
			errors.add("payment_type must be gopay");
		}
		if (phone == null || !phone.matches("\\d{6,15}")) {
			errors.add("gopay_partner.phone_number must be 6 to 15 digits");
		}
		if (country == null || !country.matches("\\d{1,3}")) {
			errors.add("gopay_partner.country_code is required");
		}
		if (!errors.isEmpty()) {
			ObjectNode error = Wire.error("400", "One or more parameters in the payload is invalid.");
			ArrayNode list = error.putArray("validation_messages");
			errors.forEach(list::add);
			return new Answer(400, Wire.write(error), Map.of(), false);
		}
		if (NOT_REGISTERED.equals(phone) || BLOCKED.equals(phone)) {
			ObjectNode failure = Wire.object();
			failure.put("status_code", "202");
			failure.put("payment_type", "gopay");
			failure.put("channel_response_code", NOT_REGISTERED.equals(phone) ? "105" : "106");
			failure.put("channel_response_message", NOT_REGISTERED.equals(phone) ? "User Not Found" : "User Blocked");
			return Answer.ok(failure);
		}
		Account account = new Account(UUID.randomUUID().toString(), phone);
		this.accounts.put(account.id, account);
		ObjectNode answer = Wire.object();
		answer.put("status_code", "201");
		answer.put("payment_type", "gopay");
		answer.put("account_id", account.id);
		answer.put("account_status", account.status);
		ArrayNode actions = answer.putArray("actions");
		action(actions, "activation-deeplink", baseUrl + "_simulator/deeplink/gopay-link?account_id=" + account.id);
		action(actions, "activation-link-url", baseUrl + "_simulator/deeplink/gopay-link-web?account_id=" + account.id);
		action(actions, "activation-link-app", baseUrl + "_simulator/deeplink/gopay-link-app?account_id=" + account.id);
		answer.putObject("metadata").put("reference_id", UUID.randomUUID().toString());
		return Answer.ok(answer);
	}

	Answer get(String accountId) {
		Account account = this.accounts.get(accountId);
		if (account == null) {
			return notFound();
		}
		return Answer.ok(body(account));
	}

	Answer unbind(String accountId) {
		Account account = this.accounts.get(accountId);
		if (account == null) {
			return notFound();
		}
		if (!"ENABLED".equals(account.status)) {
			ObjectNode failure = Wire.object();
			failure.put("status_code", "202");
			failure.put("status_message", "Unbind failed: the account is not linked");
			failure.put("payment_type", "gopay");
			failure.put("account_id", account.id);
			failure.put("account_status", account.status);
			failure.put("channel_response_code", "1001");
			failure.put("channel_response_message", "Account is not linked");
			return Answer.ok(failure);
		}
		account.status = "DISABLED";
		ObjectNode answer = Wire.object();
		answer.put("status_code", "204");
		answer.put("payment_type", "gopay");
		answer.put("account_id", account.id);
		answer.put("account_status", account.status);
		answer.put("channel_response_code", "0");
		answer.put("channel_response_message", "Process service request successfully.");
		return Answer.ok(answer);
	}

	/**
	 * The customer approves the link in the Gojek app.
	 */
	Account link(String accountId) {
		Account account = this.accounts.get(accountId);
		if (account == null) {
			throw new IllegalStateException("The simulator has no pay account '" + accountId + "'");
		}
		if (!"PENDING".equals(account.status)) {
			throw new IllegalStateException(
					"Pay account '" + accountId + "' cannot be linked: it is " + account.status + ", not PENDING");
		}
		account.status = "ENABLED";
		account.options.put("GOPAY_WALLET", new Option("GOPAY_WALLET", optionToken("GOPAY_WALLET"), 1_000_000));
		account.options.put("PAY_LATER", new Option("PAY_LATER", optionToken("PAY_LATER"), 350_000));
		return account;
	}

	/**
	 * A Snap customer links their GoPay account for the merchant's user id (GoPay
	 * tokenization in Snap): the account is enabled at once, with its payment options. A
	 * user id already linked keeps its account.
	 */
	Account linkSnapUser(String userId, @Nullable String phoneNumber, @Nullable String countryCode) {
		Account linked = ofSnapUser(userId);
		if (linked != null) {
			return linked;
		}
		Account account = new Account(UUID.randomUUID().toString(),
				(phoneNumber != null) ? phoneNumber : SNAP_DEFAULT_PHONE);
		if (countryCode != null) {
			account.countryCode = countryCode;
		}
		this.accounts.put(account.id, account);
		this.snapUsers.put(userId, account.id);
		return link(account.id);
	}

	/**
	 * The enabled account a Snap user linked, if any.
	 */
	@Nullable Account ofSnapUser(String userId) {
		String accountId = this.snapUsers.get(userId);
		Account account = (accountId != null) ? this.accounts.get(accountId) : null;
		return (account != null && "ENABLED".equals(account.status)) ? account : null;
	}

	@Nullable Account find(String accountId) {
		return this.accounts.get(accountId);
	}

	/**
	 * The pay-account notification Midtrans posts to the Pay Account Notification URL
	 * when an account is linked ({@code 200}, {@code ENABLED}) or unbound ({@code 204},
	 * {@code DISABLED}), in the field order of the published sample. Midtrans does not
	 * publish how its {@code signature_key} is computed; the simulator fills it with the
	 * SHA-512 of account id, status code and server key, which no client can rely on.
	 */
	static ObjectNode notification(Account account, String merchantId, String serverKey) {
		boolean enabled = "ENABLED".equals(account.status);
		String statusCode = enabled ? "200" : "204";
		ObjectNode body = Wire.object();
		body.put("account_id", account.id);
		body.put("merchant_id", merchantId);
		body.put("payment_type", "gopay");
		body.put("signature_key", NotificationSignature.compute(account.id, statusCode, "", serverKey));
		body.put("status_code", statusCode);
		body.put("account_status", account.status);
		body.put("status_message",
				enabled ? "Midtrans account_linked notification" : "Midtrans account_unbind notification");
		return body;
	}

	void reset() {
		this.snapUsers.clear();
		this.accounts.clear();
	}

	private static ObjectNode body(Account account) {
		ObjectNode body = Wire.object();
		String code = switch (account.status) {
			case "ENABLED" -> "200";
			case "PENDING" -> "201";
			default -> "204";
		};
		body.put("status_code", code);
		body.put("payment_type", "gopay");
		body.put("account_id", account.id);
		body.put("account_status", account.status);
		if ("ENABLED".equals(account.status)) {
			ArrayNode options = body.putObject("metadata").putArray("payment_options");
			for (Option option : account.options.values()) {
				ObjectNode entry = options.addObject();
				entry.put("name", option.name);
				entry.put("active", true);
				ObjectNode balance = entry.putObject("balance");
				balance.put("value", Wire.amount(option.balance));
				balance.put("currency", "IDR");
				entry.putObject("metadata");
				entry.put("token", option.token);
			}
		}
		return body;
	}

	private static Answer notFound() {
		return Answer.ok(Wire.error("404", "Account doesn't exist."));
	}

	private static String optionToken(String type) {
		String json = "{\"type\": \"" + type + "\", \"id\": \"" + UUID.randomUUID() + "\"}";
		return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	private static void action(ArrayNode actions, String name, String url) {
		ObjectNode action = actions.addObject();
		action.put("name", name);
		action.put("method", "GET");
		action.put("url", url);
	}

}
