package io.github.springmidtrans.client.model;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.OptBoolean;
import org.jspecify.annotations.Nullable;

/**
 * Midtrans' acknowledgement of a subscription update, disable, enable or cancel: only a
 * message such as {@code "Subscription is updated."}. Read the subscription again to see
 * its new state.
 *
 * @param statusMessage Midtrans' message, {@code null} when the answer had no body
 * @param raw the complete body, {@code null} when there was none
 * @since 0.1.0
 */
public record SubscriptionActionResponse(@Nullable String statusMessage,
		@JsonIgnore @JacksonInject(value = "midtrans.raw", useInput = OptBoolean.FALSE,
				optional = OptBoolean.TRUE) @Nullable RawJson raw) {

}
