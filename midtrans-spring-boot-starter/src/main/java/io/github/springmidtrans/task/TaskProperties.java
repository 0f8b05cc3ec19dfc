package io.github.springmidtrans.task;

import java.time.Duration;

/**
 * Payment task settings ({@code midtrans.tasks.*}): schedules of the periodic jobs,
 * retries of the on-demand tasks. Bound by the starter as part of its {@code midtrans.*}
 * properties.
 *
 * @since 0.1.0
 */
public class TaskProperties {

	/**
	 * Threads that run task work (status checks, charges, refunds); waiting out a retry
	 * back-off holds none of them.
	 */
	private int poolSize = 4;

	/**
	 * Task work waiting for a thread before new work is refused.
	 */
	private int queueCapacity = 10_000;

	/**
	 * Threads of the starter's own scheduler, which starts the periodic jobs and the
	 * retries of task work; the application's scheduler is not used.
	 */
	private int schedulerPoolSize = 2;

	/**
	 * Time zone of the cron expressions; the system's when empty.
	 */
	private String zone = "";

	/**
	 * Age after which a charge still initiated or a refund still requested is finished by
	 * the periodic status check (the application may have stopped mid-call).
	 */
	private Duration redriveAfter = Duration.ofMinutes(10);

	/**
	 * How long after its expiry time a pending payment is expired by expireStalePayments:
	 * an application clock a little ahead of Midtrans' must not expire a payment the
	 * customer could still complete (Midtrans expires it on its own anyway).
	 */
	private Duration expiryGrace = Duration.ofMinutes(5);

	/**
	 * With ShedLock, longest a job's lock is held, in case its instance dies mid-run.
	 */
	private Duration lockAtMostFor = Duration.ofMinutes(30);

	/**
	 * With ShedLock, shortest a job's lock is held, so that instances whose clocks differ
	 * slightly do not run it twice in one period.
	 */
	private Duration lockAtLeastFor = Duration.ofSeconds(30);

	/**
	 * Retries of checkPaymentStatusAsync, and the back-off of the periodic check: a
	 * payment whose periodic check fails is checked again after the same delays (stored
	 * on the payment, jittered by a tenth of the delay unless a jitter is set), with no
	 * limit on their number.
	 */
	private final Retry checkPaymentStatus = Retry.startingAfter(Duration.ofSeconds(60));

	/**
	 * Retries of processChargeAsync.
	 */
	private final Retry processCharge = Retry.startingAfter(Duration.ofSeconds(30));

	/**
	 * Retries of processRefundAsync.
	 */
	private final Retry processRefund = Retry.startingAfter(Duration.ofSeconds(30));

	/**
	 * The checkPendingPayments job.
	 */
	private final Job checkPendingPayments = Job.scheduled("0 */10 * * * *");

	/**
	 * The expireStalePayments job.
	 */
	private final Job expireStalePayments = Job.scheduled("0 */5 * * * *");

	/**
	 * The checkOverdueInvoices job.
	 */
	private final Job checkOverdueInvoices = Job.scheduled("0 30 0 * * *");

	/**
	 * The syncSubscriptionStatus job.
	 */
	private final Job syncSubscriptionStatus = Job.scheduled("0 0 * * * *");

	/**
	 * The redeliverEvents job: delivers again the events a listener failed or a crash
	 * interrupted, and deletes delivered ones past midtrans.events.retention.
	 */
	private final Job redeliverEvents = Job.scheduled("30 * * * * *");

	/**
	 * The purgeNotifications job: deletes notification audit rows older than
	 * midtrans.webhook.audit-retention.
	 */
	private final Job purgeNotifications = Job.scheduled("0 15 3 * * *");

	public int getPoolSize() {
		return this.poolSize;
	}

	public void setPoolSize(int poolSize) {
		this.poolSize = poolSize;
	}

	public int getQueueCapacity() {
		return this.queueCapacity;
	}

	public void setQueueCapacity(int queueCapacity) {
		this.queueCapacity = queueCapacity;
	}

	public int getSchedulerPoolSize() {
		return this.schedulerPoolSize;
	}

	public void setSchedulerPoolSize(int schedulerPoolSize) {
		this.schedulerPoolSize = schedulerPoolSize;
	}

	public String getZone() {
		return this.zone;
	}

	public void setZone(String zone) {
		this.zone = zone;
	}

	public Duration getRedriveAfter() {
		return this.redriveAfter;
	}

	public void setRedriveAfter(Duration redriveAfter) {
		this.redriveAfter = redriveAfter;
	}

	public Duration getExpiryGrace() {
		return this.expiryGrace;
	}

	public void setExpiryGrace(Duration expiryGrace) {
		this.expiryGrace = expiryGrace;
	}

	public Duration getLockAtMostFor() {
		return this.lockAtMostFor;
	}

	public void setLockAtMostFor(Duration lockAtMostFor) {
		this.lockAtMostFor = lockAtMostFor;
	}

	public Duration getLockAtLeastFor() {
		return this.lockAtLeastFor;
	}

	public void setLockAtLeastFor(Duration lockAtLeastFor) {
		this.lockAtLeastFor = lockAtLeastFor;
	}

	public Retry getCheckPaymentStatus() {
		return this.checkPaymentStatus;
	}

	public Retry getProcessCharge() {
		return this.processCharge;
	}

	public Retry getProcessRefund() {
		return this.processRefund;
	}

	public Job getCheckPendingPayments() {
		return this.checkPendingPayments;
	}

	public Job getExpireStalePayments() {
		return this.expireStalePayments;
	}

	public Job getCheckOverdueInvoices() {
		return this.checkOverdueInvoices;
	}

	public Job getSyncSubscriptionStatus() {
		return this.syncSubscriptionStatus;
	}

	public Job getRedeliverEvents() {
		return this.redeliverEvents;
	}

	public Job getPurgeNotifications() {
		return this.purgeNotifications;
	}

	/**
	 * Retry settings of an on-demand task. Only failures that are safe to repeat (network
	 * errors, timeouts, 5xx, 429) are retried.
	 */
	public static class Retry {

		/**
		 * Retries after the first attempt.
		 */
		private int maxRetries = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration delay = Duration.ofSeconds(30);

		/**
		 * Factor by which each wait grows.
		 */
		private double multiplier = 2;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxDelay = Duration.ofMinutes(30);

		/**
		 * Random variation added to or taken from each wait.
		 */
		private Duration jitter = Duration.ZERO;

		static Retry startingAfter(Duration delay) {
			Retry retry = new Retry();
			retry.delay = delay;
			return retry;
		}

		public int getMaxRetries() {
			return this.maxRetries;
		}

		public void setMaxRetries(int maxRetries) {
			this.maxRetries = maxRetries;
		}

		public Duration getDelay() {
			return this.delay;
		}

		public void setDelay(Duration delay) {
			this.delay = delay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

	}

	/**
	 * Settings of a periodic job.
	 */
	public static class Job {

		/**
		 * Whether the job runs on its schedule.
		 */
		private boolean enabled = true;

		/**
		 * When the job runs (six fields, with seconds); "-" disables it.
		 */
		private String cron = "-";

		/**
		 * Rows read per page.
		 */
		private int batchSize = 100;

		/**
		 * Items worked on at the same time.
		 */
		private int concurrency = 8;

		/**
		 * Most items started per second; zero for no limit.
		 */
		private double rateLimit;

		static Job scheduled(String cron) {
			Job job = new Job();
			job.cron = cron;
			return job;
		}

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getCron() {
			return this.cron;
		}

		public void setCron(String cron) {
			this.cron = cron;
		}

		public int getBatchSize() {
			return this.batchSize;
		}

		public void setBatchSize(int batchSize) {
			this.batchSize = batchSize;
		}

		public int getConcurrency() {
			return this.concurrency;
		}

		public void setConcurrency(int concurrency) {
			this.concurrency = concurrency;
		}

		public double getRateLimit() {
			return this.rateLimit;
		}

		public void setRateLimit(double rateLimit) {
			this.rateLimit = rateLimit;
		}

	}

}
