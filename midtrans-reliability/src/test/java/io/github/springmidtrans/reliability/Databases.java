package io.github.springmidtrans.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The PostgreSQL database of these tests: {@code midtrans_reliability} on the server that
 * {@code MIDTRANS_TEST_POSTGRESQL_URL} names, created when absent, so that killing
 * applications and dropping tables here never disturbs other suites using that server.
 * {@code MIDTRANS_RELIABILITY_DATABASE} names another database, for two runs side by
 * side.
 */
final class Databases {

	static final String POSTGRESQL_URL_VARIABLE = "MIDTRANS_TEST_POSTGRESQL_URL";

	private static final String DATABASE = databaseName();

	private Databases() {
	}

	private static String databaseName() {
		String name = System.getenv("MIDTRANS_RELIABILITY_DATABASE");
		if (name == null || name.isBlank()) {
			return "midtrans_reliability";
		}
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalStateException("MIDTRANS_RELIABILITY_DATABASE must be a plain lower-case name");
		}
		return name;
	}

	/**
	 * The JDBC URL of this suite's PostgreSQL database, created if needed, with empty
	 * Midtrans tables.
	 * @return the URL, or {@code null} when no PostgreSQL server is configured
	 */
	static @Nullable String freshPostgresql() {
		String server = System.getenv(POSTGRESQL_URL_VARIABLE);
		if (server == null || server.isBlank()) {
			return null;
		}
		String url = server.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + DATABASE);
		try {
			try (Connection admin = DriverManager.getConnection(server);
					Statement statement = admin.createStatement()) {
				ResultSet exists = statement
					.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
				if (!exists.next()) {
					statement.execute("create database " + DATABASE);
				}
			}
			try (Connection connection = DriverManager.getConnection(url);
					Statement statement = connection.createStatement()) {
				statement.execute("drop schema if exists public cascade");
				statement.execute("create schema public");
				ScriptUtils.executeSqlScript(connection,
						new ClassPathResource("io/github/springmidtrans/schema/schema-postgresql.sql"));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not prepare database " + DATABASE + ": " + ex.getMessage(), ex);
		}
		return url;
	}

}
