package io.github.springmidtrans.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import io.github.springmidtrans.autoconfigure.MidtransPersistenceAutoConfiguration.MidtransDataSourceScriptDatabaseInitializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Flyway migrations and Liquibase changelog: an application that uses either
 * gets tables that Hibernate validates, and they are the tables of the schema script.
 * When the script changes and the migrations do not (or the other way round), the
 * comparison fails. The Midtrans migrations also run beside an application's own Flyway
 * migrations (after them, each in its own history), and tables of the previous schema
 * reach the current one through the upgrade scripts, with or without Flyway afterwards.
 * Subclasses pick the database; each case gets a database (or schema) of its own.
 */
abstract class MigrationsIntegrationTests {

	private static final String CHANGELOG = "classpath:io/github/springmidtrans/db/changelog/midtrans-changelog.xml";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				TransactionAutoConfiguration.class, MidtransPersistenceAutoConfiguration.class))
		.withPropertyValues("spring.jpa.hibernate.ddl-auto=validate");

	/**
	 * A JDBC URL to an empty database or schema of this name, made for the test.
	 * @param name the name
	 * @return the URL
	 */
	abstract String freshDatabase(String name);

	/**
	 * The schema script of this database, as {@code midtrans.jdbc.initialize-schema} runs
	 * it.
	 * @return the class path location
	 */
	abstract String schemaScript();

	/**
	 * SQL naming the current schema in {@code information_schema}.
	 * @return the expression
	 */
	abstract String currentSchema();

	@Test
	void applicationWithFlywayMigrationsStartsWithHibernateValidating() {
		String url = freshDatabase("midtrans_mig_flyway");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.flyway.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(MidtransFlywayMigration.class)
					.doesNotHaveBean(MidtransDataSourceScriptDatabaseInitializer.class);
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(jdbc.queryForList("select " + quoted("version") + " from "
						+ quoted(MidtransFlywayMigration.HISTORY_TABLE) + " where " + quoted("success") + " = true",
						String.class))
					.contains("1");
			});
	}

	@Test
	void flywayMigrationsSitBesideTheApplicationsOwnTables() {
		String url = freshDatabase("midtrans_mig_beside");
		new JdbcTemplate(dataSource(url)).execute("create table shop_order (id bigint primary key)");
		this.runner.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.flyway.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(columns(context.getBean(DataSource.class)))
					.anyMatch((column) -> column.startsWith("midtrans_payment "));
			});
	}

	@Test
	void flywayTakesTablesMadeByTheSchemaScriptAsTheFirstVersion() {
		String url = freshDatabase("midtrans_mig_baseline");
		new ResourceDatabasePopulator(new ClassPathResource(schemaScript())).execute(dataSource(url));
		this.runner
			.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.flyway.enabled=true",
					"midtrans.jdbc.flyway.baseline-version=1")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void applicationsOwnFlywayAndTheMidtransMigrationsBothMigrateAnEmptyDatabase() {
		String url = freshDatabase("midtrans_mig_app_flyway");
		try (ConfigurableApplicationContext context = applicationWithItsOwnFlyway(url)) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(history(jdbc, "flyway_schema_history")).as("the application's own Flyway history")
				.containsExactly("1 shop tables SQL");
			// Ours run after the application's, so they meet its tables and record a
			// baseline first.
			assertThat(history(jdbc, MidtransFlywayMigration.HISTORY_TABLE)).as("the Midtrans Flyway history")
				.containsExactly("0 Midtrans baseline BASELINE", "1 midtrans tables SQL");
			assertThat(context.getBeanFactory().getBeanDefinition("midtransFlywayMigration").getDependsOn())
				.contains("flywayInitializer");
			assertThat(columns(context.getBean(DataSource.class)))
				.anyMatch((column) -> column.startsWith("midtrans_payment "));
		}
	}

	@Test
	void applicationsOwnFlywayAndTheMidtransMigrationsStartAgainOnTheirTables() {
		String url = freshDatabase("midtrans_mig_app_flyway_again");
		applicationWithItsOwnFlyway(url).close();
		try (ConfigurableApplicationContext context = applicationWithItsOwnFlyway(url)) {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			assertThat(history(jdbc, "flyway_schema_history")).containsExactly("1 shop tables SQL");
			assertThat(history(jdbc, MidtransFlywayMigration.HISTORY_TABLE))
				.containsExactly("0 Midtrans baseline BASELINE", "1 midtrans tables SQL");
		}
	}

	/**
	 * A Boot application with migrations of its own
	 * ({@code db/migration/V1__shop_tables.sql}, run by Boot's Flyway) and the Midtrans
	 * migrations, whose entities Hibernate validates.
	 */
	private ConfigurableApplicationContext applicationWithItsOwnFlyway(String url) {
		// Arguments, not default properties: the test application.properties switches
		// Boot's Flyway off.
		return new SpringApplicationBuilder(ApplicationWithFlyway.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + url, "--spring.flyway.enabled=true",
					"--midtrans.jdbc.flyway.enabled=true", "--spring.jpa.hibernate.ddl-auto=validate",
					"--midtrans.server-key=SB-Mid-server-placeholder-flyway-test");
	}

	/**
	 * Each applied migration of a Flyway history, in the order applied: version,
	 * description and type (not the row marking the table's creation).
	 */
	private List<String> history(JdbcTemplate jdbc, String table) {
		return jdbc.query(
				"select " + quoted("version") + ", " + quoted("description") + ", " + quoted("type") + " from "
						+ quoted(table) + " where " + quoted("success") + " = true and " + quoted("version")
						+ " is not null order by " + quoted("installed_rank"),
				(row, index) -> row.getString(1) + " " + row.getString(2) + " " + row.getString(3));
	}

	@Test
	void tablesOfThePreviousSchemaAreUpgradedByTheScriptsKeepingTheirRows() {
		DataSource fresh = dataSource(freshDatabase("midtrans_mig_upgrade_cmp"));
		new ResourceDatabasePopulator(new ClassPathResource(schemaScript())).execute(fresh);
		String url = freshDatabase("midtrans_mig_upgrade");
		DataSource previous = previousSchemaWithRows(url);

		new ResourceDatabasePopulator(new ClassPathResource(upgrade("0003-check-back-off")),
				new ClassPathResource(upgrade("0004-event-outbox")))
			.execute(previous);

		assertThat(columns(previous)).containsExactlyElementsOf(columns(fresh));
		this.runner.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertRowsKept(new JdbcTemplate(context.getBean(DataSource.class)));
			});
	}

	@Test
	void tablesOfThePreviousSchemaJoinFlywayAfterTheUpgradeScripts() {
		String url = freshDatabase("midtrans_mig_upgrade_flyway");
		DataSource previous = previousSchemaWithRows(url);
		new ResourceDatabasePopulator(new ClassPathResource(upgrade("0003-check-back-off")),
				new ClassPathResource(upgrade("0004-event-outbox")))
			.execute(previous);

		this.runner
			.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.flyway.enabled=true",
					"midtrans.jdbc.flyway.baseline-version=1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
				assertThat(history(jdbc, MidtransFlywayMigration.HISTORY_TABLE))
					.containsExactly("1 Midtrans baseline BASELINE");
				assertRowsKept(jdbc);
			});
	}

	@Test
	void tablesOfThePreviousSchemaWithoutTheUpgradeScriptsStopFlywayUsersAtStartup() {
		String url = freshDatabase("midtrans_mig_upgrade_missing");
		previousSchemaWithRows(url);

		this.runner
			.withPropertyValues("spring.datasource.url=" + url, "midtrans.jdbc.flyway.enabled=true",
					"midtrans.jdbc.flyway.baseline-version=1")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("midtrans_event_publication"));
	}

	/**
	 * The tables as the schema script made them before upgrades 0003 and 0004, with a
	 * settled payment and a refund of it.
	 */
	private DataSource previousSchemaWithRows(String url) {
		DataSource dataSource = dataSource(url);
		new ResourceDatabasePopulator(new ClassPathResource(schemaScript()
			.replace("io/github/springmidtrans/schema/schema-", "previous-schema/before-0003/schema-")))
			.execute(dataSource);
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("insert into midtrans_payment (order_id, gross_amount, currency, status, refunded_amount,"
				+ " idempotency_key, attempts, snap, version, created_at, updated_at) values ('Prev-aBc1', 150000,"
				+ " 'IDR', 'SETTLEMENT', 0, 'key-aBc1', 0, false, 0, current_timestamp, current_timestamp)");
		Long paymentId = jdbc.queryForObject("select id from midtrans_payment", Long.class);
		jdbc.update("insert into midtrans_refund (payment_id, order_id, refund_key, amount, direct, state, attempts,"
				+ " version, created_at, updated_at) values (?, 'Prev-aBc1', 'Refund-aBc1', 1000, false, 'REQUESTED',"
				+ " 0, 0, current_timestamp, current_timestamp)", paymentId);
		return dataSource;
	}

	private void assertRowsKept(JdbcTemplate jdbc) {
		assertThat(jdbc.queryForList("select status from midtrans_payment where order_id = 'Prev-aBc1'", String.class))
			.containsExactly("SETTLEMENT");
		assertThat(jdbc.queryForList("select failed_checks from midtrans_payment where order_id = 'Prev-aBc1'",
				Integer.class))
			.containsExactly(0);
		assertThat(
				jdbc.queryForList("select refund_key from midtrans_refund where order_id = 'Prev-aBc1'", String.class))
			.containsExactly("Refund-aBc1");
		assertThat(jdbc.queryForObject("select count(*) from midtrans_event_publication", Integer.class)).isZero();
	}

	private String upgrade(String change) {
		return schemaScript().replace("schema/schema-", "schema/upgrade/" + change + "-");
	}

	@Test
	void applicationWithTheLiquibaseChangelogStartsWithHibernateValidating() {
		String url = freshDatabase("midtrans_mig_liquibase");
		this.runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.liquibase.change-log=" + CHANGELOG,
					"midtrans.jdbc.initialize-schema=never")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(MidtransFlywayMigration.class);
				assertThat(columns(context.getBean(DataSource.class))).isNotEmpty();
			});
	}

	@Test
	void migrationsAndChangelogMakeTheTablesOfTheSchemaScript() {
		DataSource script = dataSource(freshDatabase("midtrans_mig_script"));
		new ResourceDatabasePopulator(new ClassPathResource(schemaScript())).execute(script);
		List<String> expected = columns(script);
		assertThat(expected).anyMatch((column) -> column.startsWith("midtrans_payment "));

		List<String> byFlyway = new ArrayList<>();
		this.runner
			.withPropertyValues("spring.datasource.url=" + freshDatabase("midtrans_mig_flyway_cmp"),
					"midtrans.jdbc.flyway.enabled=true", "spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> byFlyway.addAll(columns(context.getBean(DataSource.class))));
		assertThat(byFlyway).as("tables made by the Flyway migrations").containsExactlyElementsOf(expected);

		List<String> byLiquibase = new ArrayList<>();
		this.runner.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + freshDatabase("midtrans_mig_liquibase_cmp"),
					"spring.liquibase.change-log=" + CHANGELOG, "midtrans.jdbc.initialize-schema=never",
					"spring.jpa.hibernate.ddl-auto=none")
			.run((context) -> byLiquibase.addAll(columns(context.getBean(DataSource.class))));
		assertThat(byLiquibase).as("tables made by the Liquibase changelog").containsExactlyElementsOf(expected);
	}

	String quoted(String name) {
		return name;
	}

	DataSource dataSource(String url) {
		return new DriverManagerDataSource(url);
	}

	/**
	 * Every column of the Midtrans tables (not Flyway's history), with its type, length,
	 * nullability and collation, in a stable order.
	 */
	List<String> columns(DataSource dataSource) {
		return new JdbcTemplate(dataSource).query(
				"select table_name, column_name, data_type,"
						+ " character_maximum_length, is_nullable, collation_name from information_schema.columns"
						+ " where table_schema = " + currentSchema() + " and lower(table_name) like 'midtrans%'"
						+ " and lower(table_name) <> '" + MidtransFlywayMigration.HISTORY_TABLE + "'"
						+ " order by lower(table_name), lower(column_name)",
				(row, index) -> String.join(" ", row.getString(1).toLowerCase(Locale.ROOT),
						row.getString(2).toLowerCase(Locale.ROOT), row.getString(3), String.valueOf(row.getObject(4)),
						row.getString(5), String.valueOf(row.getString(6))));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class ApplicationWithFlyway {

	}

}
