package io.github.springmidtrans.payment;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores a {@link PaymentFlag} by name.
 */
@Converter
class PaymentFlagConverter implements AttributeConverter<PaymentFlag, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable PaymentFlag flag) {
		return (flag != null) ? flag.name() : null;
	}

	@Override
	public @Nullable PaymentFlag convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? PaymentFlag.valueOf(value) : null;
	}

}
