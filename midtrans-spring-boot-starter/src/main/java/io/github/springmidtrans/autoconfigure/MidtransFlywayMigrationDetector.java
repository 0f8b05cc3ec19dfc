package io.github.springmidtrans.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.util.ClassUtils;

/**
 * Tells Boot that {@link MidtransFlywayMigration} initializes the database, so that JPA
 * and the other users of the database start after it, and that it runs after the
 * application's own migrations (Boot's Flyway or Liquibase).
 */
class MidtransFlywayMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	/**
	 * After Boot's {@code FlywayMigrationInitializer} (1) and Liquibase (0), before the
	 * {@code spring.sql.init} scripts. The application's Flyway then meets the schema as
	 * it would without the starter: on an empty database it starts from its own first
	 * version instead of refusing a schema with tables but no history of its own.
	 */
	static final int ORDER = 2;

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		// Flyway is optional: without it there is no such bean, and its type is not
		// loaded.
		if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", getClass().getClassLoader())) {
			return Set.of();
		}
		return Set.of(MidtransFlywayMigration.class);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

}
