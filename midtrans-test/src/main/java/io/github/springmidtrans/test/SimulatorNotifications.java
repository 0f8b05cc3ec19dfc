package io.github.springmidtrans.test;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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
 * {@code settlement} before {@code pending}). Midtrans' retry policy (redelivery after a
 * non-2xx answer) is not simulated: each notification is attempted once per URL, and the
 * receiver's answer is only recorded. Thread-safe.
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
	}

	synchronized void send(List<String> urls, String orderId, String transactionStatus, String statusCode,
			String body) {
		for (String url : urls) {
			Notification notification = new Notification(url, orderId, transactionStatus, statusCode, body);
			if (this.holding) {
				this.held.add(notification);
			}
			else {
				submit(notification);
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
	}

	private void deliver(Notification notification) {
		Request request = new Request.Builder().url(notification.url)
			.header("Accept", "application/json")
			.header("User-Agent", "Veritrans")
			.post(RequestBody.create(notification.body, JSON))
			.build();
		int httpStatus = 0;
		String failure = null;
		try (Response response = this.http.newCall(request).execute()) {
			httpStatus = response.code();
		}
		catch (IOException | RuntimeException ex) {
			failure = ex.getClass().getSimpleName() + ": " + ex.getMessage();
		}
		this.deliveries
			.add(new NotificationDelivery(notification.url, notification.orderId, notification.transactionStatus,
					notification.statusCode, notification.body, this.clock.instant(), httpStatus, failure));
		logger.debug("Simulator notification for order '{}' ({}) answered HTTP {}", notification.orderId,
				notification.transactionStatus, httpStatus);
	}

	private record Notification(String url, String orderId, String transactionStatus, String statusCode, String body) {

	}

}
