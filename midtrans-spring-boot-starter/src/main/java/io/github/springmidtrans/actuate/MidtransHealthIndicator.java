package io.github.springmidtrans.actuate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Health of the Midtrans integration: which environment it talks to, whether the last run
 * of each job failed, and how many notifications failed or were rejected in the last
 * hour. It is {@code DOWN} only when the notification log cannot be read (the database is
 * unreachable); failed jobs and rejected notifications are shown as details, because they
 * call for a person, not for a restart. It calls nothing at Midtrans and shows no key.
 *
 * @since 0.1.0
 */
public class MidtransHealthIndicator extends AbstractHealthIndicator {

	private final MidtransClient client;

	private final @Nullable MidtransTaskSchedules schedules;

	private final JdbcTemplate jdbc;

	private final Clock clock;

	/**
	 * Create the indicator.
	 * @param client the client
	 * @param schedules the jobs, if tasks are configured
	 * @param jdbc access to the notification log
	 * @param clock the clock
	 */
	public MidtransHealthIndicator(MidtransClient client, @Nullable MidtransTaskSchedules schedules, JdbcTemplate jdbc,
			Clock clock) {
		super("Midtrans health check failed");
		this.client = client;
		this.schedules = schedules;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Map<String, Long> lastHour = countByOutcome(this.clock.instant().minus(Duration.ofHours(1)));
		Map<String, Object> notifications = new LinkedHashMap<>();
		notifications.put("failedLastHour", lastHour.getOrDefault("FAILED", 0L));
		notifications.put("rejectedLastHour",
				lastHour.getOrDefault("INVALID_SIGNATURE", 0L) + lastHour.getOrDefault("MALFORMED", 0L));
		notifications.put("amountMismatchesLastHour", lastHour.getOrDefault("AMOUNT_MISMATCH", 0L));
		notifications.put("flaggedLastHour", lastHour.getOrDefault("FLAGGED", 0L));
		// Flagged rows need a person, not a restart: reported, but the application stays
		// up.
		Map<String, Object> flagged = new LinkedHashMap<>();
		flagged.put("payments", count("select count(*) from midtrans_payment where flag is not null"));
		flagged.put("invoices", count("select count(*) from midtrans_invoice where flag is not null"));
		builder.up()
			.withDetail("flagged", flagged)
			.withDetail("environment", this.client.environment().name().toLowerCase(Locale.ROOT))
			.withDetail("baseUrl", this.client.baseUrl().toString())
			.withDetail("notifications", notifications);
		if (this.schedules != null) {
			Map<String, Object> jobs = new LinkedHashMap<>();
			for (Map.Entry<String, JobRun> entry : this.schedules.lastRuns().entrySet()) {
				JobRun run = entry.getValue();
				Map<String, Object> job = new LinkedHashMap<>();
				job.put("lastRunAt", run.finishedAt());
				job.put("failed", run.error() != null);
				jobs.put(entry.getKey(), job);
			}
			builder.withDetail("jobs", jobs);
		}
	}

	private long count(String sql) {
		Long count = this.jdbc.queryForObject(sql, Long.class);
		return (count != null) ? count : 0L;
	}

	private Map<String, Long> countByOutcome(Instant since) {
		Map<String, Long> counts = new HashMap<>();
		this.jdbc.query("select outcome, count(*) from midtrans_notification where received_at >= ? group by outcome",
				(row) -> {
					counts.put(row.getString(1), row.getLong(2));
				}, Timestamp.from(since));
		return counts;
	}

}
