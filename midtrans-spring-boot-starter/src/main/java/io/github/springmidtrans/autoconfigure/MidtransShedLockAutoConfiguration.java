package io.github.springmidtrans.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.springmidtrans.task.TaskProperties;
import io.github.springmidtrans.task.JobGuard;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * With ShedLock's JDBC provider on the class path, each periodic job holds a lock in the
 * {@code midtrans_shedlock} table (created by the shipped schema) while it runs, so that
 * several instances on one database run it once per period, and never two at once: the
 * lock is kept alive while a run lasts. Lock times are the database's, not the instances'
 * clocks.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = MidtransTaskAutoConfiguration.class)
@ConditionalOnClass({ LockingTaskExecutor.class, JdbcTemplateLockProvider.class })
@ConditionalOnBean(DataSource.class)
@EnableConfigurationProperties(MidtransProperties.class)
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
		TaskProperties tasks = properties.getTasks();
		return new ShedLockJobGuard(provider, tasks.getLockAtMostFor(), tasks.getLockAtLeastFor());
	}

	/**
	 * Runs a job only while holding its lock, and keeps the lock alive while the job
	 * runs: every third of {@code lock-at-most-for} the lock is extended by ShedLock's
	 * {@link SimpleLock#extend}, so a run longer than {@code lock-at-most-for} never lets
	 * another instance start the same job. When the instance dies, nobody extends the
	 * lock and it ends {@code lock-at-most-for} after the last extension.
	 */
	static final class ShedLockJobGuard implements JobGuard, DisposableBean {

		private static final Logger logger = LoggerFactory.getLogger(ShedLockJobGuard.class);

		private final LockProvider provider;

		private final Duration lockAtMostFor;

		private final Duration lockAtLeastFor;

		private final ScheduledExecutorService keeper;

		ShedLockJobGuard(LockProvider provider, Duration lockAtMostFor, Duration lockAtLeastFor) {
			this.provider = provider;
			this.lockAtMostFor = lockAtMostFor;
			this.lockAtLeastFor = lockAtLeastFor;
			this.keeper = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "midtrans-lock-keeper");
				thread.setDaemon(true);
				return thread;
			});
		}

		@Override
		public boolean run(String name, Runnable job) {
			Optional<SimpleLock> acquired = this.provider
				.lock(new LockConfiguration(Instant.now(), name, this.lockAtMostFor, this.lockAtLeastFor));
			if (acquired.isEmpty()) {
				return false;
			}
			KeptLock kept = new KeptLock(name, acquired.get());
			long periodMillis = Math.max(50, this.lockAtMostFor.toMillis() / 3);
			ScheduledFuture<?> extending = this.keeper.scheduleAtFixedRate(kept::extend, periodMillis, periodMillis,
					TimeUnit.MILLISECONDS);
			try {
				job.run();
			}
			finally {
				extending.cancel(false);
				kept.release();
			}
			return true;
		}

		@Override
		public void destroy() {
			this.keeper.shutdownNow();
		}

		/**
		 * A held lock, extended until released.
		 */
		private final class KeptLock {

			private final String name;

			private @Nullable SimpleLock lock;

			KeptLock(String name, SimpleLock lock) {
				this.name = name;
				this.lock = lock;
			}

			synchronized void extend() {
				SimpleLock current = this.lock;
				if (current == null) {
					return;
				}
				try {
					Optional<SimpleLock> extended = current.extend(ShedLockJobGuard.this.lockAtMostFor,
							ShedLockJobGuard.this.lockAtLeastFor);
					if (extended.isPresent()) {
						this.lock = extended.get();
						return;
					}
					this.lock = null;
					logger.error("Lost the lock of job {} while it runs: another instance may start it", this.name);
				}
				catch (RuntimeException ex) {
					// The database may be back before the lock runs out: try again next
					// time.
					logger.warn("Could not extend the lock of job {}: {}", this.name, ex.getMessage());
				}
			}

			synchronized void release() {
				SimpleLock current = this.lock;
				this.lock = null;
				if (current != null) {
					current.unlock();
				}
			}

		}

	}

}
