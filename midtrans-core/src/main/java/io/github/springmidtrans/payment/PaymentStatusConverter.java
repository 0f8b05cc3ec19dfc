package io.github.springmidtrans.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link PaymentStatus} as its name in a plain {@code varchar} on every database.
 */
@Converter
class PaymentStatusConverter implements AttributeConverter<PaymentStatus, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable PaymentStatus status) {
		return (status != null) ? status.name() : null;
	}

	@Override
	public @Nullable PaymentStatus convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? PaymentStatus.valueOf(value) : null;
	}

}
