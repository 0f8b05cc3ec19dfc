package io.github.springmidtrans.reliability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ch.qos.logback.classic.Level;
import io.github.springmidtrans.client.model.Bank;
import io.github.springmidtrans.client.model.ChargeRequest;
import io.github.springmidtrans.payment.PaymentService;
import io.github.springmidtrans.reliability.HostileInputs.HostileRequest;
import io.github.springmidtrans.test.MidtransSimulator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile requests against the real notification endpoint over HTTP. Every one
 * is answered with a 4xx, never a 5xx; nothing but the audit log changes; the application
 * is healthy afterwards. The seed is printed; run again with
 * {@code -Dmidtrans.hostile.seed=<seed>} to replay a failure.
 */
class HostileWebhookInputTests {

	private static final long MAX_BODY = 64 * 1024;

	@Test
	void onH2EveryHostileRequestGetsAClientErrorChangesOnlyTheAuditLogAndLeavesTheServiceHealthy() throws Exception {
		attack(null);
	}

	@Test
	@EnabledIfEnvironmentVariable(named = Databases.POSTGRESQL_URL_VARIABLE, matches = ".+",
			disabledReason = "set MIDTRANS_TEST_POSTGRESQL_URL to run the hostile input suite on PostgreSQL")
	void onPostgresqlEveryHostileRequestGetsAClientErrorChangesOnlyTheAuditLogAndLeavesTheServiceHealthy()
			throws Exception {
		attack(Databases.freshPostgresql());
	}

	private void attack(@Nullable String jdbcUrl) throws Exception {
		long seed = Long.getLong("midtrans.hostile.seed", new SecureRandom().nextLong());
		int count = LongTests.count(440, 5500);
		System.out.println("hostile input: seed " + seed + ", " + count + " requests, "
				+ ((jdbcUrl != null) ? "PostgreSQL" : "H2"));
		try (MidtransSimulator simulator = MidtransSimulator.builder().build().start();
				ConfigurableApplicationContext context = Applications.start(simulator, true, jdbcUrl);
				// After start-up: Spring Boot's logging initialisation replaces
				// appenders.
				LogCapture logs = new LogCapture(Level.INFO)) {
			PaymentService payments = context.getBean(PaymentService.class);
			EventLog events = context.getBean(EventLog.class);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			payments.charge(ChargeRequest.bankTransfer("HOSTILE-PENDING", 50_000, Bank.BCA).build());
			payments.charge(ChargeRequest.gopay("HOSTILE-SETTLED", 50_000).build());
			simulator.pay("HOSTILE-SETTLED");
			payments.refreshStatus("HOSTILE-SETTLED");
			payments.charge(ChargeRequest.gopay("HOSTILE-REFUNDED", 50_000).build());
			simulator.pay("HOSTILE-REFUNDED");
			payments.refreshStatus("HOSTILE-REFUNDED");
			payments.refund("HOSTILE-REFUNDED", BigDecimal.valueOf(10_000), "test", false);
			List<Map<String, Object>> paymentsBefore = paymentRows(jdbc);
			List<Map<String, Object>> refundsBefore = jdbc.queryForList("select * from midtrans_refund order by id");
			int eventsBefore = events.total();
			long auditBefore = auditCount(jdbc);

			List<HostileRequest> requests = new HostileInputs(seed,
					List.of("HOSTILE-PENDING", "HOSTILE-SETTLED", "HOSTILE-REFUNDED"), MAX_BODY)
				.generate(count);
			HttpClient http = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			List<String> failures = new ArrayList<>();
			Map<Integer, Integer> statuses = new TreeMap<>();
			int audited = 0;
			int closed = 0;
			for (HostileRequest request : requests) {
				HttpResponse<String> response;
				try {
					response = http.send(request(context, request), HttpResponse.BodyHandlers.ofString());
				}
				catch (IOException ex) {
					if (request.kind() == HostileInputs.Kind.HUGE_BODY) {
						// The server refused the body and closed the connection
						// mid-upload.
						closed++;
						continue;
					}
					failures.add(request + ": " + ex);
					continue;
				}
				statuses.merge(response.statusCode(), 1, Integer::sum);
				if (response.statusCode() < 400 || response.statusCode() > 499) {
					failures.add(request + " answered " + response.statusCode() + " " + response.body() + " body "
							+ request.preview());
				}
				if (response.body().contains("\"outcome\"") && !response.body().contains("TOO_LARGE")) {
					audited++;
				}
			}
			System.out.println("hostile input: answers by status " + statuses + ", connections closed on huge bodies "
					+ closed + ", audited " + audited);

			assertThat(failures).as("seed %d", seed).isEmpty();
			assertThat(paymentRows(jdbc)).isEqualTo(paymentsBefore);
			assertThat(jdbc.queryForList("select * from midtrans_refund order by id")).isEqualTo(refundsBefore);
			assertThat(events.total()).isEqualTo(eventsBefore);
			assertThat(auditCount(jdbc)).isEqualTo(auditBefore + audited);
			assertThat(jdbc.queryForList("select distinct outcome from midtrans_notification where id > ?",
					String.class, auditBefore))
				.isSubsetOf("MALFORMED", "INVALID_SIGNATURE");
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(Applications.uri(context, "/actuator/health")).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).contains("\"UP\"");
			assertThat(logs.events())
				.filteredOn((event) -> event.getLoggerName().startsWith("io.github.springmidtrans")
						&& event.getLevel().isGreaterOrEqual(Level.WARN))
				.isNotEmpty()
				.allSatisfy((event) -> assertThat(event.getFormattedMessage()).as("a sanitised log line")
					.doesNotContain("\r", "\n", "\u0000")
					.hasSizeLessThan(1000));
		}
	}

	private static HttpRequest request(ConfigurableApplicationContext context, HostileRequest request) {
		HttpRequest.BodyPublisher body = request.chunked()
				? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(request.body()))
				: HttpRequest.BodyPublishers.ofByteArray(request.body());
		HttpRequest.Builder builder = HttpRequest.newBuilder(Applications.uri(context, "/midtrans/notification"))
			.timeout(Duration.ofSeconds(30))
			.method(request.method(), body);
		if (!request.contentType().isEmpty()) {
			builder.header("Content-Type", request.contentType());
		}
		return builder.build();
	}

	private static List<Map<String, Object>> paymentRows(JdbcTemplate jdbc) {
		return jdbc.queryForList("select * from midtrans_payment order by id");
	}

	private static long auditCount(JdbcTemplate jdbc) {
		Long count = jdbc.queryForObject("select count(*) from midtrans_notification", Long.class);
		return (count != null) ? count : 0;
	}

}
