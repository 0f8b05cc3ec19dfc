package io.github.springmidtrans.client;

import java.time.Duration;

/**
 * Told about every call a {@link MidtransClient} makes, for metrics and tracing. Called
 * on the calling thread: {@link #onStart} before the request is sent, then
 * {@link #onCall} after the answer (or failure) is known; it must be fast and must not
 * throw. It never sees bodies or headers.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface MidtransCallListener {

	/** Listens to nothing. */
	MidtransCallListener NONE = (operation, outcome, httpStatus, duration) -> {
	};

	/**
	 * A call is about to be sent. On the same thread, {@link #onCall} follows when it
	 * ends, unless an unexpected runtime exception (not a {@code MidtransException})
	 * escapes the call. Does nothing by default.
	 * @param operation the call
	 */
	default void onStart(MidtransOperation operation) {
	}

	/**
	 * A call ended.
	 * @param operation the call
	 * @param outcome {@code "success"}, or the simple name of the exception the call
	 * threw, such as {@code "MidtransServerException"}
	 * @param httpStatus the HTTP status, or {@code 0} when no answer arrived
	 * @param duration how long the call took
	 */
	void onCall(MidtransOperation operation, String outcome, int httpStatus, Duration duration);

}
