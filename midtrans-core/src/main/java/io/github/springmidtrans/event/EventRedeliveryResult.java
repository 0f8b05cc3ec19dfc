package io.github.springmidtrans.event;

/**
 * What one run of {@link MidtransEventOutbox#redeliver()} did.
 *
 * @param delivered events delivered again, whose delivery completed
 * @param failed events whose delivery failed again (a listener threw)
 * @param deleted delivered events deleted after their retention
 * @since 0.1.0
 */
public record EventRedeliveryResult(int delivered, int failed, int deleted) {

	@Override
	public String toString() {
		return "delivered " + this.delivered + ", failed " + this.failed + ", deleted " + this.deleted;
	}

}
