package io.github.springmidtrans.autoconfigure.observation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.springmidtrans.autoconfigure.MidtransClientAutoConfiguration;
import io.github.springmidtrans.autoconfigure.metrics.MidtransMetricsAutoConfiguration;
import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransNotFoundException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link MidtransObservationAutoConfiguration}.
 */
class MidtransObservationAutoConfigurationTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MidtransClientAutoConfiguration.class,
				MidtransMetricsAutoConfiguration.class, MidtransObservationAutoConfiguration.class))
		.withPropertyValues("midtrans.server-key=SB-Mid-server-abc");

	// gh-17
	@Test
	void everyCallIsAnObservationAndStillMeasured() {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		List<Observation.Context> stopped = recordStopped(observations);
		this.server.enqueue(json("{\"status_code\":\"200\",\"order_id\":\"o-1\"}"));
		this.server.enqueue(json("{\"status_code\":\"404\"}"));
		this.runner.withPropertyValues("midtrans.base-url=" + this.server.url("/"))
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(MeterRegistry.class, () -> meters)
			.run((context) -> {
				MidtransClient client = context.getBean(MidtransClient.class);
				client.status("o-1");
				assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(() -> client.status("o-2"));

				assertThat(stopped).hasSize(2).allSatisfy((call) -> {
					assertThat(call.getName()).isEqualTo("midtrans.client.calls");
					assertThat(call.getContextualName()).isEqualTo("midtrans status");
					assertThat(call.getLowCardinalityKeyValue("operation").getValue()).isEqualTo("status");
				});
				assertThat(stopped.get(0).getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("success");
				assertThat(stopped.get(0).getLowCardinalityKeyValue("http.status_code").getValue()).isEqualTo("200");
				assertThat(stopped.get(1).getLowCardinalityKeyValue("outcome").getValue())
					.isEqualTo("MidtransNotFoundException");
				// The observation's timer, and the existing meter beside it.
				assertThat(meters.get("midtrans.client.calls")
					.tag("operation", "status")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(meters.get("midtrans.client.requests")
					.tag("operation", "status")
					.tag("outcome", "success")
					.timer()
					.count()).isEqualTo(1);
				assertThat(observations.getCurrentObservation()).isNull();
			});
	}

	// gh-17
	@Test
	void noObservationsWithoutARegistryAndUserBeansWin() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean("midtransObservationClientCustomizer"));
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).hasBean("midtransObservationClientCustomizer"));
	}

	private static List<Observation.Context> recordStopped(ObservationRegistry observations) {
		List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
		observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				stopped.add(context);
			}

		});
		return stopped;
	}

	private static MockResponse json(String body) {
		return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body(body).build();
	}

}
