package io.github.springmidtrans.autoconfigure.observation;

import io.github.springmidtrans.autoconfigure.MidtransClientBuilderCustomizer;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Calls to Midtrans as Micrometer observations, when an {@link ObservationRegistry}
 * exists: each call is a {@code midtrans.client.calls} observation (a timer with
 * Micrometer's meter handler, a span named {@code midtrans <operation>} with a tracer),
 * with the low-cardinality keys {@code operation}, {@code outcome} ({@code success} or
 * the exception's name) and {@code http.status_code} ({@code none} when no answer
 * arrived). Runs of the periodic jobs are observed by the task auto-configuration.
 *
 * @since 0.1.0
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnBean(ObservationRegistry.class)
public final class MidtransObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "midtransObservationClientCustomizer")
	MidtransClientBuilderCustomizer midtransObservationClientCustomizer(ObservationRegistry registry) {
		return (builder) -> builder.addCallListener(new ObservingCallListener(registry));
	}

}
