package io.github.springmidtrans.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.github.springmidtrans.client.internal.MidtransJson;
import io.github.springmidtrans.client.model.RawJson;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one call and turns the answer into a typed value or an exception. Holds no
 * mutable state; shared by a client and its API groups.
 */
final class HttpTransport {

	private static final Logger logger = LoggerFactory.getLogger(MidtransClient.class);

	private static final MediaType JSON = MediaType.get("application/json");

	private static final long MAX_BODY_BYTES = 8L * 1024 * 1024;

	private final OkHttpClient http;

	private final HttpUrl baseUrl;

	/** Marks a body {@link #scanStatusCode} leaves to the full reading (by identity). */
	static final String NOT_SCANNED = new String("not scanned");

	private static final byte[] STATUS_CODE = "status_code".getBytes(StandardCharsets.US_ASCII);

	private static final RequestBody EMPTY_BODY = RequestBody.create(new byte[0], JSON);

	private final Headers headers;

	private final Headers authenticatedHeaders;

	private final JsonMapper mapper;

	private final ObjectReader trees;

	private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();

	/** Writers per request type, each holding its serializer ready. */
	private final Map<Class<?>, ObjectWriter> writers = new ConcurrentHashMap<>();

	private final MidtransCallListener listener;

	HttpTransport(OkHttpClient http, HttpUrl baseUrl, String authorization, Headers headers, JsonMapper mapper,
			MidtransCallListener listener) {
		this.listener = listener;
		this.http = http;
		this.baseUrl = baseUrl;
		this.headers = headers;
		this.authenticatedHeaders = headers.newBuilder().set("Authorization", authorization).build();
		this.mapper = mapper;
		this.trees = mapper.reader();
	}

	HttpUrl.Builder url(String... segments) {
		HttpUrl.Builder url = this.baseUrl.newBuilder();
		for (String segment : segments) {
			url.addPathSegment(segment);
		}
		return url;
	}

	JsonMapper mapper() {
		return this.mapper;
	}

	/**
	 * Send a call with the server key.
	 */
	<T> @Nullable T send(MidtransOperation operation, String method, HttpUrl url, @Nullable Object body,
			RequestOptions options, @Nullable String subjectId, Class<T> type) {
		return send(operation, method, url, body, options, subjectId, type, true);
	}

	<T> @Nullable T send(MidtransOperation operation, String method, HttpUrl url, @Nullable Object body,
			RequestOptions options, @Nullable String subjectId, Class<T> type, boolean authenticate) {
		Request request = request(operation, method, url, body, options, authenticate);
		if (this.listener != MidtransCallListener.NONE) {
			try {
				this.listener.onStart(operation);
			}
			catch (RuntimeException ex) {
				logger.debug("Midtrans call listener failed: {}", ex.toString());
			}
		}
		long start = System.nanoTime();
		int httpStatus;
		byte[] bodyBytes;
		String retryAfter;
		try (Response response = execute(request, operation, subjectId)) {
			httpStatus = response.code();
			retryAfter = response.header("Retry-After");
			bodyBytes = readBody(response);
		}
		catch (IOException ex) {
			String what = (ex instanceof InterruptedIOException) ? "timed out" : "connection failed";
			if (logger.isDebugEnabled()) {
				logger.debug("Midtrans {} ({}){} {} after {} ms", operation.description(), operation.endpoint(),
						subjectText(operation, subjectId), what, elapsedMillis(start));
			}
			report(operation, MidtransConnectionException.class.getSimpleName(), 0, start);
			throw new MidtransConnectionException(connectionMessage(operation, subjectId, what, ex), operation,
					subjectId, ex);
		}
		if (type != Void.class && bodyBytes != null && httpStatus >= 200 && httpStatus < 300 && httpStatus != 202) {
			String bodyCode = scanStatusCode(bodyBytes);
			if (bodyCode != NOT_SCANNED && ResponseClassifier.isSuccess(operation, httpStatus, bodyCode)) {
				try {
					T value = MidtransJson.read(reader(type), bodyBytes,
							RawJson.parsedOnDemand(() -> Objects.requireNonNull(parse(bodyBytes))));
					if (logger.isDebugEnabled()) {
						logger.debug("Midtrans {} ({}){} answered HTTP {} status_code {} in {} ms",
								operation.description(), operation.endpoint(), subjectText(operation, subjectId),
								httpStatus, bodyCode, elapsedMillis(start));
					}
					report(operation, "success", httpStatus, start);
					return value;
				}
				catch (JacksonException | IllegalArgumentException ex) {
					// Not the shape of a success after all: the full reading below
					// decides
					// and words the failure.
				}
			}
		}
		JsonNode tree = null;
		boolean unreadable = false;
		if (bodyBytes != null && !isBlank(bodyBytes)) {
			try {
				tree = parse(bodyBytes);
			}
			catch (JacksonException ex) {
				// Not kept as a cause: Jackson's message quotes the body, which may hold
				// tokens.
				unreadable = true;
			}
		}
		JsonNode code = (tree != null) ? tree.get("status_code") : null;
		// As the classifier reads it: an object or array is no code.
		String bodyCode = (code != null && !code.isNull() && !code.isContainer()) ? code.asString() : null;
		if (logger.isDebugEnabled()) {
			logger.debug("Midtrans {} ({}){} answered HTTP {} status_code {} in {} ms", operation.description(),
					operation.endpoint(), subjectText(operation, subjectId), httpStatus, bodyCode,
					elapsedMillis(start));
		}
		boolean keySent = options.idempotencyKey() != null;
		MidtransException failure = ResponseClassifier.classify(operation, subjectId, httpStatus, tree, unreadable,
				retryAfter, keySent);
		report(operation, (failure != null) ? failure.getClass().getSimpleName() : "success", httpStatus, start);
		if (failure != null) {
			throw failure;
		}
		if (type == Void.class || tree == null) {
			return null;
		}
		try {
			return read(tree, type);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// Jackson's message quotes body values (possibly tokens): name only the
			// field.
			throw new MidtransInvalidResponseException("Midtrans " + operation.description()
					+ subjectText(operation, subjectId) + " failed: the answer does not have the documented shape"
					+ fieldOf(ex) + " (HTTP " + httpStatus + ")", operation, subjectId, httpStatus, null);
		}
	}

	/**
	 * Execute a call. A GET (safe to repeat) is re-sent once when its connection failed,
	 * typically a pooled connection the server had closed; a POST never is, because
	 * Midtrans may already have acted on it. Timeouts are not re-sent: the caller's
	 * deadline has passed.
	 */
	private Response execute(Request request, MidtransOperation operation, @Nullable String subjectId)
			throws IOException {
		try {
			return this.http.newCall(request).execute();
		}
		catch (IOException ex) {
			if (!"GET".equals(request.method()) || ex instanceof InterruptedIOException) {
				throw ex;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Midtrans {} ({}){} connection failed; re-sending once", operation.description(),
						operation.endpoint(), subjectText(operation, subjectId));
			}
			return this.http.newCall(request).execute();
		}
	}

	/**
	 * Map a parsed body to a response type, handing it its raw body.
	 * @throws JacksonException when the body does not fit the type
	 */
	<T> T read(JsonNode tree, Class<T> type) {
		return MidtransJson.read(reader(type), tree);
	}

	private ObjectReader reader(Class<?> type) {
		return this.readers.computeIfAbsent(type, (key) -> MidtransJson.readerFor(this.mapper, key));
	}

	private ObjectWriter writer(Class<?> type) {
		return this.writers.computeIfAbsent(type, this.mapper::writerFor);
	}

	/**
	 * The {@code status_code} of a body that is a JSON object, found by a pass over its
	 * top-level fields that allocates nothing but the code: {@code null} when it has none
	 * (or JSON {@code null}), {@link #NOT_SCANNED} when the body is not a plain object or
	 * the code is neither a plain string nor an integer (the full reading then decides).
	 * It does not validate the JSON: a body this pass accepts is still parsed in full,
	 * and one that fails to parse takes the full reading.
	 */
	static @Nullable String scanStatusCode(byte[] body) {
		int n = body.length;
		int i = (n >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) ? 3 : 0;
		i = skipWhiteSpace(body, i);
		if (i >= n || body[i] != '{') {
			return NOT_SCANNED;
		}
		i = skipWhiteSpace(body, i + 1);
		String code = null;
		if (i < n && body[i] == '}') {
			return (skipWhiteSpace(body, i + 1) == n) ? null : NOT_SCANNED;
		}
		while (true) {
			if (i >= n || body[i] != '"') {
				return NOT_SCANNED;
			}
			int keyEnd = endOfString(body, i + 1);
			if (keyEnd < 0) {
				return NOT_SCANNED;
			}
			if (contains(body, i + 1, keyEnd, (byte) '\\')) {
				// An escaped name might spell status_code.
				return NOT_SCANNED;
			}
			boolean statusCode = isStatusCodeName(body, i + 1, keyEnd);
			i = skipWhiteSpace(body, keyEnd + 1);
			if (i >= n || body[i] != ':') {
				return NOT_SCANNED;
			}
			i = skipWhiteSpace(body, i + 1);
			if (i >= n) {
				return NOT_SCANNED;
			}
			byte first = body[i];
			if (first == '"') {
				int valueEnd = endOfString(body, i + 1);
				if (valueEnd < 0) {
					return NOT_SCANNED;
				}
				if (statusCode) {
					if (contains(body, i + 1, valueEnd, (byte) '\\')) {
						return NOT_SCANNED;
					}
					code = new String(body, i + 1, valueEnd - i - 1, StandardCharsets.UTF_8);
				}
				i = valueEnd + 1;
			}
			else if (first == '{' || first == '[') {
				if (statusCode) {
					return NOT_SCANNED;
				}
				i = endOfContainer(body, i);
				if (i < 0) {
					return NOT_SCANNED;
				}
			}
			else {
				int start = i;
				while (i < n && body[i] != ',' && body[i] != '}' && !isWhiteSpace(body[i])) {
					i++;
				}
				if (statusCode) {
					if (i - start == 4 && body[start] == 'n' && body[start + 1] == 'u' && body[start + 2] == 'l'
							&& body[start + 3] == 'l') {
						code = null;
					}
					else if (isInteger(body, start, i)) {
						code = new String(body, start, i - start, StandardCharsets.US_ASCII);
					}
					else {
						return NOT_SCANNED;
					}
				}
			}
			i = skipWhiteSpace(body, i);
			if (i >= n) {
				return NOT_SCANNED;
			}
			if (body[i] == '}') {
				return (skipWhiteSpace(body, i + 1) == n) ? code : NOT_SCANNED;
			}
			if (body[i] != ',') {
				return NOT_SCANNED;
			}
			i = skipWhiteSpace(body, i + 1);
		}
	}

	private static boolean isStatusCodeName(byte[] body, int start, int end) {
		if (end - start != STATUS_CODE.length) {
			return false;
		}
		for (int i = 0; i < STATUS_CODE.length; i++) {
			if (body[start + i] != STATUS_CODE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The index of the quote closing a string whose text starts at {@code from}, or -1.
	 */
	private static int endOfString(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			byte b = body[i];
			if (b == '"') {
				return i;
			}
			if (b == '\\') {
				i++;
			}
		}
		return -1;
	}

	/** The index just after the object or array starting at {@code from}, or -1. */
	private static int endOfContainer(byte[] body, int from) {
		int depth = 0;
		for (int i = from; i < body.length; i++) {
			byte b = body[i];
			if (b == '"') {
				i = endOfString(body, i + 1);
				if (i < 0) {
					return -1;
				}
			}
			else if (b == '{' || b == '[') {
				depth++;
			}
			else if (b == '}' || b == ']') {
				depth--;
				if (depth == 0) {
					return i + 1;
				}
			}
		}
		return -1;
	}

	/**
	 * Whether the text is digits only: the tree would write a negative code its own way.
	 */
	private static boolean isInteger(byte[] body, int start, int end) {
		if (start >= end) {
			return false;
		}
		for (int i = start; i < end; i++) {
			if (body[i] < '0' || body[i] > '9') {
				return false;
			}
		}
		return true;
	}

	private static boolean contains(byte[] body, int start, int end, byte wanted) {
		for (int i = start; i < end; i++) {
			if (body[i] == wanted) {
				return true;
			}
		}
		return false;
	}

	private static int skipWhiteSpace(byte[] body, int from) {
		int i = from;
		while (i < body.length && isWhiteSpace(body[i])) {
			i++;
		}
		return i;
	}

	private static boolean isWhiteSpace(byte b) {
		return b == ' ' || b == '\n' || b == '\r' || b == '\t';
	}

	/**
	 * Parse a body read as UTF-8 bytes. Bytes that are not valid UTF-8 are read as the
	 * text they decode to (with replacement characters), as a text body would be.
	 */
	private @Nullable JsonNode parse(byte[] body) {
		JsonNode tree;
		try {
			tree = this.trees.readTree(body);
		}
		catch (JacksonException ex) {
			if (isAscii(body)) {
				throw ex;
			}
			tree = this.trees.readTree(text(body));
		}
		return (tree == null || tree.isMissingNode()) ? null : tree;
	}

	private Request request(MidtransOperation operation, String method, HttpUrl url, @Nullable Object body,
			RequestOptions options, boolean authenticate) {
		Request.Builder request = new Request.Builder().url(url)
			.headers(authenticate ? this.authenticatedHeaders : this.headers);
		if (options.idempotencyKey() != null) {
			String header = operation.idempotencyHeader();
			if (header == null) {
				throw new IllegalArgumentException(
						"Midtrans does not support an idempotency key for " + operation.description());
			}
			request.header(header, options.idempotencyKey());
		}
		if (!options.overrideNotificationUrls().isEmpty() || !options.appendNotificationUrls().isEmpty()) {
			if (!operation.acceptsNotificationUrls()) {
				throw new IllegalArgumentException(
						"Notification URLs can only be set when a transaction is created, not for "
								+ operation.description());
			}
			if (!options.overrideNotificationUrls().isEmpty()) {
				request.header("X-Override-Notification", String.join(",", options.overrideNotificationUrls()));
			}
			if (!options.appendNotificationUrls().isEmpty()) {
				request.header("X-Append-Notification", String.join(",", options.appendNotificationUrls()));
			}
		}
		if (options.paymentLocale() != null) {
			if (!operation.acceptsPaymentLocale()) {
				throw new IllegalArgumentException("A payment locale has no meaning for " + operation.description());
			}
			request.header("X-Payment-Locale", options.paymentLocale());
		}
		RequestBody requestBody = null;
		if (body != null) {
			requestBody = RequestBody.create(writer(body.getClass()).writeValueAsBytes(body), JSON);
		}
		else if (!"GET".equals(method) && !"DELETE".equals(method)) {
			requestBody = EMPTY_BODY;
		}
		return request.method(method, requestBody).build();
	}

	/**
	 * The body as UTF-8 bytes, for the parser to read without a text copy in between. A
	 * body declared in another charset is decoded as such first.
	 */
	private static byte @Nullable [] readBody(Response response) throws IOException {
		ResponseBody body = response.body();
		if (body == null) {
			return null;
		}
		if (body.contentLength() > MAX_BODY_BYTES) {
			throw new IOException("answer larger than " + MAX_BODY_BYTES + " bytes");
		}
		if (declaresOtherCharset(response.header("Content-Type"))) {
			return body.string().getBytes(StandardCharsets.UTF_8);
		}
		return body.bytes();
	}

	/**
	 * Whether a content type names a charset other than UTF-8 (Midtrans sends JSON in
	 * UTF-8, with or without saying so).
	 */
	static boolean declaresOtherCharset(@Nullable String contentType) {
		if (contentType == null || !containsIgnoreCase(contentType, "charset")) {
			return false;
		}
		MediaType mediaType = MediaType.parse(contentType);
		Charset charset = (mediaType != null) ? mediaType.charset(null) : null;
		return charset != null && !StandardCharsets.UTF_8.equals(charset);
	}

	private static boolean containsIgnoreCase(String text, String part) {
		for (int i = 0; i + part.length() <= text.length(); i++) {
			if (text.regionMatches(true, i, part, 0, part.length())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether a body is empty or white space only, judged as its text would be.
	 */
	static boolean isBlank(byte[] body) {
		for (byte b : body) {
			if (b < 0) {
				return text(body).isBlank();
			}
			if (!Character.isWhitespace(b)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAscii(byte[] body) {
		for (byte b : body) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The text of a UTF-8 body without a leading byte order mark, as OkHttp reads it.
	 */
	private static String text(byte[] body) {
		String text = new String(body, StandardCharsets.UTF_8);
		return (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
	}

	private static String connectionMessage(MidtransOperation operation, @Nullable String subjectId, String what,
			IOException ex) {
		String kind = ex.getClass().getSimpleName();
		return "Midtrans " + operation.description() + subjectText(operation, subjectId) + " failed: " + what + " ("
				+ kind + "); the outcome is unknown, retry with the same ids or check the status";
	}

	/**
	 * The JSON path of the field a mapping failure is about, without any value.
	 */
	static String fieldOf(RuntimeException ex) {
		if (!(ex instanceof JacksonException jackson) || jackson.getPath().isEmpty()) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : jackson.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? " at '" + path + "'" : "";
	}

	static String subjectText(MidtransOperation operation, @Nullable String subjectId) {
		String label = operation.subjectLabel();
		return (label != null && subjectId != null) ? " for " + label + " '" + subjectId + "'" : "";
	}

	private void report(MidtransOperation operation, String outcome, int httpStatus, long start) {
		if (this.listener == MidtransCallListener.NONE) {
			return;
		}
		try {
			this.listener.onCall(operation, outcome, httpStatus, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (RuntimeException ex) {
			logger.debug("Midtrans call listener failed: {}", ex.toString());
		}
	}

	private static long elapsedMillis(long start) {
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

}
