package io.github.springmidtrans.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells several {@link MidtransCallListener}s, in order; one that throws does not keep
 * the others from being told.
 */
final class CompositeCallListener implements MidtransCallListener {

	private static final Logger logger = LoggerFactory.getLogger(CompositeCallListener.class);

	private final List<MidtransCallListener> listeners;

	private CompositeCallListener(List<MidtransCallListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	static CompositeCallListener of(MidtransCallListener first, MidtransCallListener second) {
		List<MidtransCallListener> listeners = new ArrayList<>();
		for (MidtransCallListener listener : List.of(first, second)) {
			if (listener instanceof CompositeCallListener composite) {
				listeners.addAll(composite.listeners);
			}
			else {
				listeners.add(listener);
			}
		}
		return new CompositeCallListener(listeners);
	}

	@Override
	public void onStart(MidtransOperation operation) {
		for (MidtransCallListener listener : this.listeners) {
			try {
				listener.onStart(operation);
			}
			catch (RuntimeException ex) {
				logger.debug("Midtrans call listener failed: {}", ex.toString());
			}
		}
	}

	@Override
	public void onCall(MidtransOperation operation, String outcome, int httpStatus, Duration duration) {
		for (MidtransCallListener listener : this.listeners) {
			try {
				listener.onCall(operation, outcome, httpStatus, duration);
			}
			catch (RuntimeException ex) {
				logger.debug("Midtrans call listener failed: {}", ex.toString());
			}
		}
	}

}
