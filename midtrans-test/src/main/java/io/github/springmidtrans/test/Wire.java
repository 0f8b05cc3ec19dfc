package io.github.springmidtrans.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Midtrans' wire conventions, written independently of the client so that tests catch
 * disagreements: zone-less Asia/Jakarta times, amounts as strings with two decimals.
 */
final class Wire {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(SimulatorClock.JAKARTA);

	private static final DateTimeFormatter ZONED_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z");

	private static final DateTimeFormatter ZONED_OUT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z")
		.withZone(SimulatorClock.JAKARTA);

	private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS")
		.withZone(SimulatorClock.JAKARTA);

	private static final DateTimeFormatter ISO_UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
		.withZone(java.time.ZoneOffset.UTC);

	private Wire() {
	}

	/**
	 * {@code yyyy-MM-dd HH:mm:ss +0700}, the Invoicing and Payment Link API form.
	 */
	static String zonedTime(Instant instant) {
		return ZONED_OUT.format(instant);
	}

	/**
	 * ISO-8601 with microseconds and no zone (Jakarta time), as the Subscriptions API
	 * answers.
	 */
	static String isoLocal(Instant instant) {
		return ISO_LOCAL.format(instant);
	}

	/**
	 * ISO-8601 with microseconds in UTC ({@code ...000000Z}), as subscription
	 * notifications carry.
	 */
	static String isoUtc(Instant instant) {
		return ISO_UTC.format(instant);
	}

	/**
	 * The error shape of the Invoicing and Payment Link APIs:
	 * {@code {"error_messages":[...]}}.
	 */
	static ObjectNode errorMessages(List<String> messages) {
		ObjectNode body = object();
		ArrayNode list = body.putArray("error_messages");
		messages.forEach(list::add);
		return body;
	}

	/**
	 * A whole number of rupiah from a JSON number or numeric string, or {@code null}.
	 */
	static @Nullable Long wholeRupiah(@Nullable JsonNode node) {
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

	static String time(Instant instant) {
		return TIME.format(instant);
	}

	/**
	 * Parse {@code yyyy-MM-dd HH:mm:ss Z}, or the zone-less form as Asia/Jakarta.
	 */
	static @Nullable Instant parseTime(String text) {
		try {
			return OffsetDateTime.parse(text.trim(), ZONED_TIME).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the zone-less form
		}
		try {
			return LocalDateTime.parse(text.trim(), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"))
				.atZone(SimulatorClock.JAKARTA)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	static String amount(long rupiah) {
		return BigDecimal.valueOf(rupiah).setScale(2).toPlainString();
	}

	static ObjectNode object() {
		return MAPPER.createObjectNode();
	}

	static String write(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	static ObjectNode error(String statusCode, String statusMessage) {
		ObjectNode body = object();
		body.put("status_code", statusCode);
		body.put("status_message", statusMessage);
		body.put("id", UUID.randomUUID().toString());
		return body;
	}

	static @Nullable String text(@Nullable JsonNode node, String field) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isContainer()) {
			return null;
		}
		return value.asString();
	}

}
