package io.github.springmidtrans.autoconfigure;

import java.sql.DatabaseMetaData;
import java.util.Set;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * Creates and upgrades the Midtrans tables with the Flyway migrations shipped in
 * {@code midtrans-core} ({@value #LOCATION}{@code <vendor>}), recorded in a history table
 * of their own ({@value #HISTORY_TABLE}), so that they never mix with the application's
 * own migrations and versions. Runs at startup, after the application's own Flyway or
 * Liquibase migrations and before JPA, when {@code midtrans.jdbc.flyway.enabled} is true.
 *
 * @since 0.1.0
 */
public class MidtransFlywayMigration implements InitializingBean {

	/** Class path folder of the migrations; the vendor folder is appended. */
	public static final String LOCATION = "classpath:io/github/springmidtrans/db/migration/";

	/** Flyway's history table of the Midtrans migrations. */
	public static final String HISTORY_TABLE = "midtrans_flyway_history";

	private static final Set<DatabaseDriver> SUPPORTED = Set.of(DatabaseDriver.H2, DatabaseDriver.POSTGRESQL,
			DatabaseDriver.MYSQL, DatabaseDriver.MARIADB);

	private final DataSource dataSource;

	private final String baselineVersion;

	/**
	 * Create a migration.
	 * @param dataSource the application's data source
	 * @param baselineVersion the version to record for a database that has tables but no
	 * Midtrans history yet
	 */
	public MidtransFlywayMigration(DataSource dataSource, String baselineVersion) {
		this.dataSource = dataSource;
		this.baselineVersion = baselineVersion;
	}

	@Override
	public void afterPropertiesSet() {
		DatabaseDriver driver = driver();
		Flyway.configure(getClass().getClassLoader())
			.dataSource(this.dataSource)
			.locations(LOCATION + driver.getId())
			.table(HISTORY_TABLE)
			// The application's own tables (or its own Flyway history) may be there
			// already.
			.baselineOnMigrate(true)
			.baselineVersion(this.baselineVersion)
			.baselineDescription("Midtrans baseline")
			.load()
			.migrate();
	}

	private DatabaseDriver driver() {
		String url;
		try {
			url = JdbcUtils.extractDatabaseMetaData(this.dataSource, DatabaseMetaData::getURL);
		}
		catch (MetaDataAccessException ex) {
			throw new IllegalStateException("Could not read the database's JDBC URL for the Midtrans migrations", ex);
		}
		DatabaseDriver driver = DatabaseDriver.fromJdbcUrl(url);
		if (!SUPPORTED.contains(driver)) {
			throw new IllegalStateException(
					"The Midtrans migrations exist for H2, PostgreSQL, MySQL and MariaDB, not for " + driver
							+ ": set midtrans.jdbc.flyway.enabled=false and create the tables yourself");
		}
		return driver;
	}

}
