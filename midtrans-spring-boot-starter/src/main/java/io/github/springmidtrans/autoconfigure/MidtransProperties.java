package io.github.springmidtrans.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
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
	 * Keep it out of committed files, for example "${MIDTRANS_SERVER_KEY}".
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
		 * instead of the notification's body.
		 */
		private boolean confirmWithStatus;

		/**
		 * Largest notification body accepted; larger ones are refused with 413.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(64);

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

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

	}

}
