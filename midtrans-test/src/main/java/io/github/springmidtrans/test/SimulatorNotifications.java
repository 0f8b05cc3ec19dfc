package io.github.springmidtrans.test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The payment notifications (webhooks) of a {@link MidtransSimulator}: how they are
 * delivered and a record of every delivery attempt.
 *
 * <p>
 * Like Midtrans, the simulator posts a status-shaped, signed JSON body with
 * {@code Content-Type: application/json} and {@code User-Agent: Veritrans} on every state
 * change. Delivery is asynchronous, on one background thread, so notifications arrive in
 * the order the changes happened unless a test asks otherwise:
 * {@link #duplicateEach(boolean)} sends each one twice, {@link #hold()} keeps them back
 * until {@link #release()} or {@link #releaseInReverse()} (out-of-order delivery, such as
 * {@code settlement} before {@code pending}).
 *
 * <p>
 * Midtrans' retry policy is simulated on the simulator clock: when the receiver answers
 * other than 2xx, the notification is delivered again after 2, 10, 30, 90 and 210 minutes
 * (each counted from the previous failure, without Midtrans' random shift), at most 1
 * time after a 500, 4 times after a 503, 2 times after a 400 or 404, never after a 301,
 * 302 or 303, and 5 times after anything else (other statuses, timeouts, connection
 * errors); a 307 or 308 is followed with the same POST, at most 5 redirects.
 * Re-deliveries happen when a test moves the clock past their time; every attempt is
 * recorded with its number. Turn it off with {@link #retries(boolean)}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SimulatorNotifications {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorNotifications.class);

	private static final MediaType JSON = MediaType.get("application/json");

	private final OkHttpClient http;

	private final Clock clock;

	private final ExecutorService executor;

	private final List<NotificationDelivery> deliveries = new CopyOnWriteArrayList<>();

	private final List<Notification> held = new ArrayList<>();

	/** Spacing of re-deliveries, each after the previous failure (section 5.2). */
	private static final List<Duration> RETRY_SPACING = List.of(Duration.ofMinutes(2), Duration.ofMinutes(10),
			Duration.ofMinutes(30), Duration.ofMinutes(90), Duration.ofMinutes(210));

	private static final int MAX_REDIRECTS = 5;

	private final List<ScheduledRetry> scheduled = new ArrayList<>();

	private boolean retrying = true;

	private final AtomicInteger outstanding = new AtomicInteger();

	private boolean holding;

	private boolean duplicate;

	SimulatorNotifications(Clock clock) {
		this.clock = clock;
		this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5))
			.readTimeout(Duration.ofSeconds(15))
			.callTimeout(Duration.ofSeconds(20))
			.followRedirects(false)
			.retryOnConnectionFailure(false)
			.build();
		this.executor = Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "midtrans-simulator-notifications");
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Send every notification twice from now on, as Midtrans occasionally does.
	 * @param duplicate whether to send duplicates
	 */
	public synchronized void duplicateEach(boolean duplicate) {
		this.duplicate = duplicate;
	}

	/**
	 * Whether failed deliveries are re-delivered by Midtrans' retry policy (the default)
	 * or attempted only once. Turning it off also drops the re-deliveries already
	 * scheduled.
	 * @param enabled whether to retry
	 */
	public synchronized void retries(boolean enabled) {
		this.retrying = enabled;
		if (!enabled) {
			this.scheduled.clear();
		}
	}

	/**
	 * How many re-deliveries are waiting for the clock.
	 * @return the number of scheduled re-deliveries
	 */
	public synchronized int scheduledRetries() {
		return this.scheduled.size();
	}

	/**
	 * How many times Midtrans re-delivers a notification after the receiver answered with
	 * this HTTP status (section 5.2).
	 * @param httpStatus the receiver's answer, or {@code 0} when it could not be reached
	 * or timed out
	 * @return 0 to 5
	 */
	public static int retriesAfter(int httpStatus) {
		if (httpStatus >= 200 && httpStatus < 300) {
			return 0;
		}
		return switch (httpStatus) {
			case 500 -> 1;
			case 503 -> 4;
			case 400, 404 -> 2;
			case 301, 302, 303 -> 0;
			default -> 5;
		};
	}

	/**
	 * Keep notifications back from now on, until {@link #release()} or
	 * {@link #releaseInReverse()}.
	 */
	public synchronized void hold() {
		this.holding = true;
	}

	/**
	 * How many notifications are being held back.
	 * @return the number held
	 */
	public synchronized int heldCount() {
		return this.held.size();
	}

	/**
	 * Send the held notifications in the order they were produced and stop holding.
	 */
	public synchronized void release() {
		releaseHeld(false);
	}

	/**
	 * Send the held notifications newest first (simulating out-of-order delivery) and
	 * stop holding.
	 */
	public synchronized void releaseInReverse() {
		releaseHeld(true);
	}

	/**
	 * Every delivery attempt so far, in the order they were made.
	 * @return an immutable copy
	 */
	public List<NotificationDelivery> deliveries() {
		return List.copyOf(this.deliveries);
	}

	/**
	 * The delivery attempts to one URL, such as the Recurring Notification URL.
	 * @param url the URL
	 * @return an immutable list, oldest first
	 */
	public List<NotificationDelivery> deliveriesTo(String url) {
		return this.deliveries.stream().filter((delivery) -> delivery.url().equals(url)).toList();
	}

	/**
	 * The delivery attempts for one order.
	 * @param orderId the order id
	 * @return an immutable list, oldest first
	 */
	public List<NotificationDelivery> deliveriesFor(String orderId) {
		return this.deliveries.stream().filter((delivery) -> delivery.orderId().equals(orderId)).toList();
	}

	/**
	 * Whether nothing is waiting to be sent (held notifications do not count).
	 * @return {@code true} when every released notification has been attempted
	 */
	public boolean idle() {
		return this.outstanding.get() == 0;
	}

	/**
	 * Forget the recorded deliveries and drop held notifications.
	 */
	public synchronized void clear() {
		this.deliveries.clear();
		this.held.clear();
		this.scheduled.clear();
	}

	synchronized void send(List<String> urls, String orderId, String transactionStatus, String statusCode,
			String body) {
		for (String url : urls) {
			Notification notification = new Notification(url, orderId, transactionStatus, statusCode, body, 1);
			if (this.holding) {
				this.held.add(notification);
			}
			else {
				submit(notification);
			}
		}
	}

	/**
	 * Send the re-deliveries whose time has come on the clock.
	 */
	synchronized void releaseDue() {
		Instant now = this.clock.instant();
		List<ScheduledRetry> due = new ArrayList<>();
		for (ScheduledRetry retry : this.scheduled) {
			if (!retry.dueAt().isAfter(now)) {
				due.add(retry);
			}
		}
		this.scheduled.removeAll(due);
		for (ScheduledRetry retry : due) {
			if (this.holding) {
				this.held.add(retry.notification());
			}
			else {
				submitOnce(retry.notification());
			}
		}
	}

	void close() {
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(2, TimeUnit.SECONDS)) {
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
		this.http.dispatcher().executorService().shutdown();
		this.http.connectionPool().evictAll();
	}

	private void releaseHeld(boolean reverse) {
		List<Notification> batch = new ArrayList<>(this.held);
		this.held.clear();
		this.holding = false;
		if (reverse) {
			Collections.reverse(batch);
		}
		batch.forEach(this::submit);
	}

	private void submit(Notification notification) {
		int copies = this.duplicate ? 2 : 1;
		for (int i = 0; i < copies; i++) {
			submitOnce(notification);
		}
	}

	private void submitOnce(Notification notification) {
		this.outstanding.incrementAndGet();
		try {
			this.executor.execute(() -> {
				try {
					deliver(notification);
				}
				finally {
					this.outstanding.decrementAndGet();
				}
			});
		}
		catch (RuntimeException ex) {
			// rejected after close: nothing more is delivered
			this.outstanding.decrementAndGet();
		}
	}

	private void deliver(Notification notification) {
		int httpStatus = 0;
		String failure = null;
		HttpUrl target = HttpUrl.parse(notification.url);
		for (int redirects = 0; target != null; redirects++) {
			Request request = new Request.Builder().url(target)
				.header("Accept", "application/json")
				.header("User-Agent", "Veritrans")
				.post(RequestBody.create(notification.body, JSON))
				.build();
			HttpUrl next = null;
			try (Response response = this.http.newCall(request).execute()) {
				httpStatus = response.code();
				failure = null;
				String location = response.header("Location");
				if ((httpStatus == 307 || httpStatus == 308) && location != null && redirects < MAX_REDIRECTS) {
					// Midtrans follows a 307 or 308 with the same POST and body.
					next = target.resolve(location);
				}
			}
			catch (IOException | RuntimeException ex) {
				httpStatus = 0;
				failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
			}
			target = next;
		}
		if (HttpUrl.parse(notification.url) == null) {
			failure = "not a valid URL";
		}
		Instant attemptedAt = this.clock.instant();
		synchronized (this) {
			// Schedule the re-delivery before recording the attempt, so that a test that
			// sees the attempt and then moves the clock finds the re-delivery waiting.
			boolean accepted = httpStatus >= 200 && httpStatus < 300;
			int retriesDone = notification.attempt - 1;
			if (!accepted && this.retrying && retriesDone < retriesAfter(httpStatus)
					&& retriesDone < RETRY_SPACING.size()) {
				this.scheduled.add(new ScheduledRetry(attemptedAt.plus(RETRY_SPACING.get(retriesDone)),
						notification.nextAttempt()));
			}
			this.deliveries.add(new NotificationDelivery(notification.url, notification.orderId,
					notification.transactionStatus, notification.statusCode, notification.body, attemptedAt, httpStatus,
					failure, notification.attempt));
		}
		logger.debug("Simulator notification for order '{}' ({}) attempt {} answered HTTP {}", notification.orderId,
				notification.transactionStatus, notification.attempt, httpStatus);
	}

	private record Notification(String url, String orderId, String transactionStatus, String statusCode, String body,
			int attempt) {

		Notification nextAttempt() {
			return new Notification(this.url, this.orderId, this.transactionStatus, this.statusCode, this.body,
					this.attempt + 1);
		}

	}

	private record ScheduledRetry(Instant dueAt, Notification notification) {

	}

}
