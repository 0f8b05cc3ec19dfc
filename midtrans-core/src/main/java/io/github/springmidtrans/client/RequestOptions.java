package io.github.springmidtrans.client;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Optional headers for one call, as an immutable value:
 * {@code RequestOptions.none().withIdempotencyKey(key)}.
 *
 * <p>
 * An idempotency key makes Midtrans answer a repeated call with the stored answer of the
 * first successful one (for five minutes). Fix it when the intent is created and reuse it
 * on every retry; use a distinct key per operation, because the key space is shared by
 * all endpoints.
 *
 * @param idempotencyKey the key sent as {@code Idempotency-Key} (Core, Subscriptions) or
 * {@code X-Idempotency-Key} (Invoicing); at most 46 characters
 * @param overrideNotificationUrls up to three URLs that receive this transaction's
 * notifications instead of the dashboard's ({@code X-Override-Notification}); charges
 * only
 * @param appendNotificationUrls up to three URLs that receive this transaction's
 * notifications as well ({@code X-Append-Notification}); charges only
 * @param paymentLocale {@code id-ID} or {@code en-EN} for GoPay pages
 * ({@code X-Payment-Locale})
 * @since 0.1.0
 */
public record RequestOptions(@Nullable String idempotencyKey, List<String> overrideNotificationUrls,
		List<String> appendNotificationUrls, @Nullable String paymentLocale) {

	/**
	 * Longer keys are silently ignored by Midtrans, which would remove all protection.
	 */
	static final int MAX_IDEMPOTENCY_KEY_LENGTH = 46;

	private static final int MAX_NOTIFICATION_URLS = 3;

	private static final RequestOptions NONE = new RequestOptions(null, List.of(), List.of(), null);

	public RequestOptions {
		if (idempotencyKey != null
				&& (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY_LENGTH)) {
			throw new IllegalArgumentException("Idempotency key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
					+ " characters (Midtrans silently ignores longer keys), got " + idempotencyKey.length());
		}
		overrideNotificationUrls = checkUrls(overrideNotificationUrls, "override");
		appendNotificationUrls = checkUrls(appendNotificationUrls, "append");
	}

	/**
	 * Options that send no optional header.
	 * @return the empty options
	 */
	public static RequestOptions none() {
		return NONE;
	}

	/**
	 * Copy with an idempotency key.
	 * @param key the key, at most 46 characters (a UUID plus a short suffix)
	 * @return new options
	 */
	public RequestOptions withIdempotencyKey(String key) {
		return new RequestOptions(key, this.overrideNotificationUrls, this.appendNotificationUrls, this.paymentLocale);
	}

	/**
	 * Copy with notification URLs that replace the dashboard's for this transaction.
	 * @param urls one to three URLs
	 * @return new options
	 */
	public RequestOptions withOverrideNotification(String... urls) {
		return new RequestOptions(this.idempotencyKey, Arrays.asList(urls), this.appendNotificationUrls,
				this.paymentLocale);
	}

	/**
	 * Copy with notification URLs that are called in addition to the dashboard's.
	 * @param urls one to three URLs
	 * @return new options
	 */
	public RequestOptions withAppendNotification(String... urls) {
		return new RequestOptions(this.idempotencyKey, this.overrideNotificationUrls, Arrays.asList(urls),
				this.paymentLocale);
	}

	/**
	 * Copy with the language of GoPay pages.
	 * @param locale {@code id-ID} or {@code en-EN}
	 * @return new options
	 */
	public RequestOptions withPaymentLocale(String locale) {
		return new RequestOptions(this.idempotencyKey, this.overrideNotificationUrls, this.appendNotificationUrls,
				locale);
	}

	private static List<String> checkUrls(@Nullable List<String> urls, String kind) {
		if (urls == null) {
			return List.of();
		}
		List<String> copy = List.copyOf(new ArrayList<>(urls));
		if (copy.size() > MAX_NOTIFICATION_URLS) {
			throw new IllegalArgumentException("At most " + MAX_NOTIFICATION_URLS + " " + kind
					+ " notification URLs are allowed, got " + copy.size());
		}
		for (String url : copy) {
			if (url.isBlank() || url.contains(",")) {
				throw new IllegalArgumentException(
						"Notification URL must be non-blank and contain no comma: '" + url + "'");
			}
		}
		return copy;
	}

}
