package io.github.springmidtrans.test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

	private Wire() {
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
