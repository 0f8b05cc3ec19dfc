package io.github.springmidtrans.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.task.TaskProperties;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Midtrans integration ({@code midtrans.*}).
 *
 * @since 0.1.0
 */
@ConfigurationProperties("midtrans")
public class MidtransProperties {

	/**
	 * Server key from the Midtrans dashboard; sandbox keys start with "SB-Mid-server-".
	 * Keep it out of committed files, for example "${MIDTRANS_SERVER_KEY:}".
	 */
	private @Nullable String serverKey;

	/**
	 * Client key from the Midtrans dashboard, needed for card tokenization.
	 */
	private @Nullable String clientKey;

	/**
	 * Merchant id from the Midtrans dashboard.
	 */
	private @Nullable String merchantId;

	/**
	 * Whether to call the production API instead of the sandbox.
	 */
	private boolean production;

	/**
	 * Base URL to call instead of the environment's, such as a simulator or a proxy.
	 */
	private @Nullable String baseUrl;

	/**
	 * URL Midtrans posts each charge's notifications to, instead of the dashboard's.
	 */
	private @Nullable String notificationUrl;

	/**
	 * How long an unpaid charge stays payable, for charges that set no expiry; Midtrans'
	 * default per method when empty.
	 */
	private @Nullable Duration paymentExpiry;

	/**
	 * Payment methods charges may use (bank_transfer, gopay, qris ...); all when empty.
	 */
	private List<PaymentType> enabledPaymentMethods = new ArrayList<>();

	/**
	 * Where the Gojek app returns the customer after a GoPay payment, for charges that
	 * set none.
	 */
	private @Nullable String gopayCallbackUrl;

	/**
	 * Where the ShopeePay app returns the customer, for charges that set none.
	 */
	private @Nullable String shopeepayCallbackUrl;

	/**
	 * Currency of payments; Midtrans takes IDR only.
	 */
	private String currency = "IDR";

	/**
	 * Prefix of generated invoice numbers, followed by the date and a random part.
	 */
	private String invoicePrefix = "INV";

	/**
	 * HTTP client settings.
	 */
	private final Http http = new Http();

	/**
	 * Notification endpoint settings.
	 */
	private final Webhook webhook = new Webhook();

	/**
	 * HTTP API settings.
	 */
	private final Web web = new Web();

	/**
	 * Payment task settings: schedules of the periodic jobs, retries of the on-demand
	 * tasks.
	 */
	@NestedConfigurationProperty
	private final TaskProperties tasks = new TaskProperties();

	/**
	 * Snap checkout settings: defaults of every hosted payment page.
	 */
	private final Snap snap = new Snap();

	/**
	 * Event delivery settings: the event outbox.
	 */
	private final Events events = new Events();

	public @Nullable String getServerKey() {
		return this.serverKey;
	}

	public void setServerKey(@Nullable String serverKey) {
		this.serverKey = serverKey;
	}

	public @Nullable String getClientKey() {
		return this.clientKey;
	}

	public void setClientKey(@Nullable String clientKey) {
		this.clientKey = clientKey;
	}

	public @Nullable String getMerchantId() {
		return this.merchantId;
	}

	public void setMerchantId(@Nullable String merchantId) {
		this.merchantId = merchantId;
	}

	public boolean isProduction() {
		return this.production;
	}

	public void setProduction(boolean production) {
		this.production = production;
	}

	public @Nullable String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(@Nullable String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public @Nullable String getNotificationUrl() {
		return this.notificationUrl;
	}

	public void setNotificationUrl(@Nullable String notificationUrl) {
		this.notificationUrl = notificationUrl;
	}

	public @Nullable Duration getPaymentExpiry() {
		return this.paymentExpiry;
	}

	public void setPaymentExpiry(@Nullable Duration paymentExpiry) {
		this.paymentExpiry = paymentExpiry;
	}

	public List<PaymentType> getEnabledPaymentMethods() {
		return this.enabledPaymentMethods;
	}

	public void setEnabledPaymentMethods(List<PaymentType> enabledPaymentMethods) {
		this.enabledPaymentMethods = enabledPaymentMethods;
	}

	public @Nullable String getGopayCallbackUrl() {
		return this.gopayCallbackUrl;
	}

	public void setGopayCallbackUrl(@Nullable String gopayCallbackUrl) {
		this.gopayCallbackUrl = gopayCallbackUrl;
	}

	public @Nullable String getShopeepayCallbackUrl() {
		return this.shopeepayCallbackUrl;
	}

	public void setShopeepayCallbackUrl(@Nullable String shopeepayCallbackUrl) {
		this.shopeepayCallbackUrl = shopeepayCallbackUrl;
	}

	public String getCurrency() {
		return this.currency;
	}

	public void setCurrency(String currency) {
		this.currency = currency;
	}

	public String getInvoicePrefix() {
		return this.invoicePrefix;
	}

	public void setInvoicePrefix(String invoicePrefix) {
		this.invoicePrefix = invoicePrefix;
	}

	public Http getHttp() {
		return this.http;
	}

	public Webhook getWebhook() {
		return this.webhook;
	}

	public Web getWeb() {
		return this.web;
	}

	public Snap getSnap() {
		return this.snap;
	}

	public TaskProperties getTasks() {
		return this.tasks;
	}

	public Events getEvents() {
		return this.events;
	}

	@Override
	public String toString() {
		return "MidtransProperties{production=" + this.production + ", baseUrl=" + this.baseUrl + "}";
	}

	/**
	 * HTTP client settings ({@code midtrans.http.*}).
	 */
	public static class Http {

		/**
		 * Time allowed to open a connection to Midtrans.
		 */
		private Duration connectTimeout = Duration.ofSeconds(10);

		/**
		 * Time allowed between bytes of an answer; Midtrans may wait on a bank.
		 */
		private Duration readTimeout = Duration.ofSeconds(60);

		/**
		 * Time allowed between bytes of a request.
		 */
		private Duration writeTimeout = Duration.ofSeconds(30);

		/**
		 * Time allowed for a whole call; zero for no limit.
		 */
		private Duration callTimeout = Duration.ofSeconds(120);

		/**
		 * Idle connections kept open in the pool.
		 */
		private int maxIdleConnections = 16;

		/**
		 * How long an idle connection stays in the pool.
		 */
		private Duration keepAlive = Duration.ofMinutes(5);

		public Duration getConnectTimeout() {
			return this.connectTimeout;
		}

		public void setConnectTimeout(Duration connectTimeout) {
			this.connectTimeout = connectTimeout;
		}

		public Duration getReadTimeout() {
			return this.readTimeout;
		}

		public void setReadTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
		}

		public Duration getWriteTimeout() {
			return this.writeTimeout;
		}

		public void setWriteTimeout(Duration writeTimeout) {
			this.writeTimeout = writeTimeout;
		}

		public Duration getCallTimeout() {
			return this.callTimeout;
		}

		public void setCallTimeout(Duration callTimeout) {
			this.callTimeout = callTimeout;
		}

		public int getMaxIdleConnections() {
			return this.maxIdleConnections;
		}

		public void setMaxIdleConnections(int maxIdleConnections) {
			this.maxIdleConnections = maxIdleConnections;
		}

		public Duration getKeepAlive() {
			return this.keepAlive;
		}

		public void setKeepAlive(Duration keepAlive) {
			this.keepAlive = keepAlive;
		}

	}

	/**
	 * Notification endpoint settings ({@code midtrans.webhook.*}).
	 */
	public static class Webhook {

		/**
		 * Whether to serve the endpoint Midtrans posts payment notifications to.
		 */
		private boolean enabled = true;

		/**
		 * Path of the notification endpoint; set the same URL in the Midtrans dashboard.
		 */
		private String path = "/midtrans/notification";

		/**
		 * Whether to read each notified transaction back from Midtrans and apply that
		 * instead of the notification's body. Switching it off trusts the body's unsigned
		 * fields where they agree with its signed status code.
		 */
		private boolean confirmWithStatus = true;

		/**
		 * Largest notification body accepted; larger ones are refused with 413.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(64);

		/**
		 * How long a notification audit row (midtrans_notification) is kept before the
		 * purge-notifications job deletes it; empty keeps every row.
		 */
		private @Nullable Duration auditRetention = Duration.ofDays(90);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public boolean isConfirmWithStatus() {
			return this.confirmWithStatus;
		}

		public void setConfirmWithStatus(boolean confirmWithStatus) {
			this.confirmWithStatus = confirmWithStatus;
		}

		public @Nullable Duration getAuditRetention() {
			return this.auditRetention;
		}

		public void setAuditRetention(@Nullable Duration auditRetention) {
			this.auditRetention = auditRetention;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

	/**
	 * Snap checkout settings ({@code midtrans.snap.*}): defaults for checkouts that set
	 * none themselves.
	 */
	public static class Snap {

		/**
		 * Payment methods the Snap page offers (bca_va, echannel, gopay, other_qris,
		 * credit_card, indomaret ...); every method active on the merchant account when
		 * empty.
		 */
		private List<String> enabledPayments = new ArrayList<>();

		/**
		 * URL the customer's browser goes to after the Snap page, with order_id,
		 * status_code and transaction_status added; the dashboard's when empty.
		 */
		private @Nullable String finishUrl;

		/**
		 * How long the Snap page can be opened, at most 7 days; Midtrans' 24 hours when
		 * empty.
		 */
		private @Nullable Duration pageExpiry;

		/**
		 * Base URL of Snap calls instead of the environment's Snap host, such as a
		 * simulator.
		 */
		private @Nullable String baseUrl;

		public List<String> getEnabledPayments() {
			return this.enabledPayments;
		}

		public void setEnabledPayments(List<String> enabledPayments) {
			this.enabledPayments = enabledPayments;
		}

		public @Nullable String getFinishUrl() {
			return this.finishUrl;
		}

		public void setFinishUrl(@Nullable String finishUrl) {
			this.finishUrl = finishUrl;
		}

		public @Nullable Duration getPageExpiry() {
			return this.pageExpiry;
		}

		public void setPageExpiry(@Nullable Duration pageExpiry) {
			this.pageExpiry = pageExpiry;
		}

		public @Nullable String getBaseUrl() {
			return this.baseUrl;
		}

		public void setBaseUrl(@Nullable String baseUrl) {
			this.baseUrl = baseUrl;
		}

	}

	/**
	 * HTTP API settings ({@code midtrans.web.*}).
	 */
	public static class Web {

		/**
		 * REST API over payments, invoices and subscriptions.
		 */
		private final Api api = new Api();

		public Api getApi() {
			return this.api;
		}

	}

	/**
	 * REST API settings ({@code midtrans.web.api.*}). The API moves money: protect it
	 * with the application's security.
	 */
	public static class Api {

		/**
		 * Whether to serve the REST API; it moves money, so protect it with the
		 * application's security before turning it on.
		 */
		private boolean enabled;

		/**
		 * Path under which the REST API is served.
		 */
		private String basePath = "/midtrans/api";

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

	}

	/**
	 * Event delivery settings ({@code midtrans.events.*}).
	 */
	public static class Events {

		/**
		 * Whether events are recorded in the midtrans_event_publication table with their
		 * transition and delivered at least once; when false they are only published in
		 * memory after commit, and lost if a listener fails or the application dies.
		 */
		private boolean outbox = true;

		/**
		 * How long after recording, or after a failed delivery, an event not yet
		 * delivered is delivered again by the redeliver-events job; doubled after each
		 * further failure.
		 */
		private Duration retryDelay = Duration.ofMinutes(1);

		/**
		 * Longest wait between two deliveries of an event that keeps failing.
		 */
		private Duration maxRetryDelay = Duration.ofHours(1);

		/**
		 * How long a delivered event is kept before the redeliver-events job deletes it.
		 */
		private Duration retention = Duration.ofDays(7);

		public boolean isOutbox() {
			return this.outbox;
		}

		public void setOutbox(boolean outbox) {
			this.outbox = outbox;
		}

		public Duration getRetryDelay() {
			return this.retryDelay;
		}

		public void setRetryDelay(Duration retryDelay) {
			this.retryDelay = retryDelay;
		}

		public Duration getMaxRetryDelay() {
			return this.maxRetryDelay;
		}

		public void setMaxRetryDelay(Duration maxRetryDelay) {
			this.maxRetryDelay = maxRetryDelay;
		}

		public Duration getRetention() {
			return this.retention;
		}

		public void setRetention(Duration retention) {
			this.retention = retention;
		}

	}

}
