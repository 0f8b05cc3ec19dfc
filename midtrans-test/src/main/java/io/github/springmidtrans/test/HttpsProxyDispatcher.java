package io.github.springmidtrans.test;

import java.util.List;
import java.util.Locale;

import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * Lets the simulator act as an HTTPS proxy for Midtrans' hosts, for clients whose base
 * URL is fixed (the official SDK): a {@code CONNECT api.sandbox.midtrans.com:443} is
 * answered {@code 200}, and the connection then carries TLS with the simulator's
 * certificate; plain HTTP requests on the same port are served as usual.
 *
 * <p>
 * MockWebServer asks {@link #peek()}, on the connection's own thread, whether the next
 * request is a proxy request; it reads requests in plain text for as long as the answer
 * is "in tunnel", and starts TLS as soon as it is not. So every connection starts "in
 * tunnel", and after a CONNECT was accepted on a thread, the next peek on that thread
 * (MockWebServer's check right after the CONNECT answer) says "TLS now" once.
 *
 * <p>
 * The simulator itself no longer serves through MockWebServer ({@link SimulatorServer}
 * tunnels with Jetty); this dispatcher remains for the benchmarks' HTTPS baseline server,
 * which needs {@code mockwebserver3} on its own class path.
 */
final class HttpsProxyDispatcher extends Dispatcher {

	private static final MockResponse PLAIN = new MockResponse.Builder().inTunnel().build();

	private static final MockResponse START_TLS = new MockResponse.Builder().build();

	private final Dispatcher delegate;

	private final List<String> hosts;

	private final ThreadLocal<Boolean> tunnelAccepted = ThreadLocal.withInitial(() -> false);

	HttpsProxyDispatcher(Dispatcher delegate, List<String> hosts) {
		this.delegate = delegate;
		this.hosts = List.copyOf(hosts);
	}

	@Override
	public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
		if (!"CONNECT".equals(request.getMethod())) {
			return this.delegate.dispatch(request);
		}
		String target = request.getTarget().toLowerCase(Locale.ROOT);
		int colon = target.lastIndexOf(':');
		String host = (colon > 0) ? target.substring(0, colon) : target;
		String port = (colon > 0) ? target.substring(colon + 1) : "443";
		if (!this.hosts.contains(host) || !"443".equals(port)) {
			// Not a Midtrans API host: refuse, and do not start TLS on this connection.
			return new MockResponse.Builder().inTunnel()
				.code(403)
				.body("The Midtrans simulator only tunnels to " + String.join(", ", this.hosts) + " on port 443")
				.onResponseEnd(new SocketEffect.CloseSocket())
				.build();
		}
		this.tunnelAccepted.set(true);
		return new MockResponse.Builder().inTunnel().code(200).status("HTTP/1.1 200 Connection established").build();
	}

	@Override
	public MockResponse peek() {
		if (this.tunnelAccepted.get()) {
			this.tunnelAccepted.set(false);
			return START_TLS;
		}
		return PLAIN;
	}

	@Override
	public void close() {
		this.delegate.close();
	}

}
