package io.github.springmidtrans.test;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One request the simulator received, as kept in its journal. The {@code Authorization}
 * header is never recorded.
 *
 * @param receivedAt when it arrived, on the simulator's clock
 * @param method the HTTP method
 * @param path the encoded path, such as {@code /v2/ORDER-1/status}
 * @param query the encoded query, or {@code null}
 * @param headers the headers (names lower-case), without {@code Authorization}
 * @param body the body as text, empty when there was none
 * @param operation the Core API endpoint, or {@code null} for any other path
 * @param orderId the order id the call is about: {@code transaction_details.order_id} of
 * a charge, or the id in the path (which may also be a transaction id)
 * @since 0.1.0
 */
public record RecordedCall(Instant receivedAt, String method, String path, @Nullable String query,
		Map<String, List<String>> headers, String body, @Nullable SimulatorOperation operation,
		@Nullable String orderId) {

	public RecordedCall {
		Objects.requireNonNull(receivedAt, "receivedAt");
		headers = Map.copyOf(headers);
		if (headers.containsKey("authorization")) {
			throw new IllegalArgumentException("The Authorization header must never be recorded");
		}
	}

	/**
	 * The first value of a header.
	 * @param name the header name, in any case
	 * @return the value, or {@code null} when absent
	 */
	public @Nullable String header(String name) {
		List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
