package io.github.springmidtrans.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Notification audit rows older than the retention are deleted, in batches, and nothing
 * else. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class NotificationAuditRetentionIntegrationTests {

	private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

	private DatabaseFixture database;

	abstract Database database();

	@BeforeAll
	void start() {
		this.database = DatabaseFixture.start(database());
	}

	@AfterAll
	void stop() {
		this.database.close();
	}

	@Test
	void rowsOlderThanTheRetentionGoInBatchesAndNewerOnesStay() {
		JdbcTemplate jdbc = this.database.jdbc();
		// 2,500 rows 100 days old (more than two batches), 3 rows 89 days old.
		Timestamp old = Timestamp.from(NOW.minus(Duration.ofDays(100)));
		jdbc.batchUpdate(
				"insert into midtrans_notification (order_id, outcome, received_at) values (?, 'PROCESSED', ?)",
				java.util.stream.IntStream.range(0, 2500).mapToObj((i) -> new Object[] { "OLD-" + i, old }).toList());
		for (int i = 0; i < 3; i++) {
			jdbc.update("insert into midtrans_notification (order_id, outcome, received_at) values (?, 'PROCESSED', ?)",
					"NEW-" + i, Timestamp.from(NOW.minus(Duration.ofDays(89))));
		}
		NotificationAuditRetention retention = new NotificationAuditRetention(this.database.entityManager(),
				this.database.transactionManager(), Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofDays(90));

		assertThat(retention.purge()).isEqualTo(2500);
		assertThat(jdbc.queryForList("select order_id from midtrans_notification order by order_id", String.class))
			.containsExactly("NEW-0", "NEW-1", "NEW-2");
		assertThat(retention.purge()).isZero();
	}

	@Test
	void aRetentionMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NotificationAuditRetention(this.database.entityManager(),
					this.database.transactionManager(), Clock.systemUTC(), Duration.ZERO));
	}

}
