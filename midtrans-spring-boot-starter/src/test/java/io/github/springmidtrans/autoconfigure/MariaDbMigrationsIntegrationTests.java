package io.github.springmidtrans.autoconfigure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The migrations on MariaDB: each case in a database of its own, made afresh.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_MARIADB_URL", matches = ".+",
		disabledReason = "MariaDB not tested: set MIDTRANS_TEST_MARIADB_URL (.ci/run does)")
class MariaDbMigrationsIntegrationTests extends MigrationsIntegrationTests {

	private static final Pattern DATABASE = Pattern.compile("(jdbc:mariadb://[^/?]+/)([^?]*)(.*)");

	@Override
	String freshDatabase(String name) {
		String url = System.getenv("MIDTRANS_TEST_MARIADB_URL");
		JdbcTemplate jdbc = new JdbcTemplate(dataSource(url));
		jdbc.execute("drop database if exists " + name);
		jdbc.execute("create database " + name + " character set utf8mb4");
		Matcher matcher = DATABASE.matcher(url);
		if (!matcher.matches()) {
			throw new IllegalStateException("MIDTRANS_TEST_MARIADB_URL does not name a database");
		}
		return matcher.group(1) + name + matcher.group(3);
	}

	@Override
	String schemaScript() {
		return "io/github/springmidtrans/schema/schema-mysql.sql";
	}

	@Override
	String currentSchema() {
		return "database()";
	}

}
