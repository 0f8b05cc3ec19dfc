package io.github.springmidtrans.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link RefundState} as its name in a plain {@code varchar} on every database.
 */
@Converter
class RefundStateConverter implements AttributeConverter<RefundState, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable RefundState state) {
		return (state != null) ? state.name() : null;
	}

	@Override
	public @Nullable RefundState convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? RefundState.valueOf(value) : null;
	}

}
