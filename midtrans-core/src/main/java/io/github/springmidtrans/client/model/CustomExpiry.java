package io.github.springmidtrans.client.model;

import java.time.OffsetDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * When an unpaid transaction expires ({@code custom_expiry}); not allowed for cards. Each
 * method has its own bounds (for example 20 seconds to 180 days for virtual accounts);
 * Midtrans rejects a value beyond them.
 *
 * @param orderTime when the countdown starts; {@code null} counts from the transaction
 * time
 * @param expiryDuration how many units until expiry, positive
 * @param unit the unit
 * @since 0.1.0
 */
public record CustomExpiry(@Nullable OffsetDateTime orderTime, int expiryDuration, ExpiryUnit unit) {

	public CustomExpiry {
		Objects.requireNonNull(unit, "unit");
		if (expiryDuration <= 0) {
			throw new IllegalArgumentException("Expiry duration must be positive, got " + expiryDuration);
		}
		if (unit == ExpiryUnit.UNKNOWN) {
			throw new IllegalArgumentException("Expiry unit must be second, minute, hour or day");
		}
	}

	/**
	 * Expire after a duration counted from the transaction time.
	 * @param expiryDuration how many units
	 * @param unit the unit
	 * @return the expiry
	 */
	public static CustomExpiry after(int expiryDuration, ExpiryUnit unit) {
		return new CustomExpiry(null, expiryDuration, unit);
	}

}
