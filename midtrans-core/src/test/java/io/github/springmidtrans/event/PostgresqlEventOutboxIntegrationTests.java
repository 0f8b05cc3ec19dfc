package io.github.springmidtrans.event;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event outbox on Postgresql.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_POSTGRESQL_URL", matches = ".+",
		disabledReason = "PostgreSQL not tested: set MIDTRANS_TEST_POSTGRESQL_URL (.ci/run does)")
class PostgresqlEventOutboxIntegrationTests extends EventOutboxIntegrationTests {

	/** Where a plan names an index: "Index Scan using x", "Bitmap Index Scan on x". */
	private static final Pattern INDEX = Pattern.compile("(?:using|Index Scan on) (\\w+)");

	@Override
	Database database() {
		return Database.POSTGRESQL;
	}

	@Test
	void outboxStatementsFollowTheirIndexesOnATableNeverAnalysed() throws Exception {
		JdbcTemplate jdbc = fixture().jdbc();
		// As on a server that does not vacuum or analyse: completed rows leave dead
		// versions behind, and the planner has no statistics of the table.
		jdbc.execute("alter table midtrans_event_publication set (autovacuum_enabled = false)");
		jdbc.update("insert into midtrans_event_publication (event_id, event_type, payload, created_at,"
				+ " attempts, next_attempt_at) select gen_random_uuid()::text, 'Old', '{}', now(), 0, now()"
				+ " from generate_series(1, 20000)");
		jdbc.update("update midtrans_event_publication set completed_at = now() where id <= (select max(id) - 100"
				+ " from midtrans_event_publication)");

		List<String> statements = new ArrayList<>();
		statements.addAll(fixture().recordStatements(() -> publishInOneBatch(100)));
		statements.addAll(fixture().recordStatements(() -> outbox().redeliver()));
		statements.addAll(fixture().recordStatements(() -> outbox().countIncomplete()));

		Map<String, String> plans = plans(statements);
		assertThat(plans.keySet()).anyMatch((sql) -> sql.startsWith("update"))
			.anyMatch((sql) -> sql.contains("completed_at is null"))
			.anyMatch((sql) -> sql.contains("completed_at<"));
		plans.forEach((sql, plan) -> {
			assertThat(plan).as(sql).doesNotContain("Seq Scan");
			if (sql.startsWith("update")) {
				// The batched completion: a look-up per id.
				assertThat(indexes(plan)).as(sql).containsOnly("midtrans_event_publication_pkey");
			}
			else if (sql.contains("completed_at is null")) {
				// The redelivery scans and the count.
				assertThat(indexes(plan)).as(sql).containsOnly("ix_midtrans_event_publication_incomplete");
			}
			else if (sql.contains("completed_at<")) {
				// The deletion after the retention.
				assertThat(indexes(plan)).as(sql).containsOnly("ix_midtrans_event_publication_completed");
			}
		});
	}

	/**
	 * The generic plans of the recorded reads and writes of the outbox, by statement in
	 * lower case: the plans that prepared statements settle on, whatever the values.
	 */
	private Map<String, String> plans(List<String> statements) throws Exception {
		Map<String, String> plans = new LinkedHashMap<>();
		try (Connection connection = fixture().dataSource().getConnection()) {
			JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
			jdbc.execute("set plan_cache_mode = force_generic_plan");
			int number = 0;
			for (String sql : statements) {
				String lower = sql.toLowerCase(Locale.ROOT);
				if (lower.startsWith("insert") || !lower.contains("midtrans_event_publication")) {
					continue;
				}
				int parameters = 0;
				StringBuilder numbered = new StringBuilder();
				for (char c : sql.toCharArray()) {
					if (c == '?') {
						numbered.append('$').append(++parameters);
					}
					else {
						numbered.append(c);
					}
				}
				String name = "outbox_statement_" + (++number);
				jdbc.execute("prepare " + name + " as " + numbered);
				String arguments = (parameters > 0)
						? "(" + String.join(", ", Collections.nCopies(parameters, "null")) + ")" : "";
				plans.put(lower,
						String.join("\n", jdbc.queryForList("explain execute " + name + arguments, String.class)));
				jdbc.execute("deallocate " + name);
			}
			jdbc.execute("reset plan_cache_mode");
		}
		return plans;
	}

	private static List<String> indexes(String plan) {
		List<String> indexes = new ArrayList<>();
		Matcher matcher = INDEX.matcher(plan);
		while (matcher.find()) {
			indexes.add(matcher.group(1));
		}
		return indexes;
	}

}
