package io.github.springmidtrans.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;

/**
 * The PostgreSQL database of the benchmarks: a database of its own
 * ({@code bench.database}, {@code midtrans_bench} unless set, created when missing) so
 * that nothing else using the server is disturbed, or, when it cannot be created, a
 * schema of that name in the configured database. Every benchmark starts from freshly
 * created tables.
 */
final class BenchDatabase {

	static final String DATABASE = databaseName(System.getProperty("bench.database", "midtrans_bench"));

	private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/]+/)([^?]*)(\\?.*)?");

	private final String url;

	private final String note;

	private BenchDatabase(String url, String note) {
		this.url = url;
		this.note = note;
	}

	/**
	 * Find or create the benchmark database from the configured URL.
	 */
	static BenchDatabase prepare(String configuredUrl) throws SQLException {
		Matcher matcher = URL.matcher(configuredUrl);
		if (!matcher.matches()) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + configuredUrl);
		}
		String query = (matcher.group(3) != null) ? matcher.group(3) : "?";
		String separator = query.length() > 1 ? "&" : "";
		try (Connection connection = DriverManager.getConnection(configuredUrl);
				Statement statement = connection.createStatement()) {
			boolean exists;
			try (ResultSet rows = statement
				.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				exists = rows.next();
			}
			if (!exists) {
				statement.execute("create database " + DATABASE);
			}
			return new BenchDatabase(matcher.group(1) + DATABASE + query + separator + "currentSchema=" + DATABASE,
					"database `" + DATABASE + "`, schema `" + DATABASE + "`");
		}
		catch (SQLException ex) {
			System.out.println("[benchmarks] cannot use a database of its own (" + ex.getMessage() + "); using schema "
					+ DATABASE + " of " + matcher.group(2));
			return new BenchDatabase(
					matcher.group(1) + matcher.group(2) + query + separator + "currentSchema=" + DATABASE,
					"schema `" + DATABASE + "` of database `" + matcher.group(2) + "`");
		}
	}

	String url() {
		return this.url;
	}

	String note() {
		return this.note;
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url);
	}

	/**
	 * Drop and re-create the schema with the starter's PostgreSQL tables.
	 */
	void recreateTables() throws SQLException, IOException {
		String script;
		try (InputStream in = BenchDatabase.class
			.getResourceAsStream("/io/github/springmidtrans/schema/schema-postgresql.sql")) {
			if (in == null) {
				throw new IllegalStateException("The starter's PostgreSQL schema is not on the class path");
			}
			script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + DATABASE + " cascade");
			statement.execute("create schema " + DATABASE);
			statement.execute("set search_path to " + DATABASE);
			StringBuilder current = new StringBuilder();
			for (String line : script.split("\n")) {
				if (line.trim().startsWith("--")) {
					continue;
				}
				current.append(line).append('\n');
				if (line.trim().endsWith(";")) {
					statement.execute(current.toString());
					current.setLength(0);
				}
			}
		}
	}

	/**
	 * Bulk-load rows with COPY.
	 * @param table the table
	 * @param columns the columns, comma-separated
	 * @param csv the rows, CSV without a header
	 * @return rows copied
	 */
	long copy(String table, String columns, CharSequence csv) throws SQLException, IOException {
		try (Connection connection = connect()) {
			return connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("copy " + table + " (" + columns + ") from stdin with (format csv)",
						new StringReader(csv.toString()));
		}
	}

	/**
	 * Count rows by a query answering one number.
	 */
	long count(String sql) throws SQLException {
		try (Connection connection = connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	void execute(String sql) throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static String databaseName(String name) {
		if (!name.matches("[a-z_][a-z0-9_]*")) {
			throw new IllegalArgumentException("bench.database must be a lower-case SQL name, not '" + name + "'");
		}
		return name;
	}

}
