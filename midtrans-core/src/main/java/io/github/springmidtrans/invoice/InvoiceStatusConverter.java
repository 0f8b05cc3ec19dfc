package io.github.springmidtrans.invoice;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/**
 * Stores {@link InvoiceStatus} as its name in a plain {@code varchar} on every database.
 */
@Converter
class InvoiceStatusConverter implements AttributeConverter<InvoiceStatus, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable InvoiceStatus status) {
		return (status != null) ? status.name() : null;
	}

	@Override
	public @Nullable InvoiceStatus convertToEntityAttribute(@Nullable String value) {
		return (value != null) ? InvoiceStatus.valueOf(value) : null;
	}

}
