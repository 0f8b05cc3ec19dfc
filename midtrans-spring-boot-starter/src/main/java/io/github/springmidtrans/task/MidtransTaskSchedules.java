package io.github.springmidtrans.task;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import io.github.springmidtrans.autoconfigure.MidtransConfigurationException;
import io.github.springmidtrans.autoconfigure.MidtransProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.support.CronTrigger;

/**
 * Runs the periodic payment jobs on their {@code midtrans.tasks.<job>.cron} schedules, on
 * the starter's own scheduler: the application's scheduling is left alone. A job that
 * fails is logged and runs again at its next time.
 *
 * @since 0.1.0
 */
public class MidtransTaskSchedules implements SmartLifecycle {

	/** Name of the check-pending-payments job, also used for locks and metrics. */
	public static final String CHECK_PENDING_PAYMENTS = "midtrans.check-pending-payments";

	/** Name of the expire-stale-payments job. */
	public static final String EXPIRE_STALE_PAYMENTS = "midtrans.expire-stale-payments";

	/** Name of the check-overdue-invoices job. */
	public static final String CHECK_OVERDUE_INVOICES = "midtrans.check-overdue-invoices";

	/** Name of the sync-subscription-status job. */
	public static final String SYNC_SUBSCRIPTION_STATUS = "midtrans.sync-subscription-status";

	private static final Logger logger = LoggerFactory.getLogger(MidtransTaskSchedules.class);

	private final TaskScheduler scheduler;

	private final JobGuard guard;

	private final List<JobRunListener> listeners;

	private final Map<String, Supplier<?>> work = new LinkedHashMap<>();

	private final Map<String, JobRun> lastRuns = new ConcurrentHashMap<>();

	private final Map<String, CronTrigger> triggers = new LinkedHashMap<>();

	private final List<ScheduledFuture<?>> running = new ArrayList<>();

	private final TimeZone zone;

	private volatile boolean started;

	/**
	 * Create the schedules.
	 * @param scheduler the scheduler to run on
	 * @param tasks the tasks
	 * @param settings {@code midtrans.tasks}
	 * @param guard decides whether a job runs now
	 * @param listeners told about every run
	 */
	public MidtransTaskSchedules(TaskScheduler scheduler, PaymentTaskService tasks, MidtransProperties.Tasks settings,
			JobGuard guard, List<JobRunListener> listeners) {
		this.scheduler = scheduler;
		this.guard = guard;
		this.listeners = List.copyOf(listeners);
		this.zone = settings.getZone().isBlank() ? TimeZone.getDefault()
				: TimeZone.getTimeZone(ZoneId.of(settings.getZone()));
		add(CHECK_PENDING_PAYMENTS, "check-pending-payments", settings.getCheckPendingPayments(),
				tasks::checkPendingPayments);
		add(EXPIRE_STALE_PAYMENTS, "expire-stale-payments", settings.getExpireStalePayments(),
				tasks::expireStalePayments);
		add(CHECK_OVERDUE_INVOICES, "check-overdue-invoices", settings.getCheckOverdueInvoices(),
				tasks::checkOverdueInvoices);
		add(SYNC_SUBSCRIPTION_STATUS, "sync-subscription-status", settings.getSyncSubscriptionStatus(),
				tasks::syncSubscriptionStatus);
	}

	private void add(String name, String key, MidtransProperties.Job job, Supplier<?> work) {
		this.work.put(name, work);
		this.lastRuns.put(name, new JobRun(name, null, null, null, null, 0, 0, 0));
		String cron = job.getCron().trim();
		if (!job.isEnabled() || "-".equals(cron)) {
			return;
		}
		CronTrigger trigger;
		try {
			trigger = new CronTrigger(cron, this.zone);
		}
		catch (IllegalArgumentException ex) {
			// At startup, naming the key, rather than at the first run.
			throw new MidtransConfigurationException("midtrans.tasks." + key + ".cron",
					"is not a valid cron expression (" + ex.getMessage() + ")",
					"Use six fields with seconds, such as \"0 */10 * * * *\", or \"-\" to disable the job.");
		}
		this.triggers.put(name, trigger);
	}

	/**
	 * The jobs that run, by name, with their cron expressions.
	 * @return job names and expressions
	 */
	public Map<String, String> schedules() {
		Map<String, String> schedules = new LinkedHashMap<>();
		this.triggers.forEach((name, trigger) -> schedules.put(name, trigger.getExpression()));
		return schedules;
	}

	/**
	 * Run a job now, outside its schedule, through the same guard (with ShedLock, not
	 * while another instance runs it).
	 * @param name the job's name
	 * @return the job's run afterwards
	 * @throws IllegalArgumentException for an unknown job name
	 */
	public JobRun runNow(String name) {
		Supplier<?> job = this.work.get(name);
		if (job == null) {
			throw new IllegalArgumentException("No Midtrans job named '" + name + "'; jobs are " + this.work.keySet());
		}
		run(name, job);
		return this.lastRuns.get(name);
	}

	/**
	 * The last run of every job on this instance, including jobs without a schedule.
	 * @return runs by job name
	 */
	public Map<String, JobRun> lastRuns() {
		Map<String, JobRun> runs = new LinkedHashMap<>();
		this.work.keySet().forEach((name) -> runs.put(name, this.lastRuns.get(name)));
		return runs;
	}

	@Override
	public synchronized void start() {
		this.triggers.forEach((name, trigger) -> this.running
			.add(this.scheduler.schedule(() -> run(name, this.work.get(name)), trigger)));
		this.started = true;
	}

	@Override
	public synchronized void stop() {
		this.running.forEach((future) -> future.cancel(false));
		this.running.clear();
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	private void run(String name, Supplier<?> work) {
		boolean ran = this.guard.run(name, () -> {
			Instant started = Instant.now();
			try {
				Object result = work.get();
				logger.debug("Job {} finished: {}", name, result);
				record(name, started, String.valueOf(result), null,
						(result instanceof JobResult job) ? job.items() : 0);
			}
			catch (RuntimeException ex) {
				logger.warn("Job {} failed; it runs again at its next time: {}", name, ex.getMessage());
				record(name, started, null, ex.getMessage(), 0);
			}
		});
		if (!ran) {
			logger.debug("Job {} skipped: another instance holds it", name);
			this.lastRuns.computeIfPresent(name, (key, last) -> new JobRun(name, last.startedAt(), last.finishedAt(),
					last.result(), last.error(), last.runs(), last.skipped() + 1, last.items()));
		}
	}

	private void record(String name, Instant started, @Nullable String result, @Nullable String error, int items) {
		JobRun run = this.lastRuns.compute(name, (key, last) -> new JobRun(name, started, Instant.now(), result, error,
				((last != null) ? last.runs() : 0) + 1, (last != null) ? last.skipped() : 0, items));
		for (JobRunListener listener : this.listeners) {
			try {
				listener.onJobRun(run);
			}
			catch (RuntimeException ex) {
				logger.debug("Job run listener failed: {}", ex.toString());
			}
		}
	}

}
