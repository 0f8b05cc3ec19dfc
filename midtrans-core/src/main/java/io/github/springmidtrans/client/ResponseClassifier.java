package io.github.springmidtrans.client;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.github.springmidtrans.client.MidtransOperation.Api;
import io.github.springmidtrans.client.model.RawJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The one place that knows Midtrans' status codes: turns (HTTP status, body) into success
 * or the exception to throw.
 *
 * <p>
 * Core API ({@code /v2}) answers carry the business outcome in the body's
 * {@code status_code}, usually under HTTP 200; when the body has one, it decides. The
 * {@code /v1} APIs (Subscriptions, Invoicing, Payment Links, BIN) and Snap use real HTTP
 * statuses.
 */
final class ResponseClassifier {

	private ResponseClassifier() {
	}

	/**
	 * Classify an answer.
	 * @param operation the call
	 * @param subjectId the order or resource id, for the message
	 * @param httpStatus the HTTP status
	 * @param body the parsed body, or {@code null} when empty or not JSON
	 * @param unreadable whether a non-empty body failed to parse
	 * @param retryAfter the {@code Retry-After} header, if any
	 * @param idempotencyKeySent whether the request carried an idempotency key
	 * @return {@code null} when the answer is a success, else the exception to throw
	 */
	static @Nullable MidtransException classify(MidtransOperation operation, @Nullable String subjectId, int httpStatus,
			@Nullable JsonNode body, boolean unreadable, @Nullable String retryAfter, boolean idempotencyKeySent) {
		String bodyCode = text(body, "status_code");
		String statusMessage = statusMessage(body);
		Failure failure = new Failure(operation, subjectId, httpStatus, bodyCode, statusMessage);

		// Rate limits: HTTP 429 everywhere (its body has no status_code), 409 on the BIN
		// API.
		if (httpStatus == 429 || "429".equals(bodyCode) || (operation.api() == Api.BIN && httpStatus == 409)) {
			return new MidtransRateLimitException(failure.message("rate limit exceeded"), operation, subjectId,
					httpStatus, bodyCode, statusMessage, parseRetryAfter(retryAfter));
		}
		// HTTP 202 without a transaction: an earlier request with this idempotency key is
		// still running on Midtrans' side.
		if (httpStatus == 202 && idempotencyKeySent && (body == null || !body.has("transaction_id"))) {
			return new MidtransInProgressException(
					failure.message("an earlier request with this idempotency key is still being processed"), operation,
					subjectId, httpStatus, bodyCode, statusMessage);
		}
		if (httpStatus >= 500) {
			return new MidtransServerException(failure.message("Midtrans server error"), operation, subjectId,
					httpStatus, bodyCode, statusMessage);
		}
		if (unreadable || (body != null && !body.isObject())) {
			if (httpStatus >= 400) {
				return byCode(failure, httpStatus, body);
			}
			return new MidtransInvalidResponseException(failure.message("the answer is not a JSON object"), operation,
					subjectId, httpStatus, null);
		}
		if (body == null && httpStatus < 300 && httpStatus != 204 && !operation.emptyAnswerAllowed()) {
			return new MidtransInvalidResponseException(failure.message("the answer is empty"), operation, subjectId,
					httpStatus, null);
		}
		int effective = httpStatus;
		if (operation.api() == Api.CORE && bodyCode != null) {
			Integer parsed = parseCode(bodyCode);
			if (parsed == null) {
				return new MidtransInvalidResponseException(failure.message("status_code is not a number"), operation,
						subjectId, httpStatus, null);
			}
			effective = parsed;
		}
		if (effective >= 200 && effective < 300) {
			if (effective == 202 && operation.api() == Api.CORE && operation.treats202AsRefusal()) {
				return new MidtransRefusalException(failure.message(refusal(body)), operation, subjectId, httpStatus,
						bodyCode, statusMessage, (body != null) ? new RawJson(body) : null);
			}
			return null;
		}
		if (effective == 407 && operation.accepts407()) {
			return null;
		}
		return byCode(failure, effective, body);
	}

	/**
	 * Whether an answer whose body is a JSON object is a success, knowing only its HTTP
	 * status and the body's {@code status_code}: the same verdict as {@link #classify}
	 * gives that body, for answers of HTTP 2xx other than 202 (a 202's verdict also
	 * depends on {@code transaction_id}). Lets a success be read without keeping a tree
	 * of the body.
	 * @param operation the call
	 * @param httpStatus the HTTP status, 2xx other than 202
	 * @param bodyCode the body's {@code status_code} as text, {@code null} when absent or
	 * JSON {@code null}
	 * @return {@code true} when {@link #classify} would return {@code null}
	 */
	static boolean isSuccess(MidtransOperation operation, int httpStatus, @Nullable String bodyCode) {
		if (httpStatus < 200 || httpStatus >= 300 || httpStatus == 202 || "429".equals(bodyCode)) {
			return false;
		}
		int effective = httpStatus;
		if (operation.api() == Api.CORE && bodyCode != null) {
			Integer parsed = parseCode(bodyCode);
			if (parsed == null) {
				return false;
			}
			effective = parsed;
		}
		if (effective >= 200 && effective < 300) {
			return !(effective == 202 && operation.api() == Api.CORE && operation.treats202AsRefusal());
		}
		return effective == 407 && operation.accepts407();
	}

	/**
	 * What a refusal left in place, for the message: the state Midtrans reported.
	 */
	private static String refusal(@Nullable JsonNode body) {
		String status = text(body, "transaction_status");
		if (status == null) {
			status = text(body, "account_status");
		}
		return (status != null) ? "refused; still " + status : "refused";
	}

	private static MidtransException byCode(Failure failure, int code, @Nullable JsonNode body) {
		MidtransOperation operation = failure.operation;
		String id = failure.subjectId;
		int http = failure.httpStatus;
		String bodyCode = failure.bodyCode;
		String message = failure.statusMessage;
		Api api = operation.api();
		if (code == 400 && (api == Api.SNAP || api == Api.CORE) && isUsedOrderId(body)) {
			// Snap reports a used order id as a plain 400 whose message names it; the
			// same wording is also documented for Core's duplicate answer.
			return new MidtransDuplicateOrderException(failure.message("duplicate"), operation, id, http, bodyCode,
					message);
		}
		if (code == 400) {
			return new MidtransValidationException(failure.message("invalid request"), operation, id, http, bodyCode,
					message, validationMessages(body));
		}
		if (code == 401) {
			return new MidtransAuthenticationException(
					failure.message("the server key was refused (wrong key, or a key of the other environment)"),
					operation, id, http, bodyCode, message);
		}
		if (code == 404) {
			return new MidtransNotFoundException(failure.message("not found"), operation, id, http, bodyCode, message);
		}
		// Invoicing and Payment Links answer a duplicate order id on create with 409; a
		// 409 on
		// void ("Invoice cannot be canceled") is a state conflict, not a duplicate.
		if (code == 406 || (code == 409 && (operation == MidtransOperation.INVOICE_CREATE
				|| operation == MidtransOperation.PAYMENT_LINK_CREATE))) {
			return new MidtransDuplicateOrderException(failure.message("duplicate"), operation, id, http, bodyCode,
					message);
		}
		if (code == 409 && api != Api.CORE) {
			return new MidtransApiException(failure.message("conflict with the current state"), operation, id, http,
					bodyCode, message);
		}
		if (code == 409) {
			// Core: "too many transactions for this card" or an idempotency-key conflict;
			// back off.
			return new MidtransRateLimitException(failure.message("conflict, back off and retry"), operation, id, http,
					bodyCode, message, null);
		}
		if (code == 500 || code == 502 || code == 503 || code == 504 || code == 505 || code == 900) {
			return new MidtransServerException(failure.message("Midtrans or bank error"), operation, id, http, bodyCode,
					message);
		}
		if (code == 407) {
			return new MidtransApiException(failure.message("the transaction has expired"), operation, id, http,
					bodyCode, message);
		}
		return new MidtransApiException(failure.message("rejected"), operation, id, http, bodyCode, message);
	}

	/**
	 * Every wording Midtrans publishes for an order id that was used before: Snap's
	 * "transaction_details.order_id has already been taken" (and its Indonesian form
	 * "sudah digunakan", Snap's default locale) and the error-code page's "order_id has
	 * been paid and utilized, please use another order ID". Only a message that names the
	 * order id counts: a taken {@code payment_link_id} is a validation error.
	 */
	private static boolean isUsedOrderId(@Nullable JsonNode body) {
		List<String> messages = new ArrayList<>();
		if (body != null && body.isObject()) {
			collect(body.get("error_messages"), messages);
			collect(body.get("validation_messages"), messages);
			collect(body.get("status_message"), messages);
		}
		for (String text : messages) {
			String lower = text.toLowerCase(Locale.ROOT);
			boolean namesOrderId = lower.contains("order_id") || lower.contains("order id");
			if (namesOrderId && (lower.contains("already been taken") || lower.contains("been paid and utilized")
					|| lower.contains("sudah digunakan"))) {
				return true;
			}
		}
		return false;
	}

	private static @Nullable Integer parseCode(String code) {
		try {
			return Integer.valueOf(code.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	static @Nullable Duration parseRetryAfter(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			// not delta-seconds: try an HTTP date
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
			return wait.isNegative() ? Duration.ZERO : wait;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode body, String field) {
		if (body == null || !body.isObject()) {
			return null;
		}
		JsonNode value = body.get(field);
		return (value == null || value.isNull() || value.isContainer()) ? null : value.asString();
	}

	/**
	 * Midtrans' explanation, from whichever error shape the API uses.
	 */
	static @Nullable String statusMessage(@Nullable JsonNode body) {
		String message = ownMessage(body);
		// Refusals by a bank or by GoPay explain themselves in the channel response.
		String channelCode = text(body, "channel_response_code");
		String channelMessage = text(body, "channel_response_message");
		if (channelMessage != null && !channelMessage.isBlank()) {
			String channel = "channel response " + ((channelCode != null) ? channelCode + " " : "") + channelMessage;
			return (message != null) ? message + " (" + channel + ")" : channel;
		}
		return message;
	}

	private static @Nullable String ownMessage(@Nullable JsonNode body) {
		String message = text(body, "status_message");
		if (message == null) {
			message = text(body, "message");
		}
		if (message == null && body != null && body.isObject()) {
			List<String> collected = new ArrayList<>();
			collect(body.get("error_messages"), collected);
			JsonNode errors = body.get("errors");
			if (errors != null && errors.isArray()) {
				for (JsonNode error : errors) {
					collect(error.get("message"), collected);
				}
			}
			message = collected.isEmpty() ? null : String.join("; ", collected);
		}
		return message;
	}

	private static List<String> validationMessages(@Nullable JsonNode body) {
		List<String> messages = new ArrayList<>();
		if (body != null && body.isObject()) {
			collect(body.get("validation_messages"), messages);
			collect(body.get("validation_message"), messages);
			collect(body.get("error_messages"), messages);
		}
		return messages;
	}

	private static void collect(@Nullable JsonNode node, List<String> into) {
		if (node == null || node.isNull()) {
			return;
		}
		if (node.isArray()) {
			for (JsonNode element : node) {
				if (element.isValueNode()) {
					into.add(element.asString());
				}
			}
		}
		else if (node.isValueNode()) {
			into.add(node.asString());
		}
	}

	private record Failure(MidtransOperation operation, @Nullable String subjectId, int httpStatus,
			@Nullable String bodyCode, @Nullable String statusMessage) {

		String message(String what) {
			StringBuilder text = new StringBuilder("Midtrans ").append(this.operation.description());
			String label = this.operation.subjectLabel();
			if (label != null && this.subjectId != null) {
				text.append(" for ").append(label).append(" '").append(this.subjectId).append('\'');
			}
			text.append(" failed: ").append(what).append(" (HTTP ").append(this.httpStatus);
			if (this.bodyCode != null) {
				text.append(", status_code ").append(this.bodyCode);
			}
			text.append(')');
			if (this.statusMessage != null) {
				text.append(": ").append(this.statusMessage);
			}
			return text.toString();
		}

	}

}
