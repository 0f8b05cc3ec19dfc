package io.github.springmidtrans.test;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.jetty.http.HttpCompliance;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.UriCompliance;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ConnectHandler;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serving layer of the simulator: a Jetty server that accepts what Midtrans accepts
 * (a body on GET and DELETE, chunked bodies, keep-alive, absolute request targets as sent
 * to a proxy, lenient header parsing) and always answers in Midtrans' JSON shape, even a
 * request it cannot parse. In HTTPS proxy mode it also answers {@code CONNECT} for
 * Midtrans' hosts and tunnels it to a TLS connector on the loopback interface that serves
 * the same handler with the simulator's certificate.
 *
 * <p>
 * Not API: {@link MidtransSimulator} owns it.
 */
final class SimulatorServer {

	private static final Logger logger = LoggerFactory.getLogger(SimulatorServer.class);

	private final Server server;

	private final ServerConnector plain;

	private final @Nullable ServerConnector secure;

	SimulatorServer(Function<Exchange, Reply> handler, @Nullable SimulatorTls tls, String host) {
		QueuedThreadPool threads = new QueuedThreadPool(64, 2);
		threads.setName("midtrans-simulator");
		threads.setDaemon(true);
		threads.setStopTimeout(500);
		this.server = new Server(threads);
		this.server.setStopTimeout(0);
		HttpConfiguration http = new HttpConfiguration();
		http.setSendServerVersion(false);
		http.setSendXPoweredBy(false);
		http.setRequestHeaderSize(64 * 1024);
		http.setHttpCompliance(HttpCompliance.LEGACY);
		http.setUriCompliance(UriCompliance.UNSAFE);
		this.plain = new ServerConnector(this.server, new HttpConnectionFactory(http));
		this.plain.setHost(host);
		this.server.addConnector(this.plain);
		Handler.Abstract simulatorHandler = new SimulatorHandler(handler);
		if (tls != null) {
			SslContextFactory.Server ssl = new SslContextFactory.Server();
			ssl.setSslContext(tls.sslContext());
			this.secure = new ServerConnector(this.server, new SslConnectionFactory(ssl, "http/1.1"),
					new HttpConnectionFactory(http));
			this.secure.setHost(InetAddress.getLoopbackAddress().getHostAddress());
			this.server.addConnector(this.secure);
			this.server.setHandler(new TunnelToSecureConnector(simulatorHandler, Set.copyOf(SimulatorTls.HOSTS)));
		}
		else {
			this.secure = null;
			this.server.setHandler(simulatorHandler);
		}
		this.server.setErrorHandler(new MidtransErrorHandler());
	}

	void start(int port) {
		this.plain.setPort(port);
		try {
			this.server.start();
		}
		catch (Exception ex) {
			stop();
			if (ex instanceof IOException io) {
				throw new UncheckedIOException("Midtrans simulator could not listen on port " + port, io);
			}
			throw new IllegalStateException("Midtrans simulator could not start on port " + port, ex);
		}
	}

	int port() {
		return this.plain.getLocalPort();
	}

	void stop() {
		try {
			this.server.stop();
		}
		catch (Exception ex) {
			logger.debug("Midtrans simulator did not stop cleanly", ex);
		}
	}

	/**
	 * A request as the simulator sees it: header names in lower case (repeated headers
	 * keep every value), the body as text, and the host the client addressed (the
	 * {@code Host} header or the absolute request target), if any.
	 */
	record Exchange(String method, String target, Map<String, List<String>> headers, byte[] body,
			@Nullable String host) {

		@Nullable String header(String name) {
			List<String> values = this.headers.get(name);
			return (values != null && !values.isEmpty()) ? values.get(0) : null;
		}

		String bodyText() {
			return new String(this.body, StandardCharsets.UTF_8);
		}

	}

	/**
	 * What to answer, and how: a fault may hold back the headers, hold back the body
	 * after the headers, or close the connection without an answer.
	 */
	record Reply(int status, Map<String, String> headers, byte[] body, Duration headersDelay, Duration bodyDelay,
			boolean dropConnection) {

		static Reply of(int status, Map<String, String> headers, byte[] body) {
			return new Reply(status, headers, body, Duration.ZERO, Duration.ZERO, false);
		}

		static Reply drop() {
			return new Reply(0, Map.of(), new byte[0], Duration.ZERO, Duration.ZERO, true);
		}

		Reply withHeadersDelay(Duration delay) {
			return new Reply(this.status, this.headers, this.body, delay, this.bodyDelay, this.dropConnection);
		}

		Reply withBodyDelay(Duration delay) {
			return new Reply(this.status, this.headers, this.body, this.headersDelay, delay, this.dropConnection);
		}

		Reply withDrop() {
			return new Reply(this.status, this.headers, this.body, this.headersDelay, this.bodyDelay, true);
		}

		Reply withBody(String body) {
			return new Reply(this.status, this.headers, body.getBytes(StandardCharsets.UTF_8), this.headersDelay,
					this.bodyDelay, this.dropConnection);
		}

	}

	private static final class SimulatorHandler extends Handler.Abstract {

		private final Function<Exchange, Reply> handler;

		SimulatorHandler(Function<Exchange, Reply> handler) {
			this.handler = handler;
		}

		@Override
		public boolean handle(Request request, Response response, Callback callback) throws Exception {
			Reply reply;
			try {
				reply = this.handler.apply(exchange(request));
			}
			catch (RuntimeException ex) {
				logger.warn("Midtrans simulator failed to handle {} {}", request.getMethod(),
						request.getHttpURI().getPath(), ex);
				reply = Reply.of(500, Map.of("Content-Type", "application/json"),
						Wire.write(Wire.error("500", "Simulator error: " + ex.getClass().getSimpleName()))
							.getBytes(StandardCharsets.UTF_8));
			}
			send(request, response, callback, reply);
			return true;
		}

		private static Exchange exchange(Request request) throws IOException {
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (HttpField field : request.getHeaders()) {
				headers.computeIfAbsent(field.getLowerCaseName(), (name) -> new ArrayList<>()).add(field.getValue());
			}
			ByteBuffer content = Content.Source.asByteBuffer(request);
			byte[] body = new byte[content.remaining()];
			content.get(body);
			HttpURI uri = request.getHttpURI();
			String target = (uri.getPathQuery() != null) ? uri.getPathQuery() : "/";
			String host = uri.getHost();
			if (host == null) {
				List<String> hostHeader = headers.get("host");
				host = (hostHeader != null && !hostHeader.isEmpty()) ? hostHeader.get(0) : null;
			}
			if (host != null) {
				host = stripPort(host).toLowerCase(Locale.ROOT);
			}
			return new Exchange(request.getMethod(), target, headers, body, host);
		}

		private static String stripPort(String host) {
			if (host.startsWith("[")) {
				return host;
			}
			int colon = host.indexOf(':');
			return (colon >= 0) ? host.substring(0, colon) : host;
		}

		private static void send(Request request, Response response, Callback callback, Reply reply)
				throws IOException, InterruptedException {
			sleep(reply.headersDelay());
			if (reply.dropConnection()) {
				request.getConnectionMetaData().getConnection().getEndPoint().close();
				callback.failed(new IOException("Connection dropped by a scripted fault"));
				return;
			}
			response.setStatus(reply.status());
			HttpFields.Mutable headers = response.getHeaders();
			reply.headers().forEach(headers::put);
			headers.put(HttpHeader.CONTENT_LENGTH, reply.body().length);
			if (reply.bodyDelay().isZero() || reply.body().length == 0) {
				response.write(true, ByteBuffer.wrap(reply.body()), callback);
				return;
			}
			try (OutputStream out = Content.Sink.asOutputStream(response)) {
				out.flush();
				sleep(reply.bodyDelay());
				out.write(reply.body());
			}
			catch (IOException ex) {
				callback.failed(ex);
				return;
			}
			callback.succeeded();
		}

		private static void sleep(Duration delay) throws InterruptedException {
			if (!delay.isZero()) {
				Thread.sleep(delay.toMillis());
			}
		}

	}

	/**
	 * Answers {@code CONNECT} for Midtrans' hosts on port 443 by tunnelling to the TLS
	 * connector; other destinations get HTTP 403, so the simulator never reaches the
	 * network.
	 */
	private final class TunnelToSecureConnector extends ConnectHandler {

		private final Set<String> hosts;

		TunnelToSecureConnector(Handler handler, Set<String> hosts) {
			super(handler);
			this.hosts = hosts;
		}

		@Override
		public boolean validateDestination(String host, int port) {
			return port == 443 && this.hosts.contains(host.toLowerCase(Locale.ROOT));
		}

		@Override
		protected InetSocketAddress newConnectAddress(String host, int port) {
			ServerConnector connector = SimulatorServer.this.secure;
			if (connector == null) {
				throw new IllegalStateException("No TLS connector");
			}
			return new InetSocketAddress(InetAddress.getLoopbackAddress(), connector.getLocalPort());
		}

	}

	/**
	 * Requests Jetty rejects before any handler sees them (a malformed request line or
	 * header, a header section too large) still get a Midtrans-shaped JSON answer.
	 */
	private static final class MidtransErrorHandler extends ErrorHandler {

		@Override
		protected void generateResponse(Request request, Response response, int code, @Nullable String message,
				@Nullable Throwable cause, Callback callback) throws IOException {
			response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
			response.write(true, ByteBuffer.wrap(errorBody(code, message)), callback);
		}

		@Override
		public ByteBuffer badMessageError(int status, @Nullable String reason, HttpFields.Mutable fields) {
			fields.put(HttpHeader.CONTENT_TYPE, "application/json");
			return ByteBuffer.wrap(errorBody(status, reason));
		}

		private static byte[] errorBody(int code, @Nullable String message) {
			String text = (message != null && !message.isBlank()) ? message : "The request could not be processed";
			return Wire.write(Wire.error(Integer.toString(code), text)).getBytes(StandardCharsets.UTF_8);
		}

	}

}
