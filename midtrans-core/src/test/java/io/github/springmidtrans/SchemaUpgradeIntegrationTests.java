package io.github.springmidtrans;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped upgrade scripts bring tables made by an earlier schema script to the
 * current schema: Hibernate validates the entities against them, their columns are those
 * of a fresh install, and every check of {@link KeyColumnsIntegrationTests} holds on
 * them. Subclasses pick the database.
 */
abstract class SchemaUpgradeIntegrationTests extends KeyColumnsIntegrationTests {

	private List<String> freshColumns;

	private List<String> freshOutboxIndexes;

	private DatabaseFixture upgraded;

	/**
	 * The schema as shipped before upgrade 0001 (exact keys), copied from main.
	 */
	private String before0001() {
		return "io/github/springmidtrans/schema/upgrade/before-0001/schema-" + database().platform() + ".sql";
	}

	private String upgrade0001() {
		return "io/github/springmidtrans/schema/upgrade/0001-exact-keys-" + database().platform() + ".sql";
	}

	private String upgrade0002() {
		return "io/github/springmidtrans/schema/upgrade/0002-flags-" + database().platform() + ".sql";
	}

	private String upgrade0003() {
		return "io/github/springmidtrans/schema/upgrade/0003-check-back-off-" + database().platform() + ".sql";
	}

	private String upgrade0004() {
		return "io/github/springmidtrans/schema/upgrade/0004-event-outbox-" + database().platform() + ".sql";
	}

	/**
	 * Upgrade 0005 (indexes of the event outbox) exists for PostgreSQL only: H2 and MySQL
	 * keep their index.
	 */
	private String[] upgrade0005() {
		return (database() != Database.POSTGRESQL) ? new String[0]
				: new String[] { "io/github/springmidtrans/schema/upgrade/0005-event-indexes-postgresql.sql" };
	}

	@Override
	DatabaseFixture fixture() {
		// PostgreSQL and MariaDB fixtures share a database: read the fresh one first.
		try (DatabaseFixture fresh = DatabaseFixture.start(database())) {
			this.freshColumns = columns(fresh.dataSource());
			this.freshOutboxIndexes = outboxIndexes(fresh.dataSource());
		}
		List<String> scripts = new ArrayList<>(
				List.of(before0001(), upgrade0001(), upgrade0002(), upgrade0003(), upgrade0004()));
		scripts.addAll(List.of(upgrade0005()));
		this.upgraded = DatabaseFixture.start(database(), scripts.toArray(String[]::new));
		return this.upgraded;
	}

	@Test
	void upgradedTablesHaveTheColumnsOfAFreshSchema() {
		assertThat(this.freshColumns).isNotEmpty();
		assertThat(columns(this.upgraded.dataSource())).containsExactlyElementsOf(this.freshColumns);
	}

	@Test
	void upgradedOutboxHasTheIndexesOfAFreshSchema() {
		assertThat(outboxIndexes(this.upgraded.dataSource())).containsExactlyElementsOf(this.freshOutboxIndexes);
	}

	@Test
	void upgradeKeepsRowsAndIsSafeToRunAgain() {
		DataSource dataSource = this.upgraded.dataSource();
		JdbcTemplate jdbc = this.upgraded.jdbc();
		// Children before parents, so that foreign keys never block a drop.
		for (String table : List.of("midtrans_event_publication", "midtrans_shedlock", "midtrans_notification",
				"midtrans_refund", "midtrans_payment_item", "midtrans_payment", "midtrans_subscription",
				"midtrans_invoice_item", "midtrans_invoice", "midtrans_pay_account")) {
			jdbc.execute("drop table " + table);
		}
		new ResourceDatabasePopulator(new ClassPathResource(before0001())).execute(dataSource);
		insertPayment(jdbc, "Ord-aBc9", "key-aBc9", "SETTLEMENT");
		Long paymentId = jdbc.queryForObject("select id from midtrans_payment", Long.class);
		jdbc.update("insert into midtrans_refund (payment_id, order_id, refund_key, amount, direct, state, attempts,"
				+ " version, created_at, updated_at) values (?, 'Ord-aBc9', 'Refund-aBc9', 1000, false, 'REQUESTED',"
				+ " 0, 0, current_timestamp, current_timestamp)", paymentId);

		new ResourceDatabasePopulator(new ClassPathResource(upgrade0001())).execute(dataSource);
		new ResourceDatabasePopulator(new ClassPathResource(upgrade0001())).execute(dataSource);
		new ResourceDatabasePopulator(new ClassPathResource(upgrade0002())).execute(dataSource);
		if (database() != Database.MARIADB) {
			// The MySQL script says it runs once: MySQL has no "add column if not
			// exists".
			new ResourceDatabasePopulator(new ClassPathResource(upgrade0002())).execute(dataSource);
		}
		new ResourceDatabasePopulator(new ClassPathResource(upgrade0003())).execute(dataSource);
		if (database() != Database.MARIADB) {
			new ResourceDatabasePopulator(new ClassPathResource(upgrade0003())).execute(dataSource);
		}
		new ResourceDatabasePopulator(new ClassPathResource(upgrade0004())).execute(dataSource);
		new ResourceDatabasePopulator(new ClassPathResource(upgrade0004())).execute(dataSource);
		for (String upgrade0005 : upgrade0005()) {
			new ResourceDatabasePopulator(new ClassPathResource(upgrade0005)).execute(dataSource);
			new ResourceDatabasePopulator(new ClassPathResource(upgrade0005)).execute(dataSource);
		}

		assertThat(columns(dataSource)).containsExactlyElementsOf(this.freshColumns);
		assertThat(outboxIndexes(dataSource)).containsExactlyElementsOf(this.freshOutboxIndexes);
		assertThat(
				jdbc.queryForList("select refund_key from midtrans_refund where order_id = 'Ord-aBc9'", String.class))
			.containsExactly("Refund-aBc9");
		insertPayment(jdbc, "Ord-AbC9", "KEY-ABC9", "PENDING");
		insertPayment(jdbc, LONGEST_RENEWAL_ORDER_ID, "key-long", "PENDING");
		assertThat(jdbc.queryForList("select status from midtrans_payment where order_id = 'Ord-aBc9'", String.class))
			.containsExactly("SETTLEMENT");
		assertThat(jdbc.queryForList("select status from midtrans_payment where order_id = 'Ord-AbC9'", String.class))
			.containsExactly("PENDING");
		assertThat(
				jdbc.queryForObject("select count(*) from midtrans_payment where order_id = 'ORD-ABC9'", Integer.class))
			.isZero();
		assertThat(jdbc.queryForList("select flag from midtrans_payment where order_id = 'Ord-aBc9'", String.class))
			.containsOnlyNulls();
		assertThat(jdbc.queryForList("select failed_checks from midtrans_payment where order_id = 'Ord-aBc9'",
				Integer.class))
			.containsExactly(0);
	}

	private static void insertPayment(JdbcTemplate jdbc, String orderId, String idempotencyKey, String status) {
		jdbc.update(
				"insert into midtrans_payment (order_id, gross_amount, currency, status, refunded_amount,"
						+ " idempotency_key, attempts, snap, version, created_at, updated_at) values"
						+ " (?, 150000, 'IDR', ?, 0, ?, 0, false, 0, current_timestamp, current_timestamp)",
				orderId, status, idempotencyKey);
	}

	/**
	 * The indexes of the outbox table with their definitions on PostgreSQL, where upgrade
	 * 0005 changes them; their names elsewhere, where the schema names each index.
	 */
	private List<String> outboxIndexes(DataSource dataSource) {
		String sql = switch (database()) {
			case H2 -> "select index_name from information_schema.indexes where table_schema = 'PUBLIC'"
					+ " and lower(table_name) = 'midtrans_event_publication' and lower(index_name) like 'ix_%'"
					+ " order by index_name";
			case POSTGRESQL -> "select indexdef from pg_indexes where schemaname = current_schema()"
					+ " and tablename = 'midtrans_event_publication' order by indexname";
			case MARIADB -> "select distinct index_name from information_schema.statistics"
					+ " where table_schema = database() and table_name = 'midtrans_event_publication'"
					+ " order by index_name";
		};
		return new JdbcTemplate(dataSource).queryForList(sql, String.class);
	}

	/**
	 * Every column of the Midtrans tables with its type, length, nullability and
	 * collation, in a stable order.
	 */
	private List<String> columns(DataSource dataSource) {
		String schema = switch (database()) {
			case H2 -> "'PUBLIC'";
			case POSTGRESQL -> "current_schema()";
			case MARIADB -> "database()";
		};
		return new JdbcTemplate(dataSource).query(
				"select table_name, column_name, data_type,"
						+ " character_maximum_length, is_nullable, collation_name from information_schema.columns"
						+ " where table_schema = " + schema + " and lower(table_name) like 'midtrans%'"
						+ " order by lower(table_name), lower(column_name)",
				(row, index) -> String.join(" ", row.getString(1).toLowerCase(Locale.ROOT),
						row.getString(2).toLowerCase(Locale.ROOT), row.getString(3), String.valueOf(row.getObject(4)),
						row.getString(5), String.valueOf(row.getString(6))));
	}

}
