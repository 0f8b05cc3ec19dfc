package io.github.springmidtrans.payaccount;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link PayAccountState} as its name in a plain {@code varchar} on every
 * database.
 */
@Converter
class PayAccountStateConverter implements AttributeConverter<PayAccountState, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable PayAccountState status) {
		return (status != null) ? status.name() : null;
	}

	@Override
	public @Nullable PayAccountState convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? PayAccountState.valueOf(value) : null;
	}

}
