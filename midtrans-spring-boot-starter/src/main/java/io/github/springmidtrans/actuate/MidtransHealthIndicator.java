package io.github.springmidtrans.actuate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
		Instant since = this.clock.instant().minus(Duration.ofHours(1));
		Map<String, Object> notifications = new LinkedHashMap<>();
		notifications.put("failedLastHour", count("FAILED", since));
		notifications.put("rejectedLastHour", count("INVALID_SIGNATURE", since) + count("MALFORMED", since));
		notifications.put("amountMismatchesLastHour", count("AMOUNT_MISMATCH", since));
		builder.up()
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

	private long count(String outcome, Instant since) {
		Long count = this.jdbc.queryForObject(
				"select count(*) from midtrans_notification where outcome = ? and received_at >= ?", Long.class,
				outcome, Timestamp.from(since));
		return (count != null) ? count : 0;
	}

}
