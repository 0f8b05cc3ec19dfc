package io.github.springmidtrans.notification;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link NotificationOutcome} as its name in a plain {@code varchar} on every
 * database.
 */
@Converter
class NotificationOutcomeConverter implements AttributeConverter<NotificationOutcome, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable NotificationOutcome outcome) {
		return (outcome != null) ? outcome.name() : null;
	}

	@Override
	public @Nullable NotificationOutcome convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? NotificationOutcome.valueOf(value) : null;
	}

}
