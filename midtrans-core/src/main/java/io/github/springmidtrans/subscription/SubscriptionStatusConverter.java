package io.github.springmidtrans.subscription;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link SubscriptionStatus} as its name in a plain {@code varchar} on every
 * database.
 */
@Converter
class SubscriptionStatusConverter implements AttributeConverter<SubscriptionStatus, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable SubscriptionStatus status) {
		return (status != null) ? status.name() : null;
	}

	@Override
	public @Nullable SubscriptionStatus convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? SubscriptionStatus.valueOf(value) : null;
	}

}
