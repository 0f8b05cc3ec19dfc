package io.github.springmidtrans.autoconfigure;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import io.github.springmidtrans.task.JobGuard;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With ShedLock's JDBC provider on the class path, each periodic job holds a lock in the
 * {@code midtrans_shedlock} table (created by the shipped schema) while it runs, so that
 * several instances on one database run it once per period. Lock times are the
 * database's, not the instances' clocks.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = MidtransTaskAutoConfiguration.class)
@ConditionalOnClass({ LockingTaskExecutor.class, JdbcTemplateLockProvider.class })
@ConditionalOnBean(DataSource.class)
public final class MidtransShedLockAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "midtransJobGuard")
	JobGuard midtransJobGuard(DataSource dataSource, MidtransProperties properties) {
		JdbcTemplateLockProvider provider = new JdbcTemplateLockProvider(
				JdbcTemplateLockProvider.Configuration.builder()
					.withJdbcTemplate(new JdbcTemplate(dataSource))
					.withTableName("midtrans_shedlock")
					.usingDbTime()
					.build());
		LockingTaskExecutor executor = new DefaultLockingTaskExecutor(provider);
		MidtransProperties.Tasks tasks = properties.getTasks();
		return new ShedLockJobGuard(executor, tasks.getLockAtMostFor(), tasks.getLockAtLeastFor());
	}

	/**
	 * Runs a job only while holding its lock.
	 */
	static final class ShedLockJobGuard implements JobGuard {

		private final LockingTaskExecutor executor;

		private final Duration lockAtMostFor;

		private final Duration lockAtLeastFor;

		ShedLockJobGuard(LockingTaskExecutor executor, Duration lockAtMostFor, Duration lockAtLeastFor) {
			this.executor = executor;
			this.lockAtMostFor = lockAtMostFor;
			this.lockAtLeastFor = lockAtLeastFor;
		}

		@Override
		public boolean run(String name, Runnable job) {
			boolean[] ran = new boolean[1];
			this.executor.executeWithLock((Runnable) () -> {
				ran[0] = true;
				job.run();
			}, new LockConfiguration(Instant.now(), name, this.lockAtMostFor, this.lockAtLeastFor));
			return ran[0];
		}

	}

}
