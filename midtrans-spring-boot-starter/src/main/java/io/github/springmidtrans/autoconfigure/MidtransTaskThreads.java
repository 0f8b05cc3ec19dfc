package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.task.TaskProperties;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The starter's own scheduler and executor, held rather than registered as beans: a bean
 * of type {@link TaskScheduler} or {@link Executor} would make Spring Boot back off from
 * creating the application's {@code taskScheduler} and {@code applicationTaskExecutor}. A
 * {@code midtransTaskScheduler} or {@code midtransTaskExecutor} bean of the application
 * is used instead of the matching pool, and left for its owner to shut down.
 */
final class MidtransTaskThreads {

	private final TaskScheduler scheduler;

	private final Executor executor;

	private final @Nullable ThreadPoolTaskScheduler ownScheduler;

	private final @Nullable ThreadPoolTaskExecutor ownExecutor;

	MidtransTaskThreads(TaskProperties settings, @Nullable TaskScheduler scheduler, @Nullable Executor executor) {
		if (scheduler != null) {
			this.scheduler = scheduler;
			this.ownScheduler = null;
		}
		else {
			ThreadPoolTaskScheduler pool = new ThreadPoolTaskScheduler();
			pool.setPoolSize(settings.getSchedulerPoolSize());
			pool.setThreadNamePrefix("midtrans-scheduler-");
			pool.initialize();
			this.scheduler = pool;
			this.ownScheduler = pool;
		}
		if (executor != null) {
			this.executor = executor;
			this.ownExecutor = null;
		}
		else {
			ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
			pool.setCorePoolSize(settings.getPoolSize());
			pool.setMaxPoolSize(settings.getPoolSize());
			pool.setQueueCapacity(settings.getQueueCapacity());
			pool.setThreadNamePrefix("midtrans-task-");
			pool.setWaitForTasksToCompleteOnShutdown(true);
			pool.setAwaitTerminationSeconds(30);
			pool.initialize();
			this.executor = pool;
			this.ownExecutor = pool;
		}
	}

	/**
	 * Where the periodic jobs start and retries wait.
	 * @return the scheduler
	 */
	TaskScheduler scheduler() {
		return this.scheduler;
	}

	/**
	 * Where task work runs.
	 * @return the executor
	 */
	Executor executor() {
		return this.executor;
	}

	/**
	 * Shut down the pools this holder created (not the application's).
	 */
	void shutdown() {
		if (this.ownScheduler != null) {
			this.ownScheduler.shutdown();
		}
		if (this.ownExecutor != null) {
			this.ownExecutor.shutdown();
		}
	}

}
