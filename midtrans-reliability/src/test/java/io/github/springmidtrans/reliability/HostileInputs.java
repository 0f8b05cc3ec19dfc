package io.github.springmidtrans.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import io.github.springmidtrans.client.NotificationSignature;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates hostile requests for the notification endpoint from a seed, so that a failing
 * case can be replayed: malformed JSON, wrong types, missing fields, huge and deeply
 * nested bodies, injection strings, odd encodings, wrong content types and methods, bad
 * signatures, tampered amounts. None carries a signature made with the server key: an
 * attacker does not have it.
 */
final class HostileInputs {

	static final List<String> INJECTIONS = List.of("' OR '1'='1", "'; DROP TABLE midtrans_payment; --",
			"<script>alert(1)</script>", "${jndi:ldap://127.0.0.1:1389/a}", "\r\nWARN forged log line", "line\nbreak",
			"\u0000", "nul\u0000inside", "../../../../etc/passwd", "{{7*7}}", "#{7*7}", "\u202Egnp.exe", "\uD83D\uDCB3",
			"\uFEFF", "%n%s%s%s", "\\u0000", "A".repeat(5000), "1e999999", "-0", "NaN", "null", "\t \u000B\f", "\uFFFF",
			"SELECT pg_sleep(10)",
			"<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Random random;

	private final List<String> knownOrders;

	private final long maxBodyBytes;

	HostileInputs(long seed, List<String> knownOrders, long maxBodyBytes) {
		this.random = new Random(seed);
		this.knownOrders = List.copyOf(knownOrders);
		this.maxBodyBytes = maxBodyBytes;
	}

	List<HostileRequest> generate(int count) {
		List<HostileRequest> requests = new ArrayList<>(count);
		Kind[] kinds = Kind.values();
		for (int i = 0; i < count; i++) {
			Kind kind = kinds[i % kinds.length];
			requests.add(generate(kind, i));
		}
		return requests;
	}

	private HostileRequest generate(Kind kind, int index) {
		String name = kind + "#" + index;
		return switch (kind) {
			case MALFORMED_JSON -> json(name, malformedJson());
			case WRONG_TYPES -> json(name, write(wrongTypes()));
			case MISSING_FIELDS -> json(name, write(missingFields()));
			case HUGE_BODY -> huge(name);
			case DEEP_NESTING -> json(name, deepNesting());
			case INJECTION -> json(name, write(injected()));
			case ODD_ENCODING -> oddEncoding(name);
			case WRONG_CONTENT_TYPE -> new HostileRequest(name, kind, "POST",
					pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
							"multipart/form-data; boundary=x", "", "application/json; charset=ebcdic", "image/png",
							"*/*")),
					bytes(write(notification())), false);
			case BAD_SIGNATURE -> json(name, write(badSignature()));
			case TAMPERED_AMOUNT -> json(name, write(tamperedAmount()));
			case WRONG_METHOD -> new HostileRequest(name, kind, pick(List.of("GET", "PUT", "DELETE", "PATCH")),
					"application/json", bytes(write(notification())), false);
		};
	}

	private HostileRequest json(String name, String body) {
		Kind kind = Kind.valueOf(name.substring(0, name.indexOf('#')));
		return new HostileRequest(name, kind, "POST", "application/json", bytes(body), this.random.nextInt(10) == 0);
	}

	private HostileRequest json(String name, byte[] body) {
		Kind kind = Kind.valueOf(name.substring(0, name.indexOf('#')));
		return new HostileRequest(name, kind, "POST", "application/json", body, false);
	}

	/** A plausible notification for a known or made-up order, signed with a wrong key. */
	private Map<String, Object> notification() {
		Map<String, Object> fields = new LinkedHashMap<>();
		String orderId = (this.random.nextBoolean()) ? pick(this.knownOrders) : "HOSTILE-" + this.random.nextInt(1000);
		String statusCode = pick(List.of("200", "201", "202", "407"));
		String amount = pick(List.of("50000.00", "1.00", "99999999999.00"));
		fields.put("transaction_status", pick(List.of("settlement", "capture", "pending", "refund", "expire", "deny",
				"cancel", "partial_refund", "chargeback")));
		fields.put("status_code", statusCode);
		fields.put("order_id", orderId);
		fields.put("gross_amount", amount);
		fields.put("transaction_id", "tx-" + this.random.nextInt(1_000_000));
		fields.put("payment_type", pick(List.of("bank_transfer", "gopay", "credit_card", "qris")));
		fields.put("fraud_status", "accept");
		fields.put("signature_key", NotificationSignature.compute(orderId, statusCode, amount,
				"SB-Mid-server-ATTACKER-" + this.random.nextInt()));
		return fields;
	}

	private String malformedJson() {
		String valid = write(notification());
		return switch (this.random.nextInt(8)) {
			case 0 -> valid.substring(0, this.random.nextInt(valid.length()));
			case 1 -> valid.replace("\"", "'");
			case 2 -> valid + "}";
			case 3 -> valid.replaceFirst(":", "");
			case 4 -> randomText(1 + this.random.nextInt(2000));
			case 5 -> "[" + valid + "]";
			case 6 -> pick(List.of("", " ", "null", "true", "42", "\"text\"", "{}", "[]", "{\"order_id\"}"));
			default -> valid.replace(",", ",,");
		};
	}

	private Map<String, Object> wrongTypes() {
		Map<String, Object> fields = notification();
		List<String> keys = new ArrayList<>(fields.keySet());
		int changes = 1 + this.random.nextInt(3);
		for (int i = 0; i < changes; i++) {
			String key = pick(keys);
			fields.put(key, pick(List.of(42, -1, 3.5e300, true, List.of("a", 1), Map.of("nested", "x"), Long.MAX_VALUE,
					List.of(), Map.of())));
		}
		if (this.random.nextBoolean()) {
			fields.put("gross_amount", pick(List.of("ten thousand", "50,000.00", "-50000.00", "1e309", "0x10", "")));
		}
		if (this.random.nextBoolean()) {
			fields.put("transaction_time", pick(List.of("yesterday", "2026-13-45 99:99:99", 12345)));
		}
		return fields;
	}

	private Map<String, Object> missingFields() {
		Map<String, Object> fields = notification();
		List<String> keys = new ArrayList<>(fields.keySet());
		int removals = 1 + this.random.nextInt(keys.size());
		for (int i = 0; i < removals; i++) {
			String key = pick(keys);
			if (this.random.nextBoolean()) {
				fields.remove(key);
			}
			else {
				fields.put(key, null);
			}
		}
		return fields;
	}

	private Map<String, Object> injected() {
		Map<String, Object> fields = notification();
		List<String> keys = new ArrayList<>(fields.keySet());
		fields.put(pick(keys), pick(INJECTIONS));
		if (this.random.nextBoolean()) {
			fields.put("order_id", pick(INJECTIONS));
		}
		if (this.random.nextInt(4) == 0) {
			fields.put(pick(INJECTIONS), pick(INJECTIONS));
		}
		return fields;
	}

	private Map<String, Object> badSignature() {
		Map<String, Object> fields = notification();
		fields.put("signature_key", pick(List.of("", "0".repeat(128), "zz", HexFormat.of().formatHex(new byte[64]),
				"A".repeat(100_00), fields.get("signature_key").toString().toUpperCase())));
		return fields;
	}

	private Map<String, Object> tamperedAmount() {
		// A notification signed for one amount, sent with another: the signature no
		// longer matches.
		Map<String, Object> fields = notification();
		fields.put("gross_amount", pick(List.of("1.00", "0.00", "50000", "50000.000", "-50000.00", "500000.00")));
		return fields;
	}

	private HostileRequest huge(String name) {
		long size = this.maxBodyBytes + 1 + this.random.nextInt(2 * 1024 * 1024);
		byte[] body = ("{\"order_id\":\"" + "X".repeat((int) size) + "\"}").getBytes(StandardCharsets.UTF_8);
		return new HostileRequest(name, Kind.HUGE_BODY, "POST", "application/json", body, this.random.nextBoolean());
	}

	private byte[] deepNesting() {
		int depth = 1000 + this.random.nextInt((int) Math.min(30_000, this.maxBodyBytes / 2 - 10));
		String open = this.random.nextBoolean() ? "[" : "{\"a\":";
		String close = open.equals("[") ? "]" : "}";
		return bytes(open.repeat(depth) + close.repeat(depth));
	}

	private HostileRequest oddEncoding(String name) {
		String valid = write(notification()).replace("bank_transfer", "bänk_tränsfér ☃");
		byte[] body = switch (this.random.nextInt(6)) {
			case 0 -> valid.getBytes(StandardCharsets.UTF_16LE);
			case 1 -> valid.getBytes(StandardCharsets.UTF_16);
			case 2 -> valid.getBytes(StandardCharsets.ISO_8859_1);
			case 3 -> concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, bytes(valid));
			case 4 -> invalidUtf8(valid);
			default -> gzip(bytes(valid));
		};
		return new HostileRequest(name, Kind.ODD_ENCODING, "POST", pick(
				List.of("application/json", "application/json; charset=utf-16", "application/json; charset=latin1")),
				body, false);
	}

	private byte[] invalidUtf8(String valid) {
		byte[] good = bytes(valid);
		int at = this.random.nextInt(good.length);
		byte[] bad = pick(List.of(new byte[] { (byte) 0xC3, 0x28 }, new byte[] { (byte) 0xFF },
				new byte[] { (byte) 0xC0, (byte) 0xAF }, new byte[] { (byte) 0xED, (byte) 0xA0, (byte) 0x80 }));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(good, 0, at);
		out.writeBytes(bad);
		out.write(good, at, good.length - at);
		return out.toByteArray();
	}

	private String randomText(int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append((char) this.random.nextInt(0xD7FF));
		}
		return text.toString();
	}

	private <T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	private static String write(Map<String, Object> fields) {
		return JSON.writeValueAsString(fields);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		byte[] both = new byte[first.length + second.length];
		System.arraycopy(first, 0, both, 0, first.length);
		System.arraycopy(second, 0, both, first.length, second.length);
		return both;
	}

	private static byte[] gzip(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(body);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	enum Kind {

		MALFORMED_JSON, WRONG_TYPES, MISSING_FIELDS, HUGE_BODY, DEEP_NESTING, INJECTION, ODD_ENCODING,
		WRONG_CONTENT_TYPE, BAD_SIGNATURE, TAMPERED_AMOUNT, WRONG_METHOD

	}

	/**
	 * One request to send.
	 *
	 * @param name kind and index, to find it again from the seed
	 * @param kind what is hostile about it
	 * @param method the HTTP method
	 * @param contentType the Content-Type header, empty for none
	 * @param body the body bytes
	 * @param chunked whether to send it without a Content-Length
	 */
	record HostileRequest(String name, Kind kind, String method, String contentType, byte[] body, boolean chunked) {

		@Override
		public String toString() {
			return this.name + " " + this.method + " " + this.contentType + " " + this.body.length + " bytes";
		}

		@Nullable String preview() {
			String text = new String(this.body, 0, Math.min(200, this.body.length), StandardCharsets.UTF_8);
			return text.replaceAll("\\p{Cntrl}", "?");
		}

	}

}
