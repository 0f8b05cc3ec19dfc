package io.github.springmidtrans.test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Payment Link API ({@code /v1/payment-links}): create, read and delete links; a
 * scenario call pays through one, which adds a purchase. Only touched while holding the
 * engine's lock.
 */
final class SimulatorPaymentLinks {

	private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9\\-_~.]{1,50}");

	private static final Pattern LINK_ID = Pattern.compile("[a-z0-9-]{1,50}");

	private static final int MAX_USAGE = 1_000_000;

	private final SimulatorEngine engine;

	private final Map<String, Link> links = new LinkedHashMap<>();

	SimulatorPaymentLinks(SimulatorEngine engine) {
		this.engine = engine;
	}

	/** One link. Mutable, under the engine's lock. */
	static final class Link {

		final String id = UUID.randomUUID().toString();

		final String orderId;

		final String slug;

		final String url;

		final @Nullable Long grossAmount;

		final int usageLimit;

		final JsonNode request;

		final List<String> purchases = new ArrayList<>();

		Link(String orderId, String slug, String url, @Nullable Long grossAmount, int usageLimit, JsonNode request) {
			this.orderId = orderId;
			this.slug = slug;
			this.url = url;
			this.grossAmount = grossAmount;
			this.usageLimit = usageLimit;
			this.request = request;
		}

	}

	Answer create(@Nullable JsonNode body, String baseUrl) {
		if (body == null || !body.isObject()) {
			return invalid(List.of("request body must be a JSON object"));
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
		boolean dynamic = "DYNAMIC_AMOUNT".equals(Wire.text(body, "payment_link_type"));
		Long gross = Wire.wholeRupiah((details != null) ? details.get("gross_amount") : null);
		if (!dynamic) {
			if (gross == null || gross < 1) {
				errors.add("transaction_details.gross_amount is required and must be more than 0");
			}
			JsonNode items = body.get("item_details");
			if (gross != null && items != null && items.isArray() && !items.isEmpty()) {
				long sum = 0;
				for (JsonNode item : items) {
					Long price = Wire.wholeRupiah(item.get("price"));
					Long quantity = Wire.wholeRupiah(item.get("quantity"));
					sum += ((price != null) ? price : 0) * ((quantity != null) ? quantity : 1);
				}
				if (sum != gross) {
					errors.add("transaction_details.gross_amount must equal the sum of item_details");
				}
			}
		}
		String linkId = Wire.text(details, "payment_link_id");
		if (linkId != null && !LINK_ID.matcher(linkId).matches()) {
			errors.add("transaction_details.payment_link_id must be 1 to 50 of a-z 0-9 -");
		}
		else if (linkId != null && this.links.values().stream().anyMatch((link) -> link.slug.equals(linkId))) {
			errors.add("transaction_details.payment_link_id has already been taken");
		}
		JsonNode usage = body.get("usage_limit");
		int usageLimit = 1;
		if (usage != null && !usage.isNull()) {
			if (!usage.canConvertToInt() || usage.intValue() < 1 || usage.intValue() > MAX_USAGE) {
				errors.add("usage_limit must be between 1 and 1000000");
			}
			else {
				usageLimit = usage.intValue();
			}
		}
		if (!errors.isEmpty()) {
			return invalid(errors);
		}
		if (this.links.containsKey(orderId)) {
			return new Answer(409,
					Wire.write(Wire.errorMessages(List.of("transaction_details.order_id has already been taken"))),
					Map.of(), false);
		}
		String slug = (linkId != null) ? linkId : HexFormat.of().formatHex(randomBytes(16));
		String url = baseUrl + "_simulator/payment-links/" + slug;
		Link link = new Link(orderId, slug, url, dynamic ? null : gross, usageLimit, body.deepCopy());
		this.links.put(orderId, link);
		ObjectNode answer = Wire.object();
		answer.put("order_id", orderId);
		answer.put("payment_url", url);
		return new Answer(200, Wire.write(answer), Map.of(), false);
	}

	Answer get(String orderId) {
		Link link = this.links.get(orderId);
		if (link == null) {
			return notFound();
		}
		JsonNode request = link.request;
		ObjectNode body = Wire.object();
		body.put("id", link.id);
		body.put("order_id", link.orderId);
		body.put("payment_link_id", link.slug);
		body.put("payment_link_url", link.url);
		body.put("payment_link_type", (link.grossAmount == null) ? "DYNAMIC_AMOUNT" : "FIXED_AMOUNT");
		body.put("merchant_id", this.engine.merchantId());
		if (link.grossAmount != null) {
			body.put("gross_amount", link.grossAmount);
		}
		ArrayNode enabled = body.putArray("enabled_payments");
		JsonNode requested = request.get("enabled_payments");
		if (requested != null && requested.isArray()) {
			requested.forEach(enabled::add);
		}
		body.put("usage", link.purchases.size());
		body.put("usage_limit", link.usageLimit);
		JsonNode expiry = request.get("expiry");
		if (expiry != null && expiry.isObject()) {
			String start = Wire.text(expiry, "start_time");
			body.put("expiry_start", (start != null) ? start : Wire.zonedTime(this.engine.now()));
			if (expiry.has("duration")) {
				body.set("expiry_duration", expiry.get("duration").deepCopy());
			}
			String unit = Wire.text(expiry, "unit");
			if (unit != null) {
				// Midtrans writes the unit in plural.
				body.put("expiry_unit", unit.endsWith("s") ? unit : unit + "s");
			}
		}
		ArrayNode items = body.putArray("item_details");
		JsonNode requestedItems = request.get("item_details");
		if (requestedItems != null && requestedItems.isArray()) {
			for (JsonNode item : requestedItems) {
				ObjectNode copy = items.addObject();
				copy.put("id", UUID.randomUUID().toString());
				if (Wire.text(item, "id") != null) {
					copy.put("item_id", Wire.text(item, "id"));
				}
				copy.set("name", item.get("name"));
				copy.set("price", item.get("price"));
				copy.set("quantity", item.get("quantity"));
			}
		}
		JsonNode customer = request.get("customer_details");
		if (customer != null && customer.isObject()) {
			body.set("customer_details", customer.deepCopy());
		}
		ArrayNode purchases = body.putArray("purchases");
		for (String purchaseOrderId : link.purchases) {
			TransactionSnapshot tx = this.engine.ledger().snapshotOf(purchaseOrderId);
			ObjectNode purchase = purchases.addObject();
			purchase.put("id", tx.transactionId());
			purchase.put("order_id", purchaseOrderId);
			purchase.put("payment_status", tx.transactionStatus());
			purchase.put("payment_method", tx.paymentType().toUpperCase(java.util.Locale.ROOT));
		}
		return new Answer(200, Wire.write(body), Map.of(), false);
	}

	Answer delete(String orderId) {
		Link link = this.links.remove(orderId);
		if (link == null) {
			return notFound();
		}
		return new Answer(200, Wire.write(Wire.object().put("message", "Payment link has been deleted")), Map.of(),
				false);
	}

	/**
	 * A customer pays through the link: a settled transaction whose order id is the
	 * link's order id plus a numeric suffix.
	 */
	TransactionSnapshot pay(String orderId, @Nullable Long amount) {
		Link link = this.links.get(orderId);
		if (link == null) {
			throw new IllegalStateException("The simulator has no payment link for order '" + orderId + "'");
		}
		if (link.purchases.size() >= link.usageLimit) {
			throw new IllegalStateException(
					"Payment link '" + orderId + "' reached its usage limit of " + link.usageLimit);
		}
		long gross = (link.grossAmount != null) ? link.grossAmount : ((amount != null) ? amount : 10_000);
		String purchaseOrderId = this.engine.ledger().uniqueOrderId(orderId);
		ObjectNode method = Wire.object();
		ObjectNode va = method.putArray("va_numbers").addObject();
		va.put("bank", "bca");
		va.put("va_number", Long.toString(10_000_000_000L + ThreadLocalRandom.current().nextLong(89_999_999_999L)));
		SimulatedTransaction tx = this.engine.ledger()
			.recordTransaction(purchaseOrderId, "bank_transfer", gross, method, Wire.object(), "settlement", "accept");
		link.purchases.add(purchaseOrderId);
		return tx.snapshot();
	}

	void reset() {
		this.links.clear();
	}

	private static Answer invalid(List<String> messages) {
		return new Answer(400, Wire.write(Wire.errorMessages(messages)), Map.of(), false);
	}

	private static Answer notFound() {
		return new Answer(404, Wire.write(Wire.errorMessages(List.of("Payment link not found"))), Map.of(), false);
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		ThreadLocalRandom.current().nextBytes(bytes);
		return bytes;
	}

}
