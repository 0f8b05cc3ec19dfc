package io.github.springmidtrans;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.SharedEntityManagerCreator;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A real database with the shipped schema applied and Hibernate validating the entities
 * against it. H2 always works; PostgreSQL and MariaDB need their JDBC URL in
 * {@code MIDTRANS_TEST_POSTGRESQL_URL} / {@code MIDTRANS_TEST_MARIADB_URL} (set by
 * {@code .ci/run}).
 */
public final class DatabaseFixture implements AutoCloseable {

	/** The databases the schema is shipped for. */
	public enum Database {

		/** In-memory H2. */
		H2("h2", null),

		/** PostgreSQL from {@code MIDTRANS_TEST_POSTGRESQL_URL}. */
		POSTGRESQL("postgresql", "MIDTRANS_TEST_POSTGRESQL_URL"),

		/** MariaDB from {@code MIDTRANS_TEST_MARIADB_URL}. */
		MARIADB("mysql", "MIDTRANS_TEST_MARIADB_URL");

		private final String platform;

		private final String urlVariable;

		Database(String platform, String urlVariable) {
			this.platform = platform;
			this.urlVariable = urlVariable;
		}

		String url() {
			if (this.urlVariable == null) {
				return "jdbc:h2:mem:midtrans-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
			}
			String url = System.getenv(this.urlVariable);
			if (url == null || url.isBlank()) {
				throw new IllegalStateException(this.urlVariable + " is not set");
			}
			return url;
		}

		/**
		 * The schema script of this database.
		 * @return the class path location
		 */
		public String schema() {
			return "io/github/springmidtrans/schema/schema-" + this.platform + ".sql";
		}

		/**
		 * The platform name in the shipped scripts' file names.
		 * @return {@code h2}, {@code postgresql} or {@code mysql}
		 */
		public String platform() {
			return this.platform;
		}

	}

	// Children before parents, so that foreign keys never block a drop or a delete.
	private static final String[] TABLES = { "midtrans_event_publication", "midtrans_shedlock", "midtrans_notification",
			"midtrans_refund", "midtrans_payment_item", "midtrans_payment", "midtrans_subscription",
			"midtrans_invoice_item", "midtrans_invoice", "midtrans_pay_account" };

	private final HikariDataSource dataSource;

	private final LocalContainerEntityManagerFactoryBean factoryBean;

	private final EntityManagerFactory entityManagerFactory;

	private final JpaTransactionManager transactionManager;

	private final EntityManager entityManager;

	private final Database database;

	private final List<String> scripts;

	private final StatementRecorder statements = new StatementRecorder();

	private DatabaseFixture(Database database, List<String> scripts) {
		this.database = database;
		this.scripts = scripts;
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(database.url());
		config.setMaximumPoolSize(8);
		this.dataSource = new HikariDataSource(config);
		recreateSchema();
		this.factoryBean = new LocalContainerEntityManagerFactoryBean();
		this.factoryBean.setDataSource(this.dataSource);
		this.factoryBean.setPackagesToScan("io.github.springmidtrans.payment", "io.github.springmidtrans.notification",
				"io.github.springmidtrans.invoice", "io.github.springmidtrans.subscription",
				"io.github.springmidtrans.payaccount", "io.github.springmidtrans.event");
		this.factoryBean.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
		Properties properties = new Properties();
		properties.setProperty("hibernate.hbm2ddl.auto", "validate");
		this.factoryBean.setJpaProperties(properties);
		this.factoryBean.getJpaPropertyMap().put("hibernate.session_factory.statement_inspector", this.statements);
		this.factoryBean.afterPropertiesSet();
		this.entityManagerFactory = this.factoryBean.getObject();
		this.transactionManager = new JpaTransactionManager(this.entityManagerFactory);
		this.entityManager = SharedEntityManagerCreator.createSharedEntityManager(this.entityManagerFactory);
	}

	/**
	 * Start a fixture: drop the Midtrans tables, apply the shipped schema, start
	 * Hibernate with {@code ddl-auto=validate}.
	 * @param database the database
	 * @return the fixture
	 */
	public static DatabaseFixture start(Database database) {
		return new DatabaseFixture(database, List.of(database.schema()));
	}

	/**
	 * Start a fixture on tables made by other scripts: drop the Midtrans tables, apply
	 * the scripts in order (an earlier schema and its upgrades, say), start Hibernate
	 * with {@code ddl-auto=validate}.
	 * @param database the database
	 * @param scripts class path locations of the scripts
	 * @return the fixture
	 */
	public static DatabaseFixture start(Database database, String... scripts) {
		return new DatabaseFixture(database, List.of(scripts));
	}

	private void recreateSchema() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String table : TABLES) {
			jdbc.execute("drop table if exists " + table);
		}
		for (String script : this.scripts) {
			new ResourceDatabasePopulator(new ClassPathResource(script)).execute(this.dataSource);
		}
	}

	/**
	 * Delete every row, between tests.
	 */
	public void clear() {
		JdbcTemplate jdbc = new JdbcTemplate(this.dataSource);
		for (String table : TABLES) {
			jdbc.execute("delete from " + table);
		}
	}

	/**
	 * The database.
	 * @return the database
	 */
	public Database database() {
		return this.database;
	}

	/**
	 * The data source.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * A shared, transaction-bound entity manager.
	 * @return the entity manager
	 */
	public EntityManager entityManager() {
		return this.entityManager;
	}

	/**
	 * The entity manager factory.
	 * @return the factory
	 */
	public EntityManagerFactory entityManagerFactory() {
		return this.entityManagerFactory;
	}

	/**
	 * The transaction manager.
	 * @return the transaction manager
	 */
	public PlatformTransactionManager transactionManager() {
		return this.transactionManager;
	}

	/**
	 * Run work and return every SQL statement Hibernate prepared on this thread while it
	 * ran.
	 * @param work the work
	 * @return the statements, in order
	 */
	public List<String> recordStatements(Runnable work) {
		List<String> recorded = new ArrayList<>();
		this.statements.target.set(recorded);
		try {
			work.run();
		}
		finally {
			this.statements.target.remove();
		}
		return recorded;
	}

	/**
	 * Plain JDBC access for assertions.
	 * @return a template
	 */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(this.dataSource);
	}

	private static final class StatementRecorder implements StatementInspector {

		private final ThreadLocal<List<String>> target = new ThreadLocal<>();

		@Override
		public String inspect(String sql) {
			List<String> recorded = this.target.get();
			if (recorded != null) {
				recorded.add(sql);
			}
			return sql;
		}

	}

	@Override
	public void close() {
		this.factoryBean.destroy();
		this.dataSource.close();
	}

}
