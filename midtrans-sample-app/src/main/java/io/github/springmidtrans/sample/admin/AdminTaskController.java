package io.github.springmidtrans.sample.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.springmidtrans.sample.Labels;
import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.MidtransTaskSchedules;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The starter's periodic jobs: each one's schedule, last run and result, and "run now".
 */
@Controller
@RequestMapping("/admin/tasks")
class AdminTaskController {

	private final MidtransTaskSchedules schedules;

	private final Labels labels;

	AdminTaskController(MidtransTaskSchedules schedules, Labels labels) {
		this.schedules = schedules;
		this.labels = labels;
	}

	@GetMapping
	String tasks(Model model) {
		Map<String, String> schedules = this.schedules.schedules();
		Map<String, Job> jobs = new LinkedHashMap<>();
		this.schedules.lastRuns().forEach((name, run) -> jobs.put(name, new Job(name, schedules.get(name), run)));
		model.addAttribute("jobs", jobs.values());
		return "admin/tasks";
	}

	@PostMapping("/run")
	String runNow(@RequestParam String job, RedirectAttributes redirect) {
		String name = this.labels.job(job);
		AdminActions.run(redirect, "Running " + name, () -> {
			JobRun run = this.schedules.runNow(job);
			return (run.error() != null) ? name + " failed: " + run.error()
					: name + " ran: " + this.labels.jobResult(run.result()) + ".";
		});
		return "redirect:/admin/tasks";
	}

	/**
	 * A job as the page shows it.
	 *
	 * @param name the job's name
	 * @param cron its cron expression, or {@code null} when it has no schedule
	 * @param lastRun its last run on this instance
	 */
	public record Job(String name, @Nullable String cron, JobRun lastRun) {

	}

}
