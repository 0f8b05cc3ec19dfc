package io.github.springmidtrans.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code midtrans} Actuator endpoint: every periodic job with its schedule and its
 * last run on this instance, and a way to run one now ({@code POST
 * /actuator/midtrans/{job}}). Exposing it over the web needs the application's security,
 * like any write operation.
 *
 * @since 0.1.0
 */
@Endpoint(id = "midtrans")
public class MidtransEndpoint {

	private final MidtransTaskSchedules schedules;

	/**
	 * Create the endpoint.
	 * @param schedules the jobs
	 */
	public MidtransEndpoint(MidtransTaskSchedules schedules) {
		this.schedules = schedules;
	}

	/**
	 * Every job, with its schedule ({@code null} when it runs only on demand) and last
	 * run.
	 * @return jobs by name
	 */
	@ReadOperation
	public Map<String, JobDescriptor> jobs() {
		Map<String, String> schedules = this.schedules.schedules();
		Map<String, JobDescriptor> jobs = new LinkedHashMap<>();
		this.schedules.lastRuns().forEach((name, run) -> jobs.put(name, new JobDescriptor(schedules.get(name), run)));
		return jobs;
	}

	/**
	 * Run a job now, through the same lock as its schedule.
	 * @param job the job's name, such as {@code midtrans.check-pending-payments}
	 * @return its run
	 */
	@WriteOperation
	public JobRun run(@Selector String job) {
		return this.schedules.runNow(job);
	}

	/**
	 * A job as the endpoint shows it.
	 *
	 * @param cron its cron expression, {@code null} when it is not scheduled
	 * @param lastRun its last run on this instance
	 */
	public record JobDescriptor(@Nullable String cron, JobRun lastRun) {

	}

}
