package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * The created payment link.
 *
 * @param orderId the link's order id
 * @param paymentUrl the page to share with the customer
 * @param raw the complete body
 * @since 0.1.0
 */
public record PaymentLinkResponse(@Nullable String orderId, @Nullable String paymentUrl,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

}
