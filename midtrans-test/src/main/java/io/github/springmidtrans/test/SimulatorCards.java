package io.github.springmidtrans.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The card helpers: {@code GET /v2/token}, {@code GET /v2/card/register} and {@code GET
 * /v1/bins/{bin}}, plus the sandbox rules of section 6.1 that decide whether a card
 * charge is accepted. Card numbers stay in this object's memory only: never logged, never
 * put in an answer except masked. Only touched while holding the engine's lock.
 */
final class SimulatorCards {

	/** Sandbox cards the bank declines with RC 05 (3DS and not-enrolled variants). */
	private static final Set<String> BANK_DENIED = Set.of("4911111111111113", "4711111111111115", "5111111111111118",
			"5511111111111114", "3528512944932269", "3528909779837631", "374296354400881", "370356097975856",
			"6212484129687072", "6212484228635865", "4485436455354151", "4604633194219929", "4716125059847899",
			"5328720384582224", "5424184049821670", "5250548692069390", "4705859510984866", "5597518926561951",
			"4105054148541363", "4723249479082225", "5555666677771111", "3528927894502153", "3419184532253540");

	/** Sandbox cards that fraud detection denies. */
	private static final Set<String> FDS_DENIED = Set.of("4611111111111116", "5411111111111115", "3528185267171623",
			"378096218340018", "6212482535178193972");

	/** Always RC 51, insufficient funds. */
	private static final String ALWAYS_51 = "4472429869996670";

	/** RC 51 when the amount is above 30,000. */
	private static final String LIMIT_51 = "4806000000000081";

	private static final Map<String, BinData> BINS = bins();

	private final Map<String, Card> tokens = new HashMap<>();

	private final Map<String, Card> savedTokens = new HashMap<>();

	private final List<String> spentTokens = new ArrayList<>();

	/** A card as the simulator keeps it. */
	record Card(String number, String expMonth, String expYear) {

		String bin8() {
			return this.number.substring(0, 8);
		}

		String last4() {
			return this.number.substring(this.number.length() - 4);
		}

		String masked() {
			return bin8() + "-" + last4();
		}

		@Override
		public String toString() {
			return "Card[" + masked() + "]";
		}

	}

	/** The card behind a token, and whether a single-use token was already charged. */
	record Resolved(Card card, boolean spent) {

	}

	/** How the sandbox answers a charge of a card. */
	record Decision(boolean accepted, boolean fraud, String responseCode, String responseMessage) {

	}

	private record BinData(String brand, String binType, String binClass, String bankCode, String bank) {

	}

	Answer token(HttpUrl url, String clientKey, Instant now) {
		if (!clientKey.equals(url.queryParameter("client_key"))) {
			return new Answer(401, Wire.write(Wire.error("401", SimulatorErrors.CORE_UNAUTHORIZED)), Map.of(), false);
		}
		String savedTokenId = url.queryParameter("token_id");
		Card card;
		List<String> errors = new ArrayList<>();
		if (savedTokenId != null && url.queryParameter("card_number") == null) {
			card = this.savedTokens.get(savedTokenId);
			if (card == null) {
				errors.add("token_id is not a saved token id");
			}
		}
		else {
			card = readCard(url, now, errors);
		}
		String cvv = url.queryParameter("card_cvv");
		if (cvv == null || !cvv.matches("\\d{3,4}")) {
			errors.add("card_cvv must be 3 or 4 digits");
		}
		if (!errors.isEmpty() || card == null) {
			return invalidInBody(errors);
		}
		String tokenId = card.bin8() + "-" + card.last4() + "-" + UUID.randomUUID();
		this.tokens.put(tokenId, card);
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("status_message", "Credit card token is created as Token ID.");
		body.put("token_id", tokenId);
		body.put("hash", hash(tokenId));
		return Answer.ok(body);
	}

	Answer register(HttpUrl url, String clientKey, Instant now) {
		if (!clientKey.equals(url.queryParameter("client_key"))) {
			return new Answer(401, Wire.write(Wire.error("401", SimulatorErrors.CORE_UNAUTHORIZED)), Map.of(), false);
		}
		List<String> errors = new ArrayList<>();
		Card card = readCard(url, now, errors);
		if (!errors.isEmpty() || card == null) {
			return invalidInBody(errors);
		}
		String saved = card.bin8() + randomLetters(20) + card.last4();
		this.savedTokens.put(saved, card);
		ObjectNode body = Wire.object();
		body.put("status_code", "200");
		body.put("saved_token_id", saved);
		body.put("transaction_id", UUID.randomUUID().toString());
		body.put("masked_card", card.masked());
		return Answer.ok(body);
	}

	/**
	 * {@code GET /v1/bins/{bin}}: the BIN API takes the server key or the client key as
	 * the Basic user, and answers a plain-text 401 without either.
	 */
	static Answer binLookup(HttpUrl url, @Nullable String authorization, String serverKey, String clientKey) {
		String user = basicUser(authorization);
		boolean known = user != null && (MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
				serverKey.getBytes(StandardCharsets.UTF_8))
				|| MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
						clientKey.getBytes(StandardCharsets.UTF_8)));
		if (!known) {
			return new Answer(401, "Unauthorized", Map.of("Content-Type", "text/plain"), false);
		}
		return bin(url.pathSegments().get(2));
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

	static Answer bin(String bin) {
		BinData data = (bin.matches("\\d{6,8}")) ? BINS.get(bin.substring(0, 6)) : null;
		if (data == null) {
			ObjectNode body = Wire.object();
			ObjectNode error = body.putArray("errors").addObject();
			error.put("message_title", "not found");
			error.put("message", "not found");
			return new Answer(404, Wire.write(body), Map.of(), false);
		}
		ObjectNode body = Wire.object();
		ObjectNode info = body.putObject("data");
		info.put("country_name", "Indonesia");
		info.put("country_code", "id");
		info.put("brand", data.brand());
		info.put("bin_type", data.binType());
		info.put("bin_class", data.binClass());
		info.put("bin", bin);
		info.put("bank_code", data.bankCode());
		info.put("bank", data.bank());
		return new Answer(200, Wire.write(body), Map.of(), false);
	}

	/**
	 * The card behind a token from {@code /v2/token} (single use) or a saved token id;
	 * {@code null} when the simulator did not issue it.
	 */
	@Nullable Resolved resolve(String tokenId) {
		Card card = this.tokens.get(tokenId);
		if (card != null) {
			boolean spent = this.spentTokens.contains(tokenId);
			this.spentTokens.add(tokenId);
			return new Resolved(card, spent);
		}
		card = this.savedTokens.get(tokenId);
		return (card != null) ? new Resolved(card, false) : null;
	}

	/**
	 * Whether a saved token id was issued by {@code /v2/card/register}.
	 */
	@Nullable Card savedCard(String savedTokenId) {
		return this.savedTokens.get(savedTokenId);
	}

	/**
	 * A saved token id for the card, as a one-click charge with {@code save_token_id}
	 * returns.
	 */
	String save(Card card) {
		String saved = card.bin8() + randomLetters(20) + card.last4();
		this.savedTokens.put(saved, card);
		return saved;
	}

	/**
	 * The sandbox's verdict on charging a card (section 6.1).
	 */
	static Decision decide(Card card, long amount) {
		String number = card.number();
		if (FDS_DENIED.contains(number)) {
			return new Decision(false, true, "05", "Denied by fraud detection system");
		}
		if (ALWAYS_51.equals(number) || (LIMIT_51.equals(number) && amount > 30_000)) {
			return new Decision(false, false, "51", "Insufficient funds");
		}
		if (BANK_DENIED.contains(number)) {
			return new Decision(false, false, "05", "Do not honor");
		}
		return new Decision(true, false, "00", "Approved");
	}

	void reset() {
		this.tokens.clear();
		this.savedTokens.clear();
		this.spentTokens.clear();
	}

	private static @Nullable Card readCard(HttpUrl url, Instant now, List<String> errors) {
		String number = url.queryParameter("card_number");
		String month = url.queryParameter("card_exp_month");
		String year = url.queryParameter("card_exp_year");
		if (number == null || number.isBlank()) {
			errors.add("card_number is required");
		}
		else if (!number.matches("\\d{13,19}")) {
			errors.add("card_number must be 13 to 19 digits");
		}
		else if (!luhn(number)) {
			errors.add("card_number does not match with Luhn algorithm");
		}
		if (month == null || !month.matches("0[1-9]|1[0-2]")) {
			errors.add("card_exp_month must be 01 to 12");
		}
		if (year == null || !year.matches("\\d{4}")) {
			errors.add("card_exp_year must be 4 digits");
		}
		else if (month != null && month.matches("0[1-9]|1[0-2]")) {
			LocalDate today = LocalDate.ofInstant(now, SimulatorClock.JAKARTA);
			LocalDate end = LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), 1).plusMonths(1);
			if (!today.isBefore(end)) {
				errors.add("card is expired");
			}
		}
		return errors.isEmpty() ? new Card(number, month, year) : null;
	}

	private static Answer invalidInBody(List<String> errors) {
		ObjectNode body = Wire.error("400", "One or more parameters in the payload is invalid.");
		ArrayNode list = body.putArray("validation_messages");
		errors.forEach(list::add);
		// Card tokenization answers its errors in the body, under HTTP 200.
		return new Answer(200, Wire.write(body), Map.of(), false);
	}

	static boolean luhn(String digits) {
		int sum = 0;
		boolean doubled = false;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int digit = digits.charAt(i) - '0';
			if (doubled) {
				digit *= 2;
				if (digit > 9) {
					digit -= 9;
				}
			}
			sum += digit;
			doubled = !doubled;
		}
		return sum % 10 == 0;
	}

	private static String randomLetters(int count) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
		StringBuilder text = new StringBuilder(count);
		ThreadLocalRandom random = ThreadLocalRandom.current();
		for (int i = 0; i < count; i++) {
			text.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String hash(String tokenId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(tokenId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, BinData> bins() {
		Map<String, BinData> bins = new HashMap<>();
		BinData bniVisa = new BinData("visa", "credit", "classic", "bni", "bank negara indonesia");
		BinData bniMaster = new BinData("mastercard", "credit", "platinum", "bni", "bank negara indonesia");
		BinData jcb = new BinData("jcb", "credit", "classic", "bni", "bank negara indonesia");
		BinData amex = new BinData("amex", "credit", "gold", "bni", "bank negara indonesia");
		BinData unionpay = new BinData("unionpay", "debit", "classic", "bni", "bank negara indonesia");
		for (String bin : List.of("481111", "491111", "441111", "461111", "471111", "455657", "402400", "448543",
				"460463", "491699", "471612", "447242", "480600", "470585", "472324")) {
			bins.put(bin, bniVisa);
		}
		for (String bin : List.of("521111", "511111", "541011", "541111", "551111", "533325", "532872", "530688",
				"542418", "548797", "525054", "559751", "555566")) {
			bins.put(bin, bniMaster);
		}
		for (String bin : List.of("352820", "352851", "352868", "352818", "352890", "352892")) {
			bins.put(bin, jcb);
		}
		for (String bin : List.of("370192", "374296", "373747", "378096", "370356", "341502", "345695", "348638",
				"372021", "345197", "379452", "341918")) {
			bins.put(bin, amex);
		}
		bins.put("621248", unionpay);
		bins.put("455633", new BinData("visa", "credit", "gold", "bca", "bank central asia"));
		bins.put("477377", new BinData("visa", "credit", "platinum", "bca", "bank central asia"));
		bins.put("410505", bniVisa);
		return Map.copyOf(bins);
	}

}
