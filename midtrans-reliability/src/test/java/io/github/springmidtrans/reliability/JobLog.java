package io.github.springmidtrans.reliability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.task.JobRun;
import io.github.springmidtrans.task.JobRunListener;

/**
 * Every periodic job run of one application instance.
 */
public class JobLog implements JobRunListener {

	private final List<JobRun> runs = new CopyOnWriteArrayList<>();

	@Override
	public void onJobRun(JobRun run) {
		this.runs.add(run);
	}

	List<JobRun> runs() {
		return List.copyOf(this.runs);
	}

}
