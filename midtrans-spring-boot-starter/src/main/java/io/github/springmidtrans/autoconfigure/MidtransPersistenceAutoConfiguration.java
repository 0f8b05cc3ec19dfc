package io.github.springmidtrans.autoconfigure;

import java.util.Map;

import javax.sql.DataSource;

import io.github.springmidtrans.event.MidtransEventPublication;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.notification.MidtransNotification;
import io.github.springmidtrans.payaccount.MidtransPayAccount;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.subscription.MidtransSubscription;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.init.PropertiesBasedDataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.autoconfigure.init.OnDatabaseInitializationCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * Midtrans entities and tables. The entity packages join the application's
 * auto-configuration packages, so Boot's JPA setup finds them next to the application's
 * own entities; an application that declares {@code @EntityScan} replaces those packages
 * and must list {@code io.github.springmidtrans} itself. The tables are created by the
 * shipped script of the database ({@code midtrans.jdbc.initialize-schema}, embedded
 * databases only by default), or by the shipped Flyway migrations when
 * {@code midtrans.jdbc.flyway.enabled} is true.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
@ConditionalOnClass({ EntityManagerFactory.class, MidtransPayment.class })
@AutoConfigurationPackage(basePackageClasses = { MidtransPayment.class, MidtransNotification.class,
		MidtransInvoice.class, MidtransSubscription.class, MidtransPayAccount.class, MidtransEventPublication.class })
@EnableConfigurationProperties(MidtransJdbcProperties.class)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MidtransSchemaRuntimeHints.class)
public final class MidtransPersistenceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(DataSource.class)
	@Conditional(OnMidtransDatabaseInitializationCondition.class)
	@ConditionalOnBooleanProperty(name = "midtrans.jdbc.flyway.enabled", havingValue = false, matchIfMissing = true)
	MidtransDataSourceScriptDatabaseInitializer midtransDataSourceScriptDatabaseInitializer(DataSource dataSource,
			MidtransJdbcProperties properties) {
		return new MidtransDataSourceScriptDatabaseInitializer(dataSource, properties);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.flywaydb.core.Flyway")
	@ConditionalOnBooleanProperty("midtrans.jdbc.flyway.enabled")
	static class FlywayMigrationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(DataSource.class)
		MidtransFlywayMigration midtransFlywayMigration(DataSource dataSource, MidtransJdbcProperties properties) {
			return new MidtransFlywayMigration(dataSource, properties.getFlyway().getBaselineVersion());
		}

	}

	/**
	 * Runs the shipped schema script of the application's database; MariaDB uses the
	 * MySQL script.
	 *
	 * @since 0.1.0
	 */
	public static class MidtransDataSourceScriptDatabaseInitializer
			extends PropertiesBasedDataSourceScriptDatabaseInitializer<MidtransJdbcProperties> {

		/**
		 * Create an initializer.
		 * @param dataSource the data source
		 * @param properties the {@code midtrans.jdbc} properties
		 */
		public MidtransDataSourceScriptDatabaseInitializer(DataSource dataSource, MidtransJdbcProperties properties) {
			super(dataSource, properties, Map.of(DatabaseDriver.MARIADB, "mysql"));
		}

	}

	static class OnMidtransDatabaseInitializationCondition extends OnDatabaseInitializationCondition {

		OnMidtransDatabaseInitializationCondition() {
			super("Midtrans", "midtrans.jdbc.initialize-schema");
		}

	}

}
