package io.github.springmidtrans.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.init.DatabaseInitializationProperties;
import org.springframework.boot.sql.init.DatabaseInitializationMode;

/**
 * Creation of the Midtrans tables ({@code midtrans.jdbc.*}): by default only for embedded
 * databases; for a server database set {@code initialize-schema=always} once, or apply
 * the shipped scripts with your migration tool.
 *
 * @since 0.1.0
 */
@ConfigurationProperties("midtrans.jdbc")
public class MidtransJdbcProperties extends DatabaseInitializationProperties {

	private static final String DEFAULT_SCHEMA_LOCATION = "classpath:io/github/springmidtrans/schema/schema-@@platform@@.sql";

	public MidtransJdbcProperties() {
		setInitializeSchema(DatabaseInitializationMode.EMBEDDED);
	}

	@Override
	public String getDefaultSchemaLocation() {
		return DEFAULT_SCHEMA_LOCATION;
	}

}
