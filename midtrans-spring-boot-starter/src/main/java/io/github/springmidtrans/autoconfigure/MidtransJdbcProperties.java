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

	private final Flyway flyway = new Flyway();

	public MidtransJdbcProperties() {
		setInitializeSchema(DatabaseInitializationMode.EMBEDDED);
	}

	public Flyway getFlyway() {
		return this.flyway;
	}

	@Override
	public String getDefaultSchemaLocation() {
		return DEFAULT_SCHEMA_LOCATION;
	}

	/**
	 * The starter's own Flyway migrations ({@code midtrans.jdbc.flyway.*}), kept in a
	 * history table of their own.
	 *
	 * @since 0.1.0
	 */
	public static class Flyway {

		/**
		 * Whether to create and upgrade the Midtrans tables with the shipped Flyway
		 * migrations (needs Flyway on the class path) instead of the schema script.
		 */
		private boolean enabled;

		/**
		 * Version to record when the migrations first meet a database that already has
		 * tables: 0 runs every migration, 1 takes the Midtrans tables made by the schema
		 * script of this version as migrated.
		 */
		private String baselineVersion = "0";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBaselineVersion() {
			return this.baselineVersion;
		}

		public void setBaselineVersion(String baselineVersion) {
			this.baselineVersion = baselineVersion;
		}

	}

}
