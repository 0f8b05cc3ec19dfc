package io.github.springmidtrans.task;

/**
 * Result of the purge-notifications job.
 *
 * @param deleted notification audit rows deleted
 * @since 0.1.0
 */
public record PurgeNotificationsResult(int deleted) implements JobResult {

	@Override
	public int items() {
		return this.deleted;
	}

}
