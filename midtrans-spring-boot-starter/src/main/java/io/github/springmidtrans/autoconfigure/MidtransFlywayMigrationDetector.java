package io.github.springmidtrans.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.util.ClassUtils;

/**
 * Tells Boot that {@link MidtransFlywayMigration} initializes the database, so that JPA
 * and the other users of the database start after it.
 */
class MidtransFlywayMigrationDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		// Flyway is optional: without it there is no such bean, and its type is not
		// loaded.
		if (!ClassUtils.isPresent("org.flywaydb.core.Flyway", getClass().getClassLoader())) {
			return Set.of();
		}
		return Set.of(MidtransFlywayMigration.class);
	}

}
