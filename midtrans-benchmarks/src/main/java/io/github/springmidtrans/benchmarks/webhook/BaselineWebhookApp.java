package io.github.springmidtrans.benchmarks.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The yardstick of the webhook benchmark: a hand-written notification endpoint doing the
 * same work as the starter's with no framework. A plain servlet in embedded Tomcat
 * (Tomcat's default connector, as Spring Boot configures it), JDBC through a HikariCP
 * pool of ten (Spring Boot's default), one shared OkHttp client and Jackson.
 *
 * <p>
 * Per notification: the body is parsed once and its SHA-512 signature checked in constant
 * time; it is stored in {@code midtrans_notification} (autocommit); the transaction is
 * read back from Midtrans ({@code GET /v2/{order_id}/status}, the server key as Basic
 * auth) with no transaction open; then, in one short transaction, the payment row is
 * locked ({@code select ... for update}), the answer checked against it (order id,
 * amount, currency), moved forward only (a pending payment settles or expires; anything
 * else is left alone), updated with a version bump, and the audit row completed with its
 * outcome. The answer is a small JSON body naming the outcome, with the starter's HTTP
 * statuses.
 *
 * <p>
 * Arguments: {@code --port=}, {@code --address=}, {@code --jdbc-url=},
 * {@code --server-key=}, {@code --base-url=} (the stand-in for Midtrans) and
 * {@code --path=}.
 */
public final class BaselineWebhookApp {

	private BaselineWebhookApp() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value, not " + arg);
			}
			options.put(arg.substring(2, equals), arg.substring(equals + 1));
		}
		HikariConfig pool = new HikariConfig();
		pool.setJdbcUrl(require(options, "jdbc-url"));
		pool.setMaximumPoolSize(10);
		pool.setAutoCommit(true);
		HikariDataSource dataSource = new HikariDataSource(pool);
		OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
			.connectTimeout(Duration.ofSeconds(10))
			.readTimeout(Duration.ofSeconds(60))
			.build();
		String baseUrl = require(options, "base-url");
		NotificationServlet servlet = new NotificationServlet(dataSource, http,
				baseUrl.endsWith("/") ? baseUrl : baseUrl + "/", require(options, "server-key"));

		Tomcat tomcat = new Tomcat();
		tomcat.setBaseDir(Files.createTempDirectory("baseline-webhook").toString());
		Connector connector = new Connector();
		connector.setPort(Integer.parseInt(require(options, "port")));
		connector.setProperty("address", options.getOrDefault("address", "127.0.0.1"));
		tomcat.setConnector(connector);
		Context context = tomcat.addContext("", null);
		Tomcat.addServlet(context, "notification", servlet);
		context.addServletMappingDecoded(options.getOrDefault("path", "/midtrans/notification"), "notification");
		tomcat.start();
		System.out.println("Baseline webhook endpoint listening on port " + connector.getLocalPort());
		tomcat.getServer().await();
	}

	private static String require(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException("--" + name + " is required");
		}
		return value;
	}

	/** The endpoint. */
	static final class NotificationServlet extends HttpServlet {

		private static final long serialVersionUID = 1L;

		private static final int MAX_BODY = 64 * 1024;

		private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

		private static final DateTimeFormatter MIDTRANS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

		private static final String INSERT_AUDIT = "insert into midtrans_notification (order_id, transaction_id,"
				+ " transaction_status, status_code, gross_amount, payload, received_at) values (?, ?, ?, ?, ?, ?, ?)";

		private static final String COMPLETE_AUDIT = "update midtrans_notification set outcome = ?, error = ?,"
				+ " processed_at = ?, processing_millis = ? where id = ?";

		private static final String LOCK_PAYMENT = "select id, status, gross_amount, currency from midtrans_payment"
				+ " where order_id = ? for update";

		private static final String UPDATE_PAYMENT = "update midtrans_payment set status = ?, transaction_status = ?,"
				+ " transaction_id = ?, fraud_status = ?, status_code = ?, status_message = ?, transaction_time = ?,"
				+ " settlement_time = ?, next_check_at = null, version = version + 1, updated_at = ? where id = ?";

		private final transient HikariDataSource dataSource;

		private final transient OkHttpClient http;

		private final String baseUrl;

		private final transient String serverKey;

		private final transient String authorization;

		private final transient JsonMapper json = JsonMapper.builder().build();

		NotificationServlet(HikariDataSource dataSource, OkHttpClient http, String baseUrl, String serverKey) {
			this.dataSource = dataSource;
			this.http = http;
			this.baseUrl = baseUrl;
			this.serverKey = serverKey;
			this.authorization = "Basic "
					+ Base64.getEncoder().encodeToString((serverKey + ":").getBytes(StandardCharsets.UTF_8));
		}

		@Override
		protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
			Instant receivedAt = Instant.now();
			byte[] body;
			try (InputStream in = request.getInputStream()) {
				body = in.readNBytes(MAX_BODY + 1);
			}
			if (body.length > MAX_BODY) {
				answer(response, 413, "TOO_LARGE");
				return;
			}
			JsonNode tree;
			try {
				tree = this.json.readTree(body);
			}
			catch (JacksonException ex) {
				tree = null;
			}
			String orderId = text(tree, "order_id");
			String statusCode = text(tree, "status_code");
			String grossAmount = text(tree, "gross_amount");
			String signature = text(tree, "signature_key");
			long auditId;
			try {
				auditId = insertAudit(tree, body, receivedAt);
			}
			catch (SQLException ex) {
				answer(response, 500, "FAILED");
				return;
			}
			String outcome;
			String error = null;
			boolean completed = false;
			if (orderId == null || statusCode == null || grossAmount == null || signature == null) {
				outcome = "MALFORMED";
			}
			else if (!signatureMatches(signature, orderId, statusCode, grossAmount)) {
				outcome = "INVALID_SIGNATURE";
			}
			else {
				JsonNode answer;
				try {
					answer = readStatus(orderId);
				}
				catch (IOException | JacksonException ex) {
					answer = null;
				}
				if (answer == null) {
					outcome = "FAILED";
					error = "the status read failed";
				}
				else {
					try {
						outcome = apply(orderId, answer, auditId, receivedAt);
						completed = true;
					}
					catch (SQLException ex) {
						outcome = "FAILED";
						error = "the update failed";
					}
				}
			}
			if (!completed) {
				try (Connection connection = this.dataSource.getConnection()) {
					completeAudit(connection, auditId, outcome, error, receivedAt);
				}
				catch (SQLException ex) {
					// the notification's row stays without an outcome
				}
			}
			answer(response, status(outcome), outcome);
		}

		private long insertAudit(JsonNode tree, byte[] body, Instant receivedAt) throws SQLException {
			try (Connection connection = this.dataSource.getConnection();
					PreparedStatement insert = connection.prepareStatement(INSERT_AUDIT, new String[] { "id" })) {
				insert.setString(1, text(tree, "order_id"));
				insert.setString(2, text(tree, "transaction_id"));
				insert.setString(3, text(tree, "transaction_status"));
				insert.setString(4, text(tree, "status_code"));
				insert.setString(5, text(tree, "gross_amount"));
				insert.setString(6, new String(body, StandardCharsets.UTF_8));
				insert.setTimestamp(7, Timestamp.from(receivedAt));
				insert.executeUpdate();
				try (ResultSet keys = insert.getGeneratedKeys()) {
					keys.next();
					return keys.getLong(1);
				}
			}
		}

		private JsonNode readStatus(String orderId) throws IOException {
			Request request = new Request.Builder().url(this.baseUrl + "v2/" + orderId + "/status")
				.header("Authorization", this.authorization)
				.header("Accept", "application/json")
				.build();
			try (Response response = this.http.newCall(request).execute()) {
				ResponseBody body = response.body();
				if (response.code() != 200) {
					return null;
				}
				JsonNode answer = this.json.readTree(body.bytes());
				String code = text(answer, "status_code");
				// Midtrans answers errors with HTTP 200 too; 407 is an expired
				// transaction.
				return ("200".equals(code) || "201".equals(code) || "407".equals(code)) ? answer : null;
			}
		}

		/**
		 * Lock the payment, check Midtrans' answer against it, move it forward and
		 * complete the audit row, in one transaction.
		 */
		private String apply(String orderId, JsonNode answer, long auditId, Instant receivedAt) throws SQLException {
			try (Connection connection = this.dataSource.getConnection()) {
				connection.setAutoCommit(false);
				try {
					String outcome = update(connection, orderId, answer);
					completeAudit(connection, auditId, outcome, null, receivedAt);
					connection.commit();
					return outcome;
				}
				catch (SQLException | RuntimeException ex) {
					connection.rollback();
					throw ex;
				}
				finally {
					connection.setAutoCommit(true);
				}
			}
		}

		private String update(Connection connection, String orderId, JsonNode answer) throws SQLException {
			long id;
			String current;
			BigDecimal amount;
			String currency;
			try (PreparedStatement lock = connection.prepareStatement(LOCK_PAYMENT)) {
				lock.setString(1, orderId);
				try (ResultSet row = lock.executeQuery()) {
					if (!row.next()) {
						return "UNKNOWN_ORDER";
					}
					id = row.getLong(1);
					current = row.getString(2);
					amount = row.getBigDecimal(3);
					currency = row.getString(4);
				}
			}
			String answeredAmount = text(answer, "gross_amount");
			String answeredCurrency = text(answer, "currency");
			if (!orderId.equals(text(answer, "order_id")) || answeredAmount == null
					|| new BigDecimal(answeredAmount).compareTo(amount) != 0
					|| (answeredCurrency != null && !answeredCurrency.equals(currency))) {
				return "AMOUNT_MISMATCH";
			}
			String transactionStatus = text(answer, "transaction_status");
			String next = next(transactionStatus);
			if (next == null) {
				return "IGNORED";
			}
			if (next.equals(current)) {
				return "DUPLICATE";
			}
			if (!"PENDING".equals(current)) {
				return "STALE";
			}
			try (PreparedStatement update = connection.prepareStatement(UPDATE_PAYMENT)) {
				update.setString(1, next);
				update.setString(2, transactionStatus);
				update.setString(3, text(answer, "transaction_id"));
				update.setString(4, text(answer, "fraud_status"));
				update.setString(5, text(answer, "status_code"));
				update.setString(6, text(answer, "status_message"));
				update.setTimestamp(7, jakarta(text(answer, "transaction_time")));
				update.setTimestamp(8, jakarta(text(answer, "settlement_time")));
				update.setTimestamp(9, Timestamp.from(Instant.now()));
				update.setLong(10, id);
				update.executeUpdate();
			}
			return "PROCESSED";
		}

		private static void completeAudit(Connection connection, long auditId, String outcome, String error,
				Instant receivedAt) throws SQLException {
			Instant now = Instant.now();
			try (PreparedStatement complete = connection.prepareStatement(COMPLETE_AUDIT)) {
				complete.setString(1, outcome);
				complete.setString(2, error);
				complete.setTimestamp(3, Timestamp.from(now));
				complete.setLong(4, Math.max(0, now.toEpochMilli() - receivedAt.toEpochMilli()));
				complete.setLong(5, auditId);
				complete.executeUpdate();
			}
		}

		/** The payment status a transaction status moves a pending payment to. */
		private static String next(String transactionStatus) {
			if (transactionStatus == null) {
				return null;
			}
			return switch (transactionStatus) {
				case "settlement", "capture" -> "SETTLEMENT";
				case "expire" -> "EXPIRE";
				case "cancel" -> "CANCEL";
				case "deny" -> "DENY";
				case "pending" -> "PENDING";
				default -> null;
			};
		}

		private static Timestamp jakarta(String time) {
			return (time != null) ? Timestamp.from(LocalDateTime.parse(time, MIDTRANS_TIME).atZone(JAKARTA).toInstant())
					: null;
		}

		private boolean signatureMatches(String signature, String orderId, String statusCode, String grossAmount) {
			try {
				MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
				byte[] expected = sha512
					.digest((orderId + statusCode + grossAmount + this.serverKey).getBytes(StandardCharsets.UTF_8));
				byte[] actual;
				try {
					actual = HexFormat.of().parseHex(signature);
				}
				catch (IllegalArgumentException ex) {
					return false;
				}
				return MessageDigest.isEqual(expected, actual);
			}
			catch (NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static String text(JsonNode tree, String field) {
			if (tree == null) {
				return null;
			}
			JsonNode value = tree.get(field);
			return (value != null && value.isValueNode() && !value.isNull()) ? value.asString() : null;
		}

		private static int status(String outcome) {
			return switch (outcome) {
				case "INVALID_SIGNATURE" -> 401;
				case "MALFORMED" -> 400;
				case "FAILED" -> 500;
				default -> 200;
			};
		}

		private static void answer(HttpServletResponse response, int status, String outcome) throws IOException {
			byte[] bytes = ("{\"outcome\":\"" + outcome + "\"}").getBytes(StandardCharsets.UTF_8);
			response.setStatus(status);
			response.setContentType("application/json");
			response.setContentLength(bytes.length);
			response.getOutputStream().write(bytes);
		}

	}

}
