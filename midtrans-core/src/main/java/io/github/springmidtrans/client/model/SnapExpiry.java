package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * How long the payment (the virtual account, QR code or payment code the customer
 * receives) stays payable after a Snap checkout ({@code expiry}). Midtrans accepts 20
 * seconds to 7 days.
 *
 * @param startTime when the countdown starts; {@code null} starts it when the customer
 * picks a method
 * @param unit minute, hour or day
 * @param duration how many units, positive
 * @since 0.1.0
 */
@JsonPropertyOrder({ "start_time", "unit", "duration" })
public record SnapExpiry(@Nullable OffsetDateTime startTime, ExpiryUnit unit, int duration) {

	public SnapExpiry {
		SnapPageExpiry.check(duration, unit, "expiry");
	}

	/**
	 * Expire a duration after the customer picks a payment method.
	 * @param duration how many units, positive
	 * @param unit minute, hour or day
	 * @return the expiry
	 */
	public static SnapExpiry after(int duration, ExpiryUnit unit) {
		return new SnapExpiry(null, unit, duration);
	}

	/**
	 * Expire a duration after a fixed start.
	 * @param startTime the start
	 * @param duration how many units, positive
	 * @param unit minute, hour or day
	 * @return the expiry
	 */
	public static SnapExpiry from(OffsetDateTime startTime, int duration, ExpiryUnit unit) {
		return new SnapExpiry(Objects.requireNonNull(startTime, "startTime"), unit, duration);
	}

}
