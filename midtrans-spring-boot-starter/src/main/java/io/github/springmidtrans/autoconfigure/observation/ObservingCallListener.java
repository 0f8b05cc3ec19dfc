package io.github.springmidtrans.autoconfigure.observation;

import java.time.Duration;
import java.util.Locale;

import io.github.springmidtrans.client.MidtransCallListener;
import io.github.springmidtrans.client.MidtransOperation;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Makes each call to Midtrans an observation. The client tells its listeners of the start
 * and the end of a call on the calling thread, so the open observation waits in a
 * thread-local between the two.
 */
final class ObservingCallListener implements MidtransCallListener {

	static final String NAME = "midtrans.client.calls";

	private final ObservationRegistry registry;

	private final ThreadLocal<Observation.Scope> current = new ThreadLocal<>();

	ObservingCallListener(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void onStart(MidtransOperation operation) {
		// A call that ended without onCall (the request could not be sent) is closed
		// here.
		end("unknown", 0);
		String name = operation.name().toLowerCase(Locale.ROOT);
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("midtrans " + name)
			.lowCardinalityKeyValue("operation", name)
			.start();
		this.current.set(observation.openScope());
	}

	@Override
	public void onCall(MidtransOperation operation, String outcome, int httpStatus, Duration duration) {
		end(outcome, httpStatus);
	}

	private void end(String outcome, int httpStatus) {
		Observation.Scope scope = this.current.get();
		if (scope == null) {
			return;
		}
		this.current.remove();
		Observation observation = scope.getCurrentObservation();
		observation.lowCardinalityKeyValue("outcome", outcome)
			.lowCardinalityKeyValue("http.status_code", (httpStatus != 0) ? String.valueOf(httpStatus) : "none");
		scope.close();
		observation.stop();
	}

}
