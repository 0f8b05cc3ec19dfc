package io.github.springmidtrans.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Invoicing API ({@code /v1/invoices}): create, read and void invoices; a scenario
 * call pays one; the clock makes unpaid invoices overdue. Only touched while holding the
 * engine's lock.
 */
final class SimulatorInvoices {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,36}");

	private static final Duration IDEMPOTENCY_WINDOW = Duration.ofMinutes(5);

	private static final Map<String, Integer> VA_LENGTH = Map.of("bca_va", 11, "mandiri_bill", 12, "bni_va", 8,
			"bri_va", 13, "cimb_va", 16, "permata_va", 10);

	private final SimulatorEngine engine;

	private final Map<String, Invoice> invoices = new LinkedHashMap<>();

	private final Map<String, Stored> idempotent = new HashMap<>();

	SimulatorInvoices(SimulatorEngine engine) {
		this.engine = engine;
	}

	/** One invoice: its answer body, kept up to date, and its state. */
	static final class Invoice {

		final String id;

		final String orderId;

		final long grossAmount;

		final Instant dueDate;

		final ObjectNode body;

		String status = "pending";

		Invoice(String id, String orderId, long grossAmount, Instant dueDate, ObjectNode body) {
			this.id = id;
			this.orderId = orderId;
			this.grossAmount = grossAmount;
			this.dueDate = dueDate;
			this.body = body;
		}

	}

	private record Stored(Instant storedAt, Answer answer) {

	}

	Answer create(@Nullable JsonNode body, @Nullable String idempotencyKey, String baseUrl) {
		Instant now = this.engine.now();
		boolean keyed = idempotencyKey != null && !idempotencyKey.isBlank();
		if (keyed) {
			this.idempotent.values().removeIf((stored) -> now.isAfter(stored.storedAt.plus(IDEMPOTENCY_WINDOW)));
			Stored stored = this.idempotent.get(idempotencyKey);
			if (stored != null) {
				return stored.answer;
			}
		}
		if (body == null || !body.isObject()) {
			return invalid(List.of("request body must be a JSON object"));
		}
		List<String> errors = new ArrayList<>();
		String orderId = Wire.text(body, "order_id");
		if (orderId == null || orderId.isEmpty()) {
			errors.add("order_id is required");
		}
		else if (!ORDER_ID.matcher(orderId).matches()) {
			errors.add("order_id must be 1 to 36 of a-z 0-9 - _ ~ .");
		}
		if (Wire.text(body, "invoice_number") == null) {
			errors.add("invoice_number is required");
		}
		Instant invoiceDate = date(body, "invoice_date", errors);
		Instant dueDate = date(body, "due_date", errors);
		if (invoiceDate != null && dueDate != null && !dueDate.isAfter(invoiceDate)) {
			errors.add("due_date must be after invoice_date");
		}
		JsonNode customer = body.get("customer_details");
		if (customer == null || !customer.isObject() || Wire.text(customer, "name") == null) {
			errors.add("customer_details.name is required");
		}
		String paymentType = Wire.text(body, "payment_type");
		if (!"payment_link".equals(paymentType) && !"virtual_account".equals(paymentType)) {
			errors.add("payment_type must be payment_link or virtual_account");
		}
		JsonNode vas = body.get("virtual_accounts");
		if ("virtual_account".equals(paymentType)) {
			if (vas == null || !vas.isArray() || vas.isEmpty()) {
				errors.add("virtual_accounts must not be empty for payment_type virtual_account");
			}
			else {
				for (JsonNode va : vas) {
					String bank = bank(va);
					if (bank == null || !VA_LENGTH.containsKey(bank)) {
						errors.add("virtual_accounts.bank must be one of " + String.join(", ", VA_LENGTH.keySet()));
					}
				}
			}
		}
		long items = 0;
		JsonNode itemDetails = body.get("item_details");
		if (itemDetails == null || !itemDetails.isArray() || itemDetails.isEmpty()) {
			errors.add("item must not be empty");
		}
		else {
			for (JsonNode item : itemDetails) {
				Long price = Wire.wholeRupiah(item.get("price"));
				Long quantity = Wire.wholeRupiah(item.get("quantity"));
				if (Wire.text(item, "description") == null) {
					errors.add("item_details.description is required");
				}
				if (price == null || quantity == null || quantity < 1) {
					errors.add("item_details.price and item_details.quantity are required whole numbers");
					continue;
				}
				Long percent = Wire.wholeRupiah(item.get("discount_percentage"));
				long line = price * quantity;
				if (percent != null) {
					line -= line * percent / 100;
				}
				items += line;
			}
		}
		JsonNode amount = body.get("amount");
		long discount = (amount != null && Wire.wholeRupiah(amount.get("discount")) != null)
				? Wire.wholeRupiah(amount.get("discount")) : 0;
		long shipping = (amount != null && Wire.wholeRupiah(amount.get("shipping")) != null)
				? Wire.wholeRupiah(amount.get("shipping")) : 0;
		long gross = items + shipping - discount;
		if (errors.isEmpty() && gross <= 0) {
			errors.add("gross_amount must be more than 0");
		}
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		boolean duplicate = this.invoices.values().stream().anyMatch((invoice) -> invoice.orderId.equals(orderId));
		if (duplicate) {
			return new Answer(409, Wire.write(Wire.errorMessages(List.of("Duplicate order id"))), Map.of(), false);
		}
		String id = HexFormat.of().formatHex(randomBytes(12));
		ObjectNode answer = (ObjectNode) body.deepCopy();
		answer.put("id", id);
		answer.put("status", "pending");
		answer.put("gross_amount", gross);
		answer.put("invoice_date", Wire.zonedTime(invoiceDate));
		answer.put("due_date", Wire.zonedTime(dueDate));
		answer.put("published_date", Wire.zonedTime(now));
		answer.put("pdf_url", baseUrl + "_simulator/invoices/" + id + "/pdf");
		if (amount != null && amount.isObject()) {
			ObjectNode amounts = answer.putObject("amount");
			amounts.put("discount", discount);
			amounts.put("shipping", shipping);
		}
		if ("virtual_account".equals(paymentType)) {
			ArrayNode numbered = answer.putArray("virtual_accounts");
			for (JsonNode va : vas) {
				String bank = bank(va);
				String number = Wire.text(va, "number");
				ObjectNode entry = numbered.addObject();
				entry.put("bank", bank);
				entry.put("number",
						(number != null && number.matches("\\d+")) ? number : digits(VA_LENGTH.getOrDefault(bank, 11)));
			}
			answer.remove("payment_link");
		}
		else {
			answer.put("payment_link_url", baseUrl + "_simulator/invoices/" + id);
			answer.remove("virtual_accounts");
		}
		Invoice invoice = new Invoice(id, orderId, gross, dueDate, answer);
		this.invoices.put(id, invoice);
		Answer created = new Answer(201, Wire.write(answer), Map.of(), false);
		if (keyed) {
			this.idempotent.put(idempotencyKey, new Stored(now, created));
		}
		return created;
	}

	Answer get(String id) {
		Invoice invoice = this.invoices.get(id);
		if (invoice == null) {
			return notFound();
		}
		return new Answer(200, Wire.write(invoice.body), Map.of(), false);
	}

	Answer voidInvoice(String id) {
		Invoice invoice = this.invoices.get(id);
		if (invoice == null) {
			return notFound();
		}
		if (!"pending".equals(invoice.status) && !"overdue".equals(invoice.status)) {
			return new Answer(409, Wire.write(Wire.errorMessages(List.of("Invoice cannot be canceled"))), Map.of(),
					false);
		}
		setStatus(invoice, "voided");
		return new Answer(200, Wire.write(Wire.object().put("success", true)), Map.of(), false);
	}

	/**
	 * The customer pays the invoice: a settled transaction for its order id whose
	 * notification carries {@code metadata.midtrans_invoice_id}.
	 */
	TransactionSnapshot pay(String id, String baseUrl) {
		Invoice invoice = this.invoices.get(id);
		if (invoice == null) {
			throw new IllegalStateException("The simulator has no invoice '" + id + "'");
		}
		if (!"pending".equals(invoice.status) && !"overdue".equals(invoice.status)) {
			throw new IllegalStateException(
					"Invoice '" + id + "' cannot be paid: it is " + invoice.status + "; only pending or overdue can");
		}
		ObjectNode method = Wire.object();
		String paymentType;
		JsonNode vas = invoice.body.get("virtual_accounts");
		if (vas != null && vas.isArray() && !vas.isEmpty()) {
			String bank = Wire.text(vas.get(0), "bank");
			String number = Wire.text(vas.get(0), "number");
			switch (bank) {
				case "mandiri_bill" -> {
					paymentType = "echannel";
					method.put("bill_key", number);
					method.put("biller_code", "70012");
				}
				case "permata_va" -> {
					paymentType = "bank_transfer";
					method.put("permata_va_number", number);
				}
				default -> {
					paymentType = "bank_transfer";
					ObjectNode va = method.putArray("va_numbers").addObject();
					va.put("va_number", number);
					va.put("bank", bank.replace("_va", ""));
				}
			}
			if ("bank_transfer".equals(paymentType)) {
				ObjectNode paid = method.putArray("payment_amounts").addObject();
				paid.put("paid_at", Wire.time(this.engine.now()));
				paid.put("amount", Wire.amount(invoice.grossAmount));
			}
		}
		else {
			paymentType = "gopay";
			method.put("payment_option_type", "GOPAY_WALLET");
		}
		ObjectNode echoed = Wire.object();
		echoed.putObject("metadata").put("midtrans_invoice_id", invoice.id);
		SimulatedTransaction tx = this.engine.ledger()
			.recordTransaction(invoice.orderId, paymentType, invoice.grossAmount, method, echoed, "settlement",
					"accept");
		setStatus(invoice, "paid");
		invoice.body.put("paid_date", Wire.zonedTime(this.engine.now()));
		invoice.body.put("paid_pdf_url", baseUrl + "_simulator/invoices/" + id + "/paid-pdf");
		return tx.snapshot();
	}

	/**
	 * Pending invoices past their due date become overdue (and stay payable).
	 */
	void markOverdue(Instant now) {
		for (Invoice invoice : this.invoices.values()) {
			if ("pending".equals(invoice.status) && now.isAfter(invoice.dueDate)) {
				setStatus(invoice, "overdue");
			}
		}
	}

	@Nullable String status(String id) {
		Invoice invoice = this.invoices.get(id);
		return (invoice != null) ? invoice.status : null;
	}

	void reset() {
		this.invoices.clear();
		this.idempotent.clear();
	}

	private static void setStatus(Invoice invoice, String status) {
		invoice.status = status;
		invoice.body.put("status", status);
	}

	private static @Nullable String bank(JsonNode va) {
		String bank = Wire.text(va, "bank");
		if (bank == null) {
			bank = Wire.text(va, "name");
		}
		return (bank != null) ? bank.toLowerCase(Locale.ROOT) : null;
	}

	private static @Nullable Instant date(JsonNode body, String field, List<String> errors) {
		String text = Wire.text(body, field);
		if (text == null) {
			errors.add(field + " is required");
			return null;
		}
		Instant parsed = Wire.parseTime(text);
		if (parsed == null) {
			errors.add(field + " must look like yyyy-MM-dd HH:mm:ss Z");
		}
		return parsed;
	}

	private static Answer invalid(List<String> messages) {
		return new Answer(400, Wire.write(Wire.errorMessages(messages)), Map.of(), false);
	}

	private static Answer notFound() {
		return new Answer(404, Wire.write(Wire.errorMessages(List.of("Not Found"))), Map.of(), false);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
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

}
