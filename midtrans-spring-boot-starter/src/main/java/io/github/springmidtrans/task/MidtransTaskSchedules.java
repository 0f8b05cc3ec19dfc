package io.github.springmidtrans.task;

import java.time.Instant;
import java.time.ZoneId;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.scheduling.support.DefaultScheduledTaskObservationConvention;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;
import org.springframework.scheduling.support.ScheduledTaskObservationDocumentation;
import org.springframework.util.ReflectionUtils;

/**
 * Runs the periodic payment jobs on their {@code midtrans.tasks.<job>.cron} schedules, on
 * the starter's own scheduler: the application's scheduling is left alone. A job that
 * fails is logged and runs again at its next time.
 * <p>
 * The jobs are registered through a {@link ScheduledTaskRegistrar}, so that Actuator's
 * {@code scheduledtasks} endpoint lists them (as cron tasks named after the job, such as
 * {@code midtrans.check-pending-payments}), and each run is observed as Spring's
 * {@code tasks.scheduled.execution} observation of the {@link PaymentTaskService} method
 * the job calls: a timer with Micrometer, a span with a tracer.
 *
 * @since 0.1.0
 */
public class MidtransTaskSchedules implements SmartLifecycle, ScheduledTaskHolder {

	/** Name of the check-pending-payments job, also used for locks and metrics. */
	public static final String CHECK_PENDING_PAYMENTS = "midtrans.check-pending-payments";

	/** Name of the expire-stale-payments job. */
	public static final String EXPIRE_STALE_PAYMENTS = "midtrans.expire-stale-payments";

	/** Name of the check-overdue-invoices job. */
	public static final String CHECK_OVERDUE_INVOICES = "midtrans.check-overdue-invoices";

	/** Name of the sync-subscription-status job. */
	public static final String SYNC_SUBSCRIPTION_STATUS = "midtrans.sync-subscription-status";

	/** Name of the redeliver-events job, present with the event outbox. */
	public static final String REDELIVER_EVENTS = "midtrans.redeliver-events";

	/** Name of the job that deletes old notification audit rows. */
	public static final String PURGE_NOTIFICATIONS = "midtrans.purge-notifications";

	private static final Logger logger = LoggerFactory.getLogger(MidtransTaskSchedules.class);

	private static final DefaultScheduledTaskObservationConvention DEFAULT_CONVENTION = new DefaultScheduledTaskObservationConvention();

	private final TaskScheduler scheduler;

	private final PaymentTaskService tasks;

	private final JobGuard guard;

	private final ObservationRegistry observations;

	private final List<JobRunListener> listeners;

	private final Map<String, Supplier<?>> work = new LinkedHashMap<>();

	private final Map<String, JobRun> lastRuns = new ConcurrentHashMap<>();

	private final Map<String, CronTrigger> triggers = new LinkedHashMap<>();

	private final Map<String, AtomicBoolean> running = new ConcurrentHashMap<>();

	private final Map<String, Method> methods = new LinkedHashMap<>();

	private @Nullable ScheduledTaskRegistrar registrar;

	private @Nullable ScheduledFuture<?> startupRedelivery;

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
	public MidtransTaskSchedules(TaskScheduler scheduler, PaymentTaskService tasks, TaskProperties settings,
			JobGuard guard, List<JobRunListener> listeners) {
		this(scheduler, tasks, settings, guard, listeners, ObservationRegistry.NOOP);
	}

	/**
	 * Create the schedules, observing every run.
	 * @param scheduler the scheduler to run on
	 * @param tasks the tasks
	 * @param settings {@code midtrans.tasks}
	 * @param guard decides whether a job runs now
	 * @param listeners told about every run
	 * @param observations observes every run as {@code tasks.scheduled.execution}
	 * @since 0.1.0
	 */
	public MidtransTaskSchedules(TaskScheduler scheduler, PaymentTaskService tasks, TaskProperties settings,
			JobGuard guard, List<JobRunListener> listeners, ObservationRegistry observations) {
		this.scheduler = scheduler;
		this.tasks = tasks;
		this.guard = guard;
		this.observations = observations;
		this.listeners = List.copyOf(listeners);
		this.zone = settings.getZone().isBlank() ? TimeZone.getDefault()
				: TimeZone.getTimeZone(ZoneId.of(settings.getZone()));
		add(CHECK_PENDING_PAYMENTS, "check-pending-payments", settings.getCheckPendingPayments(),
				"checkPendingPayments", tasks::checkPendingPayments);
		add(EXPIRE_STALE_PAYMENTS, "expire-stale-payments", settings.getExpireStalePayments(), "expireStalePayments",
				tasks::expireStalePayments);
		add(CHECK_OVERDUE_INVOICES, "check-overdue-invoices", settings.getCheckOverdueInvoices(),
				"checkOverdueInvoices", tasks::checkOverdueInvoices);
		add(SYNC_SUBSCRIPTION_STATUS, "sync-subscription-status", settings.getSyncSubscriptionStatus(),
				"syncSubscriptionStatus", tasks::syncSubscriptionStatus);
	}

	private void add(String name, String key, TaskProperties.Job job, String method, Supplier<?> work) {
		this.work.put(name, work);
		Method called = ReflectionUtils.findMethod(PaymentTaskService.class, method);
		if (called != null) {
			this.methods.put(name, called);
		}
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
			throw new InvalidScheduleException("midtrans.tasks." + key + ".cron", cron, ex);
		}
		this.triggers.put(name, trigger);
	}

	/**
	 * Add the job that delivers again the events of the event outbox that a listener
	 * failed or a crash interrupted. When scheduled, it also runs once as soon as the
	 * schedules start, to deliver what a previous run of the application left
	 * undelivered. Call before {@link #start()}.
	 * @param job {@code midtrans.tasks.redeliver-events}
	 * @param redelivery the work, such as
	 * {@link io.github.springmidtrans.event.MidtransEventOutbox#redeliver()}
	 */
	public synchronized void addEventRedelivery(TaskProperties.Job job, Supplier<?> redelivery) {
		add(REDELIVER_EVENTS, "redeliver-events", job, "", redelivery);
	}

	/**
	 * Add the job that deletes notification audit rows older than their retention. Call
	 * before {@link #start()}.
	 * @param job {@code midtrans.tasks.purge-notifications}
	 * @param purge the work, answering how many rows it deleted
	 */
	public synchronized void addNotificationPurge(TaskProperties.Job job, IntSupplier purge) {
		add(PURGE_NOTIFICATIONS, "purge-notifications", job, "", () -> new PurgeNotificationsResult(purge.getAsInt()));
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

	/**
	 * The jobs scheduled now, for Actuator's {@code scheduledtasks} endpoint: one cron
	 * task per job, named after the job. Empty before {@link #start()} and after
	 * {@link #stop()}.
	 * @return the scheduled jobs
	 */
	@Override
	public synchronized Set<ScheduledTask> getScheduledTasks() {
		return (this.registrar != null) ? this.registrar.getScheduledTasks() : Set.of();
	}

	@Override
	public synchronized void start() {
		if (this.registrar != null) {
			return;
		}
		ScheduledTaskRegistrar registrar = new ScheduledTaskRegistrar();
		registrar.setTaskScheduler(this.scheduler);
		this.triggers.forEach((name, trigger) -> registrar.addCronTask(new CronTask(new Job(name), trigger)));
		registrar.afterPropertiesSet();
		this.registrar = registrar;
		if (this.triggers.containsKey(REDELIVER_EVENTS)) {
			// Events recorded but not delivered before a restart wait for no schedule.
			this.startupRedelivery = this.scheduler.schedule(new Job(REDELIVER_EVENTS), Instant.now());
		}
		this.started = true;
	}

	@Override
	public synchronized void stop() {
		if (this.registrar != null) {
			// Let a running job finish rather than interrupt it mid-page.
			this.registrar.getScheduledTasks().forEach((task) -> task.cancel(false));
			this.registrar = null;
		}
		if (this.startupRedelivery != null) {
			this.startupRedelivery.cancel(false);
			this.startupRedelivery = null;
		}
		this.started = false;
	}

	@Override
	public boolean isRunning() {
		return this.started;
	}

	private void run(String name, Supplier<?> work) {
		// One run of a job at a time on this instance (a run started by hand and a
		// scheduled one); the guard keeps other instances out.
		AtomicBoolean busy = this.running.computeIfAbsent(name, (key) -> new AtomicBoolean());
		if (!busy.compareAndSet(false, true)) {
			logger.debug("Job {} skipped: it is still running on this instance", name);
			countSkipped(name);
			return;
		}
		try {
			runGuarded(name, work);
		}
		finally {
			busy.set(false);
		}
	}

	private void countSkipped(String name) {
		this.lastRuns.computeIfPresent(name, (key, last) -> new JobRun(name, last.startedAt(), last.finishedAt(),
				last.result(), last.error(), last.runs(), last.skipped() + 1, last.items()));
	}

	private void runGuarded(String name, Supplier<?> work) {
		boolean ran = this.guard.run(name, () -> {
			Observation observation = observation(name);
			observation.start();
			Instant started = Instant.now();
			try (Observation.Scope scope = observation.openScope()) {
				Object result = work.get();
				if (observation.getContext() instanceof ScheduledTaskObservationContext context) {
					context.setComplete(true);
				}
				logger.debug("Job {} finished: {}", name, result);
				record(name, started, String.valueOf(result), null,
						(result instanceof JobResult job) ? job.items() : 0);
			}
			catch (RuntimeException ex) {
				observation.error(ex);
				logger.warn("Job {} failed; it runs again at its next time: {}", name, ex.getMessage());
				record(name, started, null, ex.getMessage(), 0);
			}
			finally {
				observation.stop();
			}
		});
		if (!ran) {
			logger.debug("Job {} skipped: another instance holds it", name);
			countSkipped(name);
		}
	}

	private Observation observation(String name) {
		Method method = this.methods.get(name);
		if (method == null || this.observations.isNoop()) {
			return Observation.NOOP;
		}
		// The same observation as an @Scheduled method, naming the service method the job
		// calls.
		return ScheduledTaskObservationDocumentation.TASKS_SCHEDULED_EXECUTION.observation(null, DEFAULT_CONVENTION,
				() -> new ScheduledTaskObservationContext(this.tasks, method), this.observations);
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

	/**
	 * One job's run, named after the job in Actuator's {@code scheduledtasks} endpoint.
	 */
	private final class Job implements Runnable {

		private final String name;

		Job(String name) {
			this.name = name;
		}

		@Override
		public void run() {
			MidtransTaskSchedules.this.run(this.name, MidtransTaskSchedules.this.work.get(this.name));
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
