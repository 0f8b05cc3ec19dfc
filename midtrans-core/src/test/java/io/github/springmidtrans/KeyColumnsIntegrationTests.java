package io.github.springmidtrans;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import io.github.springmidtrans.DatabaseFixture.Database;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every external key column of the shipped schema compares byte-exact and holds the
 * longest identifier Midtrans documents, checked with plain SQL so that no service logic
 * is involved. Subclasses pick the database; {@link #fixture()} lets the upgrade tests
 * run the same checks on upgraded tables.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KeyColumnsIntegrationTests {

	/**
	 * The longest renewal order id Midtrans can send: a subscription name of 40
	 * characters, a {@code -} and a suffix of 32 digits (Midtrans' create-subscription
	 * page; an older copy says 10).
	 */
	static final String LONGEST_RENEWAL_ORDER_ID = "N".repeat(40) + "-" + "9".repeat(32);

	/** The key columns of each table: external ids that are looked up or unique. */
	static final Map<String, List<String>> KEY_COLUMNS = keyColumns();

	private static final Timestamp NOW = Timestamp.from(Instant.parse("2026-11-24T03:00:00Z"));

	private DatabaseFixture database;

	abstract Database database();

	/**
	 * Tables to test: the shipped schema by default.
	 * @return a started fixture
	 */
	DatabaseFixture fixture() {
		return DatabaseFixture.start(database());
	}

	@BeforeAll
	void startDatabase() {
		this.database = fixture();
	}

	@AfterAll
	void stopDatabase() {
		this.database.close();
	}

	@BeforeEach
	void clear() {
		this.database.clear();
	}

	@Test
	void caseVariantsOfEveryKeyAreDifferentRows() {
		Map<String, Long> lower = insertAll("aBc9");
		Map<String, Long> upper = insertAll("AbC9");

		KEY_COLUMNS.forEach((table, columns) -> {
			for (String column : columns) {
				assertThat(ids(table, column, key(column, "aBc9"))).as(table + "." + column)
					.containsExactly(lower.get(table));
				assertThat(ids(table, column, key(column, "AbC9"))).as(table + "." + column)
					.containsExactly(upper.get(table));
				assertThat(ids(table, column, key(column, "ABC9").toUpperCase(Locale.ROOT))).as(table + "." + column)
					.isEmpty();
				assertThat(ids(table, column, key(column, "abc9").toLowerCase(Locale.ROOT))).as(table + "." + column)
					.isEmpty();
			}
		});
	}

	@Test
	void longestRenewalOrderIdFitsEveryOrderIdColumn() {
		assertThat(LONGEST_RENEWAL_ORDER_ID).hasSize(73);
		Map<String, Object> payment = payment("long");
		payment.put("order_id", LONGEST_RENEWAL_ORDER_ID);
		long paymentId = insert("midtrans_payment", payment);
		Map<String, Object> refund = refund("long", paymentId);
		refund.put("order_id", LONGEST_RENEWAL_ORDER_ID);
		insert("midtrans_refund", refund);
		Map<String, Object> notification = notification("long");
		notification.put("order_id", LONGEST_RENEWAL_ORDER_ID);
		insert("midtrans_notification", notification);
		Map<String, Object> invoice = invoice("long");
		invoice.put("paid_order_id", LONGEST_RENEWAL_ORDER_ID);
		insert("midtrans_invoice", invoice);

		for (String table : List.of("midtrans_payment", "midtrans_refund", "midtrans_notification")) {
			assertThat(ids(table, "order_id", LONGEST_RENEWAL_ORDER_ID)).as(table).hasSize(1);
		}
		assertThat(ids("midtrans_invoice", "paid_order_id", LONGEST_RENEWAL_ORDER_ID)).hasSize(1);
	}

	@Test
	void entitiesAllowNoLongerTextThanTheirColumns() {
		// Hibernate's schema validation compares types, not lengths: compare them here.
		Map<String, Long> columnLengths = columnLengths();
		Map<String, Long> entityLengths = new TreeMap<>();
		this.database.entityManagerFactory()
			.unwrap(SessionFactoryImplementor.class)
			.getMappingMetamodel()
			.forEachEntityDescriptor((entity) -> entity.forEachSelectable((index, column) -> {
				if (column.getJdbcMapping().getJdbcType().isString() && column.getLength() != null) {
					entityLengths.put(column.getContainingTableExpression().toLowerCase(Locale.ROOT) + "."
							+ column.getSelectionExpression().toLowerCase(Locale.ROOT), column.getLength());
				}
			}));

		assertThat(entityLengths).containsKeys("midtrans_payment.order_id", "midtrans_refund.order_id",
				"midtrans_notification.order_id", "midtrans_invoice.paid_order_id");
		entityLengths.forEach((column, length) -> {
			assertThat(columnLengths).as(column).containsKey(column);
			Long columnLength = columnLengths.get(column);
			if (columnLength != null) {
				assertThat(length).as(column).isLessThanOrEqualTo(columnLength);
			}
		});
		for (String column : List.of("midtrans_payment.order_id", "midtrans_refund.order_id",
				"midtrans_notification.order_id", "midtrans_invoice.paid_order_id")) {
			assertThat(entityLengths.get(column)).as(column)
				.isGreaterThanOrEqualTo((long) LONGEST_RENEWAL_ORDER_ID.length());
		}
	}

	/**
	 * The length of every character column of the Midtrans tables, {@code null} where
	 * unbounded.
	 */
	private Map<String, Long> columnLengths() {
		String schema = switch (database()) {
			case H2 -> "'PUBLIC'";
			case POSTGRESQL -> "current_schema()";
			case MARIADB -> "database()";
		};
		Map<String, Long> lengths = new TreeMap<>();
		this.database.jdbc()
			.query("select table_name, column_name, character_maximum_length from information_schema.columns"
					+ " where table_schema = " + schema + " and lower(table_name) like 'midtrans%'", (row) -> {
						Object length = row.getObject(3);
						lengths.put(
								row.getString(1).toLowerCase(Locale.ROOT) + "."
										+ row.getString(2).toLowerCase(Locale.ROOT),
								(length != null) ? ((Number) length).longValue() : null);
					});
		return lengths;
	}

	private Map<String, Long> insertAll(String variant) {
		Map<String, Long> ids = new LinkedHashMap<>();
		ids.put("midtrans_subscription", insert("midtrans_subscription", subscription(variant)));
		long payment = insert("midtrans_payment", payment(variant));
		ids.put("midtrans_payment", payment);
		ids.put("midtrans_refund", insert("midtrans_refund", refund(variant, payment)));
		ids.put("midtrans_notification", insert("midtrans_notification", notification(variant)));
		ids.put("midtrans_invoice", insert("midtrans_invoice", invoice(variant)));
		ids.put("midtrans_pay_account", insert("midtrans_pay_account", payAccount(variant)));
		assertThat(ids.keySet()).containsExactlyInAnyOrderElementsOf(KEY_COLUMNS.keySet());
		return ids;
	}

	private Map<String, Object> subscription(String variant) {
		Map<String, Object> row = keys("midtrans_subscription", variant);
		row.put("amount", new BigDecimal("14000"));
		row.put("currency", "IDR");
		row.put("payment_type", "credit_card");
		row.put("token", "token");
		row.put("schedule_interval", 1);
		row.put("schedule_interval_unit", "month");
		row.put("status", "ACTIVE");
		return audited(row);
	}

	private Map<String, Object> payment(String variant) {
		Map<String, Object> row = keys("midtrans_payment", variant);
		row.put("gross_amount", new BigDecimal("150000"));
		row.put("currency", "IDR");
		row.put("status", "PENDING");
		row.put("refunded_amount", BigDecimal.ZERO);
		row.put("snap", false);
		return audited(row);
	}

	private Map<String, Object> refund(String variant, long paymentId) {
		Map<String, Object> row = keys("midtrans_refund", variant);
		row.put("payment_id", paymentId);
		row.put("amount", new BigDecimal("1000"));
		row.put("direct", false);
		row.put("state", "REQUESTED");
		return audited(row);
	}

	private Map<String, Object> notification(String variant) {
		Map<String, Object> row = keys("midtrans_notification", variant);
		row.put("received_at", NOW);
		return row;
	}

	private Map<String, Object> invoice(String variant) {
		Map<String, Object> row = keys("midtrans_invoice", variant);
		row.put("status", "PENDING");
		row.put("payment_type", "virtual_account");
		row.put("invoice_date", NOW);
		row.put("due_date", NOW);
		return audited(row);
	}

	private Map<String, Object> payAccount(String variant) {
		Map<String, Object> row = keys("midtrans_pay_account", variant);
		row.put("payment_type", "gopay");
		row.put("status", "PENDING");
		row.put("version", 0);
		row.put("created_at", NOW);
		row.put("updated_at", NOW);
		return row;
	}

	private static Map<String, Object> keys(String table, String variant) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (String column : KEY_COLUMNS.get(table)) {
			row.put(column, key(column, variant));
		}
		return row;
	}

	private static Map<String, Object> audited(Map<String, Object> row) {
		row.put("attempts", 0);
		row.put("version", 0);
		row.put("created_at", NOW);
		row.put("updated_at", NOW);
		return row;
	}

	/** A value for a key column, short enough for the narrowest one (36). */
	private static String key(String column, String variant) {
		String prefix = column.replace("_", "").replace("midtrans", "");
		return prefix.substring(0, Math.min(prefix.length(), 12)) + "-" + variant;
	}

	private long insert(String table, Map<String, Object> row) {
		return new SimpleJdbcInsert(this.database.dataSource()).withTableName(table)
			.usingColumns(row.keySet().toArray(String[]::new))
			.usingGeneratedKeyColumns("id")
			.executeAndReturnKey(row)
			.longValue();
	}

	private List<Long> ids(String table, String column, String value) {
		return this.database.jdbc()
			.queryForList("select id from " + table + " where " + column + " = ? order by id", Long.class, value);
	}

	private static Map<String, List<String>> keyColumns() {
		Map<String, List<String>> columns = new LinkedHashMap<>();
		columns.put("midtrans_subscription",
				List.of("midtrans_subscription_id", "idempotency_key", "name", "gopay_account_id"));
		columns.put("midtrans_payment", List.of("order_id", "transaction_id", "idempotency_key"));
		columns.put("midtrans_refund", List.of("order_id", "refund_key"));
		columns.put("midtrans_notification", List.of("order_id", "transaction_id"));
		columns.put("midtrans_invoice", List.of("order_id", "invoice_number", "midtrans_invoice_id", "idempotency_key",
				"customer_id", "paid_order_id"));
		columns.put("midtrans_pay_account", List.of("account_id"));
		return columns;
	}

}
