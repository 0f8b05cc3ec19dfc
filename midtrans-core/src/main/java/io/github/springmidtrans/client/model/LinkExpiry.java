package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When a payment link expires ({@code expiry}), for the Payment Link API and invoice
 * payment links.
 *
 * @param startTime when the countdown starts; {@code null} starts it at creation
 * @param duration how many units until expiry, positive
 * @param unit {@code minute}, {@code hour} or {@code day}
 * @since 0.1.0
 */
public record LinkExpiry(@Nullable OffsetDateTime startTime, int duration, LinkExpiryUnit unit) {

	public LinkExpiry {
		Objects.requireNonNull(unit, "unit");
		if (duration <= 0) {
			throw new IllegalArgumentException("Link expiry duration must be positive, got " + duration);
		}
		if (unit == LinkExpiryUnit.UNKNOWN) {
			throw new IllegalArgumentException("Link expiry unit must be minute, hour or day");
		}
	}

	/**
	 * Expire a duration after creation.
	 * @param duration how many units
	 * @param unit the unit
	 * @return the expiry
	 */
	public static LinkExpiry after(int duration, LinkExpiryUnit unit) {
		return new LinkExpiry(null, duration, unit);
	}

	/**
	 * Copy with a start of the countdown.
	 * @param startTime when the countdown starts
	 * @return a new expiry
	 */
	public LinkExpiry withStartTime(OffsetDateTime startTime) {
		return new LinkExpiry(startTime, this.duration, this.unit);
	}

}
